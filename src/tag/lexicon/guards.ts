/**
 * Cheap pre-checks for the rules' larger regular expressions: one pass over
 * a folded text's words (wordBits in ./tokens.ts, which keeps each word's
 * bits in its table) sets a bit for each group of words present, and a
 * rule runs its expression only when the words it cannot match without are
 * there. A guard never changes a result, it only skips work:
 *
 * A pure-letter word X that matches `\bX\b` in folded text (lower case, so
 * the word characters are [a-z0-9_]) is a whole run of [a-z0-9] characters,
 * and words() yields every such run either as a word or as one side of a
 * word's apostrophe ("it's" gives "it" and "s"). So when an expression can
 * only match with X standing as a word of its own there, X being absent
 * from those parts proves the expression cannot match.
 */

/** A date word of reported.ts's DATE (its other dates all need a digit). */
export const DATE_WORD = 1 << 0
/** An irregular past tense form (reported.ts). */
export const PAST_WORD = 1 << 1
/** A word of five letters or more ending in "ed" (reported.ts's regular past). */
export const ED_WORD = 1 << 2
/** A present-tense auxiliary (reported.ts); the apostrophe forms are checked apart. */
export const PRESENT_WORD = 1 << 3
/** A word modality.ts's CLEAR ends with. */
export const CLEAR_WORD = 1 << 4
/** A copula word of modality.ts's JUDGEMENT; the apostrophe forms are checked apart. */
export const JUDGEMENT_COPULA = 1 << 5
/** A value word JUDGEMENT's last alternation needs (one word of each of its phrases). */
export const JUDGEMENT_VALUE = 1 << 6
/** "to" (modality.ts's RECOMMEND ends with it). */
export const TO = 1 << 7
/** "be" (RECOMMEND's "would be"/"'d be"). */
export const BE = 1 << 8
/** A modal of marker.ts's HYPOTHETICAL_VOICE. */
export const HYPOTHETICAL_MODAL = 1 << 9
/** A verb of saying of HYPOTHETICAL_VOICE ("point" of "point out"). */
export const HYPOTHETICAL_VERB = 1 << 10
/** A subject of modality.ts's SUBJECT_ADVERB ("no one" by its "one"). */
export const ADVERB_SUBJECT = 1 << 11
/** A modal word SUBJECT_ADVERB looks ahead for ("have to" by its "have", "had better" by its "had"). */
export const ADVERB_MODAL = 1 << 12
/** A word with a digit: every digit of a text is in one of its words, so without this bit `\d` finds nothing. */
export const DIGIT_WORD = 1 << 13

const BITS = new Map<string, number>()
function group(bit: number, list: string): void {
  for (const w of list.split(' ')) BITS.set(w, (BITS.get(w) ?? 0) | bit)
}
group(DATE_WORD, 'yesterday last day days week weeks month months year years decade decades')
group(
  PAST_WORD,
  'was were did said showed made became began came went took found left met told saw gave held led won lost knew thought ' +
    'brought wrote ran rose fell spoke sent got kept felt stood paid built sought fought struck chose drove grew threw broke',
)
group(PRESENT_WORD, 'is are am has have do does will can should must shall ought need needs cannot')
group(CLEAR_WORD, 'clear obvious evident plain certain')
group(JUDGEMENT_COPULA, 'is are was be seems seem remains')
group(
  JUDGEMENT_VALUE,
  'fair unfair right wrong better worse best appropriate inappropriate sensible wise unwise reasonable unreasonable ' +
    'desirable undesirable advisable justified unjustified irresponsible responsible unacceptable acceptable mistake ' +
    'absurd ridiculous pointless essential crucial vital necessary unnecessary beneficial harmful dangerous good bad ' +
    'answer solution helpful useful useless worth worthwhile',
)
group(TO, 'to')
group(BE, 'be')
group(HYPOTHETICAL_MODAL, 'may might could would will')
group(HYPOTHETICAL_VERB, 'argue say claim object contend counter point insist complain retort')
group(ADVERB_SUBJECT, 'we you they one everyone nobody')
group(ADVERB_MODAL, 'need must should ought have had')

/** Bits of one word (a run of [a-z0-9]). */
function bitsOf(part: string): number {
  const n = part.length
  // "-ed" words of five letters or more (ED_WORD); [a-z] only matters for the expression, not for the guard.
  const ed = n >= 5 && part.charCodeAt(n - 1) === 100 && part.charCodeAt(n - 2) === 101 ? ED_WORD : 0
  return ed | (/\d/.test(part) ? DIGIT_WORD : 0) | (BITS.get(part) ?? 0)
}

/**
 * The guard bits of one token of words() ("it's" stands for its two runs,
 * "it" and "s"). A text's bits are its tokens' bits together; the word
 * table (./tokens.ts) keeps each token's, so this runs once per distinct word.
 */
export function tokenBits(token: string): number {
  const apostrophe = token.indexOf("'")
  if (apostrophe < 0) return bitsOf(token)
  return bitsOf(token.slice(0, apostrophe)) | bitsOf(token.slice(apostrophe + 1))
}
