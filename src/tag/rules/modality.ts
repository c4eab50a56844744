/**
 * Rule: modal and evaluative language. Deontic modals ("should", "must",
 * "have to") and value words ("unfair", "better") mark a statement the author
 * argues for; the stance phrases ("I think", "in my view") mark the author's
 * own position. Epistemic "must have been" is a guess, not an obligation.
 */
import { DEONTIC, EVALUATIVE, NECESSITY, STANCE, findAll, firstAt, wordMatcher } from '../lexicon/index.js'
import { signalNames } from '../text.js'
import { ADVERB_MODAL, ADVERB_SUBJECT, BE, CLEAR_WORD, JUDGEMENT_COPULA, JUDGEMENT_VALUE, TO } from '../lexicon/guards.js'
import { wordBits, words } from '../lexicon/tokens.js'

export interface ModalityResult {
  deontic: string[]
  /** A value judgement stated with a copula ("would be fair", "is irresponsible"). */
  judgement: boolean
  /** Weaker necessity modals ("have to", "need to"). */
  necessity: string[]
  evaluative: string[]
  stance: string[]
  signals: string[]
}

const DEONTIC_RE = wordMatcher(DEONTIC)
const NECESSITY_RE = wordMatcher(NECESSITY)
const EVALUATIVE_RE = wordMatcher(EVALUATIVE)
const STANCE_RE = wordMatcher(STANCE)
/** "It is clear that", "one thing had now become clear:": the author states the upshot. */
const CLEAR = /\b(?:it|one thing|this|that|the (?:answer|conclusion|lesson))(?:'s| (?:is|was|has|had|seems|should be))(?: now| thus| therefore| quite| very| abundantly)? (?:(?:become|been) )?(?:clear|obvious|evident|plain|certain)\b/
/**
 * "It would be fair to ...", "X is most certainly desirable": a value judgement stated outright.
 * The adverbs' group captures (the rule only tests): V8 unrolls a `{0,3}` of an uncapturing group into three
 * copies of the alternation, which took ~19 ms to compile on first use (a CLI run's start); a capturing one it
 * loops over, ~1 ms. The same matches.
 */
const JUDGEMENT =
  /\b(?:is|are|was|would be|will be|seems|seem|remains|'s|'re)( (?:not|most|very|quite|more|less|far|much|simply|clearly|certainly|definitely|surely|really|absolutely|highly|extremely|entirely|only|also|therefore|thus|in fact|actually|undoubtedly|just|so|too|a)){0,3} (?:fair|unfair|right|wrong|better|worse|best|appropriate|inappropriate|sensible|wise|unwise|reasonable|unreasonable|desirable|undesirable|advisable|justified|unjustified|irresponsible|responsible|unacceptable|acceptable|mistake|absurd|ridiculous|pointless|essential|crucial|vital|necessary|unnecessary|beneficial|harmful|dangerous|good idea|bad idea|the answer|the solution|the right|good|bad|a good thing|a bad thing|harmful|helpful|useful|useless|worth it|worthwhile)\b/
/** "it would be best to", "it is wiser to", "it makes sense to": the author recommends a course of action. */
const RECOMMEND =
  /\b((?:it|this|that)(?: would|'d) be(?: (?:only|very|much|far|so|also|therefore|thus|simply|clearly|certainly))? (?:best|better|wise|wiser|fair|fairer|ideal|advisable|preferable|sensible|smart|a good idea|a better idea|the right thing|right|reasonable|only fair|only right|in everyone's interest) (?:for [a-z]+(?: [a-z]+)? )?to)\b/

/** "must have been", "should have known": epistemic or counterfactual, not deontic. */
const EPISTEMIC = /\b(?:must|should|ought to|have to|has to|had to) (?:not )?have (?:been|\w+ed|\w+en)\b/g

/** An "-ly" adverb between a subject and its modal ("we urgently need", "one really ought to"). */
const SUBJECT_ADVERB = /\b(we|you|they|one|everyone|nobody|no one) (?:[a-z]+ly )+(?=(?:need|must|should|ought|have to|had better)\b)/g

/** "right now", "right after": not the value word. */
const RIGHT_AS_ADVERB = /\bright (?:now|away|after|before|here|there)\b/

/**
 * The expressions this rule runs only when the words they need are there
 * (../lexicon/guards.ts), each with its guard: `may(text, wordBits(text))`
 * false proves `re` cannot match. The rule calls these guards, and
 * test/tag-guards.test.ts holds each to its expression.
 */
export const GUARDED = {
  clear: { re: CLEAR, may: (_text: string, bits: number): boolean => (bits & CLEAR_WORD) !== 0 },
  judgement: {
    re: JUDGEMENT,
    may: (text: string, bits: number): boolean => (bits & JUDGEMENT_VALUE) !== 0 && ((bits & JUDGEMENT_COPULA) !== 0 || text.includes("'")),
  },
  recommend: { re: RECOMMEND, may: (_text: string, bits: number): boolean => (bits & TO) !== 0 && (bits & BE) !== 0 },
  subjectAdverb: {
    re: SUBJECT_ADVERB,
    may: (text: string, bits: number): boolean => text.includes('ly ') && (bits & ADVERB_SUBJECT) !== 0 && (bits & ADVERB_MODAL) !== 0,
  },
} as const

const SUBORDINATOR: ReadonlySet<string> = new Set(['when', 'if', 'whenever', 'because', 'as', 'unless', 'whether'])

function tokenBefore(text: string, at: number): string {
  return at > 0 ? (words(text)[at - 1] ?? '') : ''
}

const modalSignal = signalNames('modal:')
const evalSignal = signalNames('eval:')
const stanceSignal = signalNames('stance:')
const NO_WORDS: string[] = Object.freeze([]) as unknown as string[]
/** Nothing found, made once (callers only read it): most units have no modal, value word or stance. */
const NO_MODALITY: ModalityResult = Object.freeze({
  deontic: NO_WORDS,
  judgement: false,
  necessity: NO_WORDS,
  evaluative: NO_WORDS,
  stance: NO_WORDS,
  signals: NO_WORDS,
})

export function modality(text: string): ModalityResult {
  // Guards (../lexicon/guards.ts): SUBJECT_ADVERB needs a subject and a modal word, RECOMMEND needs "be" and "to", CLEAR one of its words, JUDGEMENT a copula and a value word.
  const bits = wordBits(text)
  const unmodal = text.includes(' have ') ? text.replace(EPISTEMIC, ' ') : text
  // "we urgently need", "we simply must": the adverb does not change the modal.
  const scrubbed = GUARDED.subjectAdverb.may(unmodal, wordBits(unmodal)) ? unmodal.replace(SUBJECT_ADVERB, '$1 ') : unmodal
  // findAll's empty result is one shared, frozen list: the lists below are replaced, never added to.
  let deontic = findAll(DEONTIC_RE, scrubbed)
  // "It would be fair/ideal/best to X": a recommendation, as prescriptive as "should".
  const recommend = GUARDED.recommend.may(text, bits) ? RECOMMEND.exec(text) : null
  if (recommend && deontic.length === 0) deontic = [recommend[1]!]
  const valued = findAll(EVALUATIVE_RE, text)
  const evaluative = valued.includes('right') ? valued.filter((w) => !(w === 'right' && RIGHT_AS_ADVERB.test(text))) : valued
  const needed = findAll(NECESSITY_RE, scrubbed)
  let necessity = deontic.length > 0 && needed.length > 0 ? needed.filter((w) => !deontic.some((d) => d.includes(w))) : needed
  // Stance counts when it frames the unit ("I think X"), not inside a subordinate clause ("when I think of").
  const framed = findAll(STANCE_RE, text)
  let stance = framed.length === 0 ? framed : framed.filter((w) => {
    const at = firstAt(text, w)
    return at >= 0 && at <= 5 && !SUBORDINATOR.has(tokenBefore(text, at))
  })
  const clear = GUARDED.clear.may(text, bits) ? CLEAR.exec(text) : null
  if (clear && !stance.includes(clear[0])) stance = [...stance, clear[0]]
  // "I say they need to wait", "I think we have to act": necessity in the author's own voice prescribes.
  if (stance.length > 0 && necessity.length > 0 && deontic.length === 0) {
    deontic = necessity
    necessity = NO_WORDS
  }
  const judgement = GUARDED.judgement.may(text, bits) && JUDGEMENT.test(text)
  if (deontic.length + necessity.length + evaluative.length + stance.length === 0 && !judgement) return NO_MODALITY
  const signals: string[] = []
  for (const w of deontic) signals.push(modalSignal(w))
  for (const w of necessity) signals.push(modalSignal(w))
  for (const w of evaluative) signals.push(evalSignal(w))
  for (const w of stance) signals.push(stanceSignal(w))
  if (judgement) signals.push('eval:judgement')
  return { deontic, judgement, necessity, evaluative, stance, signals }
}
