/**
 * Rule: conditionals. "If X, Y" states a consequence under a condition: a
 * premise about a scenario, seldom the thesis itself.
 */
import { slug } from '../text.js'

export interface ConditionalResult {
  /** The conditional subordinator the unit opens with, e.g. "if". */
  conditional: string | null
  /** The unit opens with the condition ("If X, Y"), rather than adding one ("Y unless X"). */
  leading: boolean
  signals: string[]
}

const LEAD = /^(?:["'(\s]*)(?:(?:and|but|yet|or|so|however|still|now)\s*,?\s+)?(if|unless|provided that|providing that|as long as|so long as|in case|only if|even if|once|whenever|assuming that|suppose|supposing)(?![a-z'])/
const INNER = /[,;:] (?:then )?(if|unless|as long as|provided that)(?![a-z'])/

export function conditional(text: string): ConditionalResult {
  const lead = LEAD.exec(text)
  const m = lead ?? INNER.exec(text)
  if (!m || !m[1]) return { conditional: null, leading: false, signals: [] }
  return { conditional: m[1], leading: lead !== null, signals: [`conditional:${slug(m[1])}`] }
}
