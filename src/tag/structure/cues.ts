/**
 * Cues the structure planner reads off single units: what a unit points back
 * to, reports, quotes, counts or adds. Each is a cheap test on the unit's
 * features (precompiled patterns, guarded by a substring check where it pays).
 */
import type { Segment } from '../../model/types.js'
import { hasVoice, type Features } from '../features.js'
import { endsSentence } from '../text.js'

/** "this (preoccupation) could have given ...": what the preceding unit may lead to. */
export const CONSEQUENCE = /^(?:this|that|these|those|such)(?: [a-z-]+){0,3} (?:could|would|might|may|will|can) (?:also |well |even )?(?:have )?[a-z]+/

/** A quoted name in the unit (a nickname, a title: 'X is now called “Fatty Kim”'), not scare quotes around a common word. */
export function quotes(seg: Segment): boolean {
  return QUOTED_NAME.test(seg.plain)
}
const QUOTED_NAME = /(?:^|[\s(])["'“‘]\p{Lu}[^"'“”‘’\s]*(?:\s[^"'“”‘’\s]+){0,4}["'”’](?=[\s),.;:!?]|$)/u

/** "X did not help", "X made matters worse": X is named as adding to the trouble described before it. */
export function aggravates(f: Features): boolean {
  return (f.folded.includes('help') || f.folded.includes('worse')) && AGGRAVATES.test(f.folded)
}
const AGGRAVATES =
  /\b(?:did|does|do|will|would|could|can)(?: not|n't) help(?: (?:matters|things|much|either|at all|the situation|the matter))?[\s.!;]*$|\b(?:made?|makes|making) (?:matters|things|it|the situation|the problem) (?:even |much |far |only )?worse\b/

/** The writer's own experience ("I see ...", "My son plays ..."), not the writer's opinion ("I think", "I would"). */
export function anecdote(f: Features): boolean {
  return ANECDOTE.test(f.folded) && f.stance.length === 0 && f.deontic.length === 0 && f.evaluative.length === 0 && f.hedges.length === 0 && f.boosters.length === 0
}
const ANECDOTE = /^(?:i (?!(?:think|believe|feel|would|'d|will|'ll|should|must|agree|disagree|say|suggest|guess|suppose|doubt|know|hope|wish)\b)|my (?:own )?(?:[a-z]+ )?(?:family|friends?|kids|children|son|daughter|wife|husband|parents|mother|father|mom|dad|brother|sister|grandparents|neighbou?rs?)\b)/

/** A dated report of what happened, in no voice of the author's: a fact, not a position. */
export function datedReport(f: Features): boolean {
  return f.signals.includes('event:date') && !hasVoice(f)
}

/** "Landfills also produce odour": a further reason beside the one before it, not an expansion of it. */
export const ADDS = /\balso\b/

/** A sentence that opens by pointing back ("They use ...", "Such addiction ..."). */
export const ANAPHORIC = /^(?:this|these|those|it|they|such)\b/

/**
 * Concession phrases that report someone else's view with a verb of saying or thinking ("some argue",
 * "it is said", "one could object") or name the other side ("critics"); not the author's own granting
 * ("admittedly", "yes"), nor a mere subject ("some people may prefer").
 */
const REPORTED_VOICE =
  /\b(?:argue[sd]?|say|said|claim(?:s|ed)?|believe|think|feel|object|worry|fear|suggest(?:s|ed)?|contend|insist|complain|point out|maintain|assert|hold|find)\b|^(?:critics|opponents|proponents|supporters|skeptics|sceptics|advocates)\b/

/** The author names the other side's point: "one possible counter-argument is", "an obvious objection is". */
const NAMED_OBJECTION = /\b(?:counter[- ]?arguments?|objections?|criticisms?|counterpoints?)\b/

/** A whole sentence that reports an opposing view: what follows it answers it. */
export function reportedObjection(seg: Segment, f: Features): boolean {
  const lead = f.marker.lead
  if (!lead || seg.clause || !endsSentence(seg.plain)) return false
  // The verb may follow the marker phrase: "some people | may object to ...".
  return REPORTED_VOICE.test(`${lead.phrase} ${lead.rest.split(' ', 3).join(' ')}`) || NAMED_OBJECTION.test(lead.phrase)
}

/** "X, although Y." The concession closes the sentence that it qualifies; the next sentence is about X again. */
export function trailingConcession(seg: Segment): boolean {
  return seg.clause && endsSentence(seg.plain)
}

/** Figures (counts, amounts, rates; not years or dates) in a unit: evidence for the general statement before it. */
export function figures(f: Features): boolean {
  return DIGIT.test(f.folded) && DIGIT.test(f.folded.replace(YEAR_OR_DAY, ' '))
}
/** (Made once: a literal in the function would be a new expression object on every call.) */
const DIGIT = /\d/
const YEAR_OR_DAY = /\b(?:(?:1[5-9]|20)\d\d(?:s)?|\d{1,2}(?:st|nd|rd|th)?(?= (?:of )?[a-z]{3,9}\b))\b/g

/** Whether unit i closes a sentence (endsSentence, asked once per unit). */
export function sentenceEnds(segments: readonly Segment[]): (i: number) => boolean {
  const known = new Int8Array(segments.length)
  return (i) => {
    if (known[i] === 0) known[i] = endsSentence(segments[i]!.plain) ? 1 : 2
    return known[i] === 1
  }
}

const MARKER_SIGNALS = new Map<string, string>()

/** "marker:" and the phrase with runs of other characters as "-" (memoised: phrases mostly come from the lexicon). */
export function markerSignal(phrase: string): string {
  let s = MARKER_SIGNALS.get(phrase)
  if (s === undefined) {
    s = `marker:${phrase.replace(/[^a-z0-9]+/g, '-')}`
    if (MARKER_SIGNALS.size < 4096) MARKER_SIGNALS.set(phrase, s)
  }
  return s
}
