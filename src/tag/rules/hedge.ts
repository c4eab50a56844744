/**
 * Rule: hedges and boosters. Both show the author's voice (so the unit is
 * argumentative); a hedge also makes it a weaker thesis candidate.
 */
import { BOOSTERS, HEDGES, findAll, wordMatcher } from '../lexicon/index.js'
import { slug } from '../text.js'

export interface HedgeResult {
  hedges: string[]
  boosters: string[]
  signals: string[]
}

const HEDGE_RE = wordMatcher(HEDGES)
const BOOSTER_RE = wordMatcher(BOOSTERS)

export function hedge(text: string): HedgeResult {
  const boosters = findAll(BOOSTER_RE, text)
  // "may" as a month is not a hedge ("on 3 May 2018").
  const hedges = findAll(HEDGE_RE, text).filter((w) => !(w === 'may' && /\b\d{1,2}(?:st|nd|rd|th)? (?:of )?may\b|\bmay \d/.test(text)))
  const signals = [...hedges.map((w) => `hedge:${slug(w)}`), ...boosters.map((w) => `booster:${slug(w)}`)]
  return { hedges, boosters, signals }
}
