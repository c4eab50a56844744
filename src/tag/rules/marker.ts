/**
 * Rule: discourse markers. Finds the marker a unit opens with (disambiguating
 * the treacherous ones: temporal "since", comparative "as", prepositional
 * "for", "so far"...) and the markers inside it ("X is therefore Y",
 * "X, however, Y").
 */
import type { Segment } from '../../model/types.js'
import { INNER_CONCLUSION_RE, INNER_CONTRAST_LIST, findAll, leadMarker, type LeadMarker } from '../lexicon/index.js'
import { HYPOTHETICAL_MODAL, HYPOTHETICAL_VERB } from '../lexicon/guards.js'
import { wordBits, wordsBefore } from '../lexicon/tokens.js'
import { endsSentence, signalNames } from '../text.js'

/** A comma after the reason, then a main clause of three words or more. */
const EMBEDDED = /^[^,]{3,}, (?:\S+ ){2,}\S+/

export interface MarkerResult {
  lead: LeadMarker | null
  /** A conclusion marker inside the unit ("is therefore", "it follows that"). */
  innerConclusion: string | null
  /** A contrast marker inside the unit (", however,"). */
  innerContrast: string | null
  signals: string[]
}

const SUBJECT = /^(?:it|they|he|she|we|you|i|this|that|these|those|there|such|one|people|many|most|some)\b/
const TIME = /^(?:\d|the (?:\d|beginning|start|end|dawn|days?|time|early|late|inauguration|election|fall|collapse|war)|then|(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|(?:last|early|the late)\b)/
const PERFECT = /\b(?:has|have|had) (?:been|not|never|\w+ed|\w+en)\b/

/** A verb of saying, thinking or judging after a group subject, maybe after a modal or adverb ("may well argue"). */
const OPINION_VERB =
  /^(?:[a-z]+ ){0,2}?(?:argue|say|says|said|claim|think|believe|feel|object|worry|fear|contend|insist|complain|point out|suggest|maintain|assert|hold|consider|view|regard|agree|disagree|oppose|critici[sz]e|reject|doubt|question|dismiss|insist)\b/

/** "as" introducing a comparison, a manner or a time span rather than a reason. */
const AS_NOT_REASON =
  /^(?:in|if|though|well|such|opposed to|compared to|with|per)\b|^(?:i|we|you|they|he|she|it|one|people) (?:do|does|did|would|will|can)\b(?! not\b)(?!n't)(?: (?:ours?|theirs?|his|hers|with|to|for|in|at|our|their|my|your|so)\b| ?[,.;]|$)|^(?:i|we|you|they|he|she|it|one|children|kids|people) (?:grow|grows|get older|gets older|age|ages|mature|matures)\b/

/** Keep a lead marker only when it really works as one here. */
function disambiguate(lead: LeadMarker, seg: Segment): LeadMarker | null {
  const { phrase, rest } = lead
  switch (phrase) {
    case 'since':
      // "Since 2008, ...", "Since they came to power, X has ..." are temporal.
      if (TIME.test(rest) || PERFECT.test(rest)) return null
      return lead
    case 'as':
      // "as it provides ..." after a main clause; not "As the crowd cheered, ...", nor a comparison
      // ("feel pain as we do", "as in forever") or a span of time ("as they grow up").
      if (AS_NOT_REASON.test(rest)) return null
      return seg.clause || (SUBJECT.test(rest) && !/,/.test(rest.slice(0, 40))) ? lead : null
    case 'for':
      return seg.clause || SUBJECT.test(rest) ? lead : null
    case 'thus':
    case 'hence':
      return /^(?:far\b|[a-z]+ing\b)/.test(rest) ? null : lead
    case 'so':
      return /^(?:far|much|many|few|little|long|called|-called|to speak)\b/.test(rest) ? null : lead
    case 'still':
    case 'true':
    case 'sure':
    case 'yes':
    case 'first':
    case 'second':
    case 'third':
    case 'certainly':
      // Only as a sentence adverb: "Still, ...", "True, ...", "First, ...".
      return lead.comma ? lead : null
    case 'while':
    case 'whilst':
      return /^(?:in|at|on)\b/.test(rest) ? null : lead
    case 'despite':
    case 'in spite of':
      // "Despite X, Y" is a concession only when it opens the sentence.
      return seg.clause ? null : lead
    case 'though':
      // "Though, X." as a sentence adverb means "however": a turn, not a concession clause. So is a whole
      // sentence "Though X." with no main clause to concede to.
      return !seg.clause && (lead.comma || (endsSentence(seg.plain) && !rest.includes(','))) ? { ...lead, fn: 'contrast' } : lead
    case 'those who':
    case 'people who':
      return lead
    case 'some people':
    case 'many people':
      // "Some people argue X" reports a view; "Many people reuse their bags" is a plain statement about people.
      return OPINION_VERB.test(rest) ? lead : null
    default:
      return lead
  }
}

/** "Some may find X", "Many people believe X", "Critics will say X": an opposing voice the author reports. */
const OPPOSING_VOICE =
  /^["'(\s]*(?:(?:and|but|now|of course|granted),?\s+)?((?:some|many|most|others|critics|opponents|sceptics|skeptics)(?: (?:people|parents|politicians|experts|observers|commentators|users|of them|of us))?(?: (?:may|might|would|will|could|can|do|often|still|even))? (?:argue|say|claim|think|believe|feel|find|object|worry|fear|contend|insist|complain|point out|suggest|maintain|assert|hold))\b/

/** "One possible counter-argument is that X", "An obvious objection is X": the author names the other side's point. */
const NAMED_OBJECTION =
  /^["'(\s]*((?:one|an?|another|the)(?: possible| obvious| common| frequent| likely| main| usual)? (?:counter[- ]?argument|objection|criticism|counterpoint)(?: to (?:this|that|it))? (?:is|would be|might be|could be))\b/

/** "One drawback of X is Y", "There can be a downside", "On the negative side, Y": the author grants a point against. */
const NAMED_DRAWBACK =
  /^["'(\s]*((?:(?:one|another|the|a|the only|the main|the one)(?: possible| real| big| major| obvious)? (?:drawback|downside|disadvantage)(?: (?:of|with|to) [^,]{1,60}?)? (?:is|would be|might be|could be|may be)|there (?:can be|could be|is|are|may be|might be) (?:a |one |some )?(?:possible )?(?:drawbacks?|downsides?|disadvantages?)|on the (?:negative|downside)(?: side)?))\b/

/**
 * "Christians who wait could argue that X", "Parents might say X": a third party who would argue, say or object
 * is the other side's voice (not "we could argue", the author's own).
 */
const HYPOTHETICAL_VOICE =
  /^["'(\s]*(?!(?:i|we|you)\b)((?:[a-z'-]+,? ){1,10}?(?:may|might|could|would|will) (?:well |rightly |also )?(?:argue|say|claim|object|contend|counter|point out|insist|complain|retort))\b/

/**
 * The expression this rule runs only when the words it needs are there
 * (../lexicon/guards.ts), with its guard: `may(text, wordBits(text))` false
 * proves `re` cannot match. The rule calls this guard, and
 * test/tag-guards.test.ts holds it to its expression.
 */
export const GUARDED = {
  hypotheticalVoice: {
    re: HYPOTHETICAL_VOICE,
    may: (_text: string, bits: number): boolean => (bits & HYPOTHETICAL_MODAL) !== 0 && (bits & HYPOTHETICAL_VERB) !== 0,
  },
} as const

/** Each inner contrast marker as a signal names it: ", however," is "however". */
const CONTRAST_NAMES = INNER_CONTRAST_LIST.map((c) => c.replace(/[^a-z ]/g, '').trim())
/** What all inner contrast markers open with (", "): only there can one start. */
const CONTRAST_OPENING = INNER_CONTRAST_LIST.reduce((p, c) => {
  let n = 0
  while (n < p.length && n < c.length && p[n] === c[n]) n++
  return p.slice(0, n)
}, INNER_CONTRAST_LIST[0] ?? '')

/** Index of the first marker in INNER_CONTRAST_LIST (list order) that `body` contains, or -1. */
function innerContrastIn(body: string): number {
  if (CONTRAST_OPENING === '') return INNER_CONTRAST_LIST.findIndex((c) => body.includes(c))
  let best = -1
  for (let at = body.indexOf(CONTRAST_OPENING); at >= 0; at = body.indexOf(CONTRAST_OPENING, at + 1)) {
    const end = best < 0 ? INNER_CONTRAST_LIST.length : best
    for (let k = 0; k < end; k++) {
      if (body.startsWith(INNER_CONTRAST_LIST[k]!, at)) {
        best = k
        break
      }
    }
    if (best === 0) break
  }
  return best
}

/** "thus far", "thus creating": not a conclusion (see markers()). */
const SIDE_EFFECT = /\b(?:thus|hence) (?:far\b|[a-z]+ing\b)/g

/** `marker:` and the phrase's slug, made once per phrase (the lead's phrase may be a matched voice: a bounded table). */
const markerSignal = signalNames('marker:')

/**
 * The inner conclusion markers of `body`, the text after the lead marker (or
 * the whole text). A lead's rest is the text from some word on: matched
 * among the text's words from there, it needs no reading of its own words
 * (a second pass over the text for every unit with a lead).
 */
function innerConclusionsOf(text: string, body: string): string[] {
  if (body === text) return findAll(INNER_CONCLUSION_RE, text)
  const from = text.endsWith(body) ? wordsBefore(text, text.length - body.length) : -1
  return from >= 0 ? findAll(INNER_CONCLUSION_RE, text, from) : findAll(INNER_CONCLUSION_RE, body)
}

const scratch: string[] = []
const NO_SIGNALS: readonly string[] = Object.freeze([])

export function markers(seg: Segment, text: string): MarkerResult {
  // Gathered in a scratch list (its storage kept: no length reset) and copied at their count, or none: a list
  // pushed onto from empty had room for seventeen.
  const signals = scratch
  let n = 0
  let raw = leadMarker(text)
  if (!raw || raw.fn !== 'concession') {
    // HYPOTHETICAL_VOICE cannot match without one of its modals and verbs (../lexicon/guards.ts).
    const hypothetical = GUARDED.hypotheticalVoice.may(text, wordBits(text))
    const v = OPPOSING_VOICE.exec(text) ?? NAMED_OBJECTION.exec(text) ?? (hypothetical ? HYPOTHETICAL_VOICE.exec(text) : null) ?? NAMED_DRAWBACK.exec(text)
    if (v && v[1]) raw = { fn: 'concession', phrase: v[1], rest: text.slice(v[0].length).trim(), comma: false }
  }
  let lead = raw ? disambiguate(raw, seg) : null
  if (lead) signals[n++] = markerSignal(lead.phrase)
  if (lead && lead.fn === 'reason' && !seg.clause && EMBEDDED.test(lead.rest) && endsSentence(seg.plain)) {
    // "Since X, Y." in one unit: the reason is embedded; the unit asserts Y.
    signals[n++] = 'reason:embedded'
    lead = null
  }
  let innerConclusion: string | null = null
  const body = lead ? lead.rest : text
  // "thus far" is temporal; "thus creating", "thereby making" name a side effect, not a conclusion.
  const inner =
    body.includes('thus ') || body.includes('hence ')
      ? findAll(INNER_CONCLUSION_RE, body.replace(SIDE_EFFECT, ' '))
      : innerConclusionsOf(text, body)
  if (inner.length > 0 && inner[0] !== undefined) {
    innerConclusion = inner[0]
    signals[n++] = markerSignal(inner[0])
  }
  let innerContrast: string | null = null
  const c = innerContrastIn(body)
  if (c >= 0) {
    innerContrast = CONTRAST_NAMES[c]!
    signals[n++] = markerSignal(innerContrast)
  }
  if (n === 0 && lead === null) return NO_MARKERS
  return { lead, innerConclusion, innerContrast, signals: n ? signals.slice(0, n) : (NO_SIGNALS as string[]) }
}

/** No marker, made once (callers only read it): most units have none. */
const NO_MARKERS: MarkerResult = Object.freeze({ lead: null, innerConclusion: null, innerContrast: null, signals: NO_SIGNALS as string[] })
