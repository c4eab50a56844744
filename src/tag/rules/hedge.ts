/**
 * Rule: hedges and boosters. Both show the author's voice (so the unit is
 * argumentative); a hedge also makes it a weaker thesis candidate.
 */
import { BOOSTERS, HEDGES, findAll, wordMatcher } from '../lexicon/index.js'
import { signalNames } from '../text.js'

export interface HedgeResult {
  hedges: string[]
  boosters: string[]
  signals: string[]
}

const HEDGE_RE = wordMatcher(HEDGES)
const BOOSTER_RE = wordMatcher(BOOSTERS)

/** "on 3 May 2018", "May 5": the month. */
const MAY_AS_MONTH = /\b\d{1,2}(?:st|nd|rd|th)? (?:of )?may\b|\bmay \d/

const hedgeSignal = signalNames('hedge:')
const boosterSignal = signalNames('booster:')
/** Neither, made once (callers only read it): most units have no hedge and no booster. */
const NEITHER: HedgeResult = Object.freeze({
  hedges: Object.freeze([]) as unknown as string[],
  boosters: Object.freeze([]) as unknown as string[],
  signals: Object.freeze([]) as unknown as string[],
})

export function hedge(text: string): HedgeResult {
  const boosters = findAll(BOOSTER_RE, text)
  // "may" as a month is not a hedge ("on 3 May 2018").
  const found = findAll(HEDGE_RE, text)
  const hedges = found.includes('may') ? found.filter((w) => !(w === 'may' && MAY_AS_MONTH.test(text))) : found
  if (hedges.length === 0 && boosters.length === 0) return NEITHER
  const signals: string[] = []
  for (const w of hedges) signals.push(hedgeSignal(w))
  for (const w of boosters) signals.push(boosterSignal(w))
  return { hedges, boosters, signals }
}
