/**
 * Rule: modal and evaluative language. Deontic modals ("should", "must",
 * "have to") and value words ("unfair", "better") mark a statement the author
 * argues for; the stance phrases ("I think", "in my view") mark the author's
 * own position. Epistemic "must have been" is a guess, not an obligation.
 */
import { DEONTIC, EVALUATIVE, STANCE, findAll, wordMatcher } from '../lexicon/index.js'
import { slug } from '../text.js'

export interface ModalityResult {
  deontic: string[]
  evaluative: string[]
  stance: string[]
  signals: string[]
}

const DEONTIC_RE = wordMatcher(DEONTIC)
const EVALUATIVE_RE = wordMatcher(EVALUATIVE)
const STANCE_RE = wordMatcher(STANCE)
/** "must have been", "should have known": epistemic or counterfactual, not deontic. */
const EPISTEMIC = /\b(?:must|should|ought to|have to|has to|had to) (?:not )?have (?:been|\w+ed|\w+en)\b/g

export function modality(text: string): ModalityResult {
  const scrubbed = text.replace(EPISTEMIC, ' ')
  const deontic = findAll(DEONTIC_RE, scrubbed)
  const evaluative = findAll(EVALUATIVE_RE, text).filter((w) => !(w === 'right' && /\bright (?:now|away|after|before|here|there)\b/.test(text)))
  const stance = findAll(STANCE_RE, text)
  const signals = [
    ...deontic.map((w) => `modal:${slug(w)}`),
    ...evaluative.map((w) => `eval:${slug(w)}`),
    ...stance.map((w) => `stance:${slug(w)}`),
  ]
  return { deontic, evaluative, stance, signals }
}
