/**
 * Rule: reported events. Narration of what happened (dates, past tense, named
 * people and places, figures) is background unless the author argues with it.
 * Returns a score; the combiner decides.
 */
import { DATE_WORD, DIGIT_WORD, ED_WORD, PAST_WORD, PRESENT_WORD } from '../lexicon/guards.js'
import { wordBits } from '../lexicon/tokens.js'

export interface ReportedResult {
  /** 0 (no narration cues) upwards; 2 or more reads as a report of events. */
  score: number
  signals: string[]
}

const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)'
const DATE = new RegExp(
  [
    `\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH}\\b`,
    `\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?\\b`,
    `\\b(?:in|on|since|by|until|during|from) (?:the )?(?:early |late |mid-?)?(?:1[5-9]|20)\\d\\d(?:s)?\\b`,
    `\\b(?:1[89]|20)\\d\\d\\b`,
    `\\b(?:yesterday|last (?:week|month|year|night|summer|winter|spring|autumn)|(?:a|one|two|three|\\d+|several|a few) (?:days?|weeks?|months?|years?|decades?) (?:later|ago|earlier|before|after))\\b`,
  ].join('|'),
)
const NUMBER = /\b\d[\d,.]*\s*(?:%|percent|per cent|million|billion|thousand)?/
const IRREGULAR_PAST =
  /\b(?:was|were|did|said|showed|made|became|began|came|went|took|found|left|met|told|saw|gave|held|led|won|lost|knew|thought|brought|wrote|ran|rose|fell|spoke|sent|got|kept|felt|stood|paid|built|sought|fought|struck|chose|drove|grew|threw|broke)\b(?!')/
const REGULAR_PAST = /\b(?:[a-z]{3,}ed)\b/
/** Present or future tense, the negated forms included ("won't" is not the past tense "won"). */
const PRESENT_VOICE = /\b(?:is|are|am|has|have|do|does|will|can|should|must|shall|ought|need|needs|'s|'re|(?:is|are|has|have|do|does|wo|ca|should|must|need)n't|cannot)\b/
/** A capitalised word that does not open the sentence or a quotation: a name. */
const NAME = /[a-z,;:)]\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*/

/**
 * The expressions this rule runs only when the words they need are there
 * (../lexicon/guards.ts), each with its guard: `may(text, wordBits(text))`
 * false proves `re` cannot match. The rule calls these guards, and
 * test/tag-guards.test.ts holds each to its expression.
 */
export const GUARDED = {
  date: { re: DATE, may: (_text: string, bits: number): boolean => (bits & (DATE_WORD | DIGIT_WORD)) !== 0 },
  irregularPast: { re: IRREGULAR_PAST, may: (_text: string, bits: number): boolean => (bits & PAST_WORD) !== 0 },
  regularPast: { re: REGULAR_PAST, may: (_text: string, bits: number): boolean => (bits & ED_WORD) !== 0 },
  presentVoice: { re: PRESENT_VOICE, may: (text: string, bits: number): boolean => (bits & PRESENT_WORD) !== 0 || text.includes("'") },
  number: { re: NUMBER, may: (_text: string, bits: number): boolean => (bits & DIGIT_WORD) !== 0 },
} as const

/** No cue, made once (callers only read it). */
const UNREPORTED: ReportedResult = Object.freeze({ score: 0, signals: Object.freeze([]) as unknown as string[] })

export function reported(plain: string, folded: string): ReportedResult {
  // Guards (../lexicon/guards.ts): every date without a digit has one of the date words; each past or present form is a word.
  const bits = wordBits(folded)
  const date = GUARDED.date.may(folded, bits) && DATE.test(folded)
  const past =
    ((GUARDED.irregularPast.may(folded, bits) && IRREGULAR_PAST.test(folded)) || (GUARDED.regularPast.may(folded, bits) && REGULAR_PAST.test(folded))) &&
    !(GUARDED.presentVoice.may(folded, bits) && PRESENT_VOICE.test(folded))
  const name = NAME.test(plain)
  const number = !date && GUARDED.number.may(folded, bits) && NUMBER.test(folded)
  if (!date && !past && !name && !number) return UNREPORTED
  const cues = (date ? 1 : 0) | (past ? 2 : 0) | (name ? 4 : 0) | (number ? 8 : 0)
  return { score: (date ? 1 : 0) + (past ? 1 : 0) + (name ? 0.5 : 0) + (number ? 0.5 : 0), signals: CUE_SIGNALS[cues]! }
}

/**
 * The signals of each set of cues (bit 1 date, 2 past, 4 name, 8 number),
 * made once: a list built per unit got room for seventeen.
 */
const CUE_SIGNALS: readonly string[][] = Array.from({ length: 16 }, (_, cues) =>
  Object.freeze(
    (['event:date', 'event:past', 'event:name', 'event:number'] as const).filter((_, k) => cues & (1 << k)),
  ) as string[],
)
