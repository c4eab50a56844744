/**
 * Rule: conditionals. "If X, Y" states a consequence under a condition: a
 * premise about a scenario, seldom the thesis itself.
 */
import { signalNames } from '../text.js'

export interface ConditionalResult {
  /** The conditional subordinator the unit opens with, e.g. "if". */
  conditional: string | null
  /** The unit opens with the condition ("If X, Y"), rather than adding one ("Y unless X"). */
  leading: boolean
  signals: string[]
}

const LEAD = /^(?:["'(\s]*)(?:(?:and|but|yet|or|so|however|still|now)\s*,?\s+)?(if|unless|provided that|providing that|as long as|so long as|in case|only if|even if|once|whenever|assuming that|suppose|supposing)(?![a-z'])/
const INNER = /[,;:] (?:then )?(if|unless|as long as|provided that)(?![a-z'])/

/** No conditional, made once (callers only read it): most units have none. */
const NONE: ConditionalResult = Object.freeze({ conditional: null, leading: false, signals: Object.freeze([]) as unknown as string[] })
const signalOf = signalNames('conditional:')

export function conditional(text: string): ConditionalResult {
  const lead = LEAD.exec(text)
  const m = lead ?? INNER.exec(text)
  if (!m || !m[1]) return NONE
  return { conditional: m[1], leading: lead !== null, signals: [signalOf(m[1])] }
}
