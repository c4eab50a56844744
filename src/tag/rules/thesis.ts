/**
 * Combiner, second stage: the one conclusion (main thesis) of a document.
 * Scores every argumentative unit by conclusion markers, stance, deontic and
 * evaluative language, position (the first main clause of the text, the
 * closing statement of the last paragraph) and overlap with the title;
 * markers of reasons, examples, concessions, questions and conditionals
 * count against.
 */
import type { Segment } from '../../model/types.js'
import { hasVoice, type Features } from '../features.js'
import { SUMMARY } from '../lexicon/index.js'
import { contentStems } from '../lexicon/tokens.js'

const SUMMARY_SET: ReadonlySet<string> = new Set(SUMMARY)
import { endsSentence, sharedStems } from '../text.js'

export interface Thesis {
  index: number
  confidence: number
  signals: string[]
}

export const THESIS_WEIGHTS = Object.freeze({
  firstInText: 1.5,
  lastInText: 1.0,
  closingMultiParagraph: 1.0,
  summaryMarker: 3,
  conclusionMarker: 2,
  clauseConclusionMarker: 1,
  innerConclusion: 2,
  stance: 1.5,
  deontic: 1.5,
  necessity: 0.75,
  rebuttal: -1.5,
  innerContrast: -1,
  evaluative: 0.4,
  judgement: 1,
  titleWord: 0.4,
  titleCap: 1.2,
  againstMarker: -3,
  question: -2.5,
  conditional: -1,
  hedge: -0.5,
  reported: -1.5,
  short: -1,
})

type Lead = 'reason' | 'example' | 'addition' | 'concession'
const AGAINST: ReadonlySet<string> = new Set<Lead>(['reason', 'example', 'addition', 'concession'])
const NOT_AFTER: Readonly<Record<Lead, string>> = {
  reason: 'thesis:not-after-reason',
  example: 'thesis:not-after-example',
  addition: 'thesis:not-after-addition',
  concession: 'thesis:not-after-concession',
}

interface Position {
  first: boolean
  last: boolean
  multiParagraph: boolean
  rebuttal: boolean
}

/** Score of one unit as the thesis, with the signals that made it. */
export function scoreThesis(seg: Segment, f: Features, pos: Position, title: ReadonlySet<string>): { score: number; signals: string[] } {
  const signals: string[] = []
  return { score: thesisScore(seg, f, pos, title, signals), signals }
}

/** `score + w`, noting `signal` when signals are kept (a function of its own: a closure was made per unit). */
function add(score: number, signals: string[] | null, w: number, signal: string): number {
  signals?.push(signal)
  return score + w
}

/**
 * The score alone, the signals pushed to `signals` when given: only the
 * winner's are kept, so the others' lists (and their `not-after-` strings)
 * are not made.
 */
function thesisScore(seg: Segment, f: Features, pos: Position, title: ReadonlySet<string>, signals: string[] | null): number {
  const W = THESIS_WEIGHTS
  let score = 0
  if (pos.first) score = add(score, signals, W.firstInText, 'position:first-in-text')
  if (pos.last) score = add(score, signals, pos.multiParagraph ? W.lastInText + W.closingMultiParagraph : W.lastInText, 'position:last-in-text')
  const fn = f.marker.lead?.fn
  if (fn === 'conclusion' && SUMMARY_SET.has(f.marker.lead!.phrase)) score = add(score, signals, W.summaryMarker, 'thesis:summary-marker')
  else if (fn === 'conclusion') score = add(score, signals, seg.clause ? W.clauseConclusionMarker : W.conclusionMarker, 'thesis:conclusion-marker')
  else if (f.marker.innerConclusion) score = add(score, signals, seg.clause ? W.clauseConclusionMarker : W.innerConclusion, 'thesis:conclusion-marker')
  if (fn && AGAINST.has(fn)) score = add(score, signals, W.againstMarker, NOT_AFTER[fn as Lead])
  if (f.stance.length > 0 || fn === 'stance') score = add(score, signals, W.stance, 'thesis:stance')
  if (f.deontic.length > 0) score = add(score, signals, W.deontic, 'thesis:deontic')
  else if (f.necessity.length > 0) score = add(score, signals, W.necessity, 'thesis:necessity')
  if (pos.rebuttal && !pos.first) score = add(score, signals, W.rebuttal, 'thesis:rebuttal')
  if (f.marker.innerContrast && fn !== 'contrast') score = add(score, signals, W.innerContrast, 'thesis:turns-against')
  if (f.judgement) score = add(score, signals, W.judgement, 'thesis:judgement')
  else if (f.evaluative.length > 0) score = add(score, signals, W.evaluative, 'thesis:evaluative')
  if (f.question) score = add(score, signals, W.question, 'thesis:question')
  if (f.conditionalLead) score = add(score, signals, W.conditional, 'thesis:conditional')
  if (f.hedges.length > 0) score = add(score, signals, W.hedge, 'thesis:hedged')
  if (f.reported >= 1.5 && !hasVoice(f)) score = add(score, signals, W.reported, 'thesis:reported')
  if (f.wordCount < 3) score = add(score, signals, W.short, 'thesis:short')
  if (title.size > 0) {
    const n = sharedStems(f.stems, title)
    if (n > 0) score = add(score, signals, Math.min(W.titleCap, n * W.titleWord), 'position:title-overlap')
  }
  return score
}

/** A concession that reports what others say or think ("many people think", "critics argue"), not the author's own granting. */
function othersView(f: Features): boolean {
  const lead = f.marker.lead
  if (!lead) return false
  const head = `${lead.phrase} ${lead.rest.split(' ', 6).join(' ')}`
  return OTHERS_VIEW.test(head) && !FIRST_PERSON.test(head.split(' ', 4).join(' '))
}
/** (Made once: a literal in the function would be a new expression object on every call.) */
const FIRST_PERSON = /\b(?:i|we)\b/
const OTHERS_VIEW =
  /\b(?:argue[sd]?|say|says|said|claim(?:s|ed)?|believe[sd]?|think|thinks|feel|feels|object|worry|fear|suggest(?:s|ed)?|contend|insist|point out|maintain|assert|hold)\b|^(?:critics|opponents|proponents|supporters|skeptics|sceptics|advocates|some|many|others)\b/

/** A concession that names the other side's point ("one possible counter-argument is", "an obvious objection is"). */
const NAMED = /\b(?:counter[- ]?arguments?|objections?|criticisms?|counterpoints?)\b/

/** Does this unit merely lead into the main clause (a fronted concession or reason, a question)? */
function subordinate(f: Features): boolean {
  const fn = f.marker.lead?.fn
  return fn === 'concession' || fn === 'reason' || fn === 'example' || f.question
}

/**
 * The first main clause of the text: skipping opening concessions, reasons
 * and questions; in "X, but Y" the turn Y is the main point.
 */
export function firstMain(idx: readonly number[], segments: readonly Segment[], feats: readonly Features[]): number {
  let k = 0
  while (k < idx.length - 1 && k < 3 && subordinate(feats[idx[k]!]!)) k++
  const i = idx[k]!
  const next = idx[k + 1]
  if (next !== undefined && !endsSentence(segments[i]!.plain) && segments[next]!.paragraph === segments[i]!.paragraph) {
    if (feats[next]!.marker.lead?.fn === 'contrast' && !subordinate(feats[i]!)) return next
  }
  // "Video games are popular. They can harm families, though.": an opening fact, stated in no voice of the
  // author's, set up only to be turned; the turn is the first point made.
  if (next !== undefined && endsSentence(segments[i]!.plain) && segments[next]!.paragraph === segments[i]!.paragraph && !hasVoice(feats[i]!)) {
    const nf = feats[next]!
    if ((nf.marker.lead?.fn === 'contrast' || (nf.marker.innerContrast !== null && nf.marker.lead === null)) && !nf.conditional) return next
  }
  return i
}

/** The last main clause of the text: in "X, because Y." at the end, X. */
export function lastMain(idx: readonly number[], segments: readonly Segment[], feats: readonly Features[]): number {
  let k = idx.length - 1
  // "... Thus, X. Additionally, Y.": a point tacked on after the close is not the closing statement.
  const tacked = feats[idx[k]!]!.marker.lead
  if (k > 0 && tacked?.fn === 'addition' && tacked.phrase !== 'finally' && !segments[idx[k]!]!.clause) k--
  let i = idx[k]!
  let prev = idx[k - 1]
  const fn = feats[i]!.marker.lead?.fn
  if (prev !== undefined && (fn === 'reason' || fn === 'example') && segments[i]!.clause && !endsSentence(segments[prev]!.plain)) {
    i = prev
    prev = idx[--k - 1]
  }
  // "... X. There are those who would say Y.": an opposing view left at the end is not the author's close.
  if (prev !== undefined && endsSentence(segments[prev]!.plain) && othersView(feats[i]!) && feats[i]!.marker.lead?.fn === 'concession') return prev
  return i
}

/** Pick the thesis among argumentative units (`arg[i]`); -1 when there is none. */
export function pickThesis(
  segments: readonly Segment[],
  feats: readonly Features[],
  arg: readonly boolean[],
  title: string | null,
): Thesis {
  const idx: number[] = []
  for (let i = 0; i < segments.length; i++) if (arg[i]) idx.push(i)
  if (idx.length === 0) return { index: -1, confidence: 0, signals: [] }
  const titleStems = title ? contentStems(title) : new Set<string>()
  const paras = new Set(idx.map((i) => segments[i]!.paragraph))
  const multiParagraph = paras.size > 1
  const first = firstMain(idx, segments, feats)
  const last = lastMain(idx, segments, feats)
  let best = -1
  let bestScore = -Infinity
  let second = -Infinity
  let bestPos: Position | null = null
  let prevConcession = false
  let prevFronted = false
  let prevObjection = false
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!
    const fn = feats[i]!.marker.lead?.fn
    // The answer to an objection ("Some say X, but Y"; "Even if X, Y") is a rebuttal, not the thesis.
    const rebuttal = (prevConcession && fn === 'contrast') || prevFronted || (prevObjection && (fn === null || fn === 'stance'))
    prevConcession = fn === 'concession'
    // "Some people object that X." The unmarked sentence after it is the author's reply, not the thesis.
    prevObjection = prevConcession && !segments[i]!.clause && endsSentence(segments[i]!.plain) && (othersView(feats[i]!) || NAMED.test(feats[i]!.marker.lead!.phrase))
    // "Even if many people think X, Y" answers someone else's view; "While I lack the figures, Y" is the author's own point.
    prevFronted = prevConcession && !endsSentence(segments[i]!.plain) && othersView(feats[i]!)
    const pos: Position = { first: i === first, last: i === last, multiParagraph, rebuttal }
    const score = thesisScore(segments[i]!, feats[i]!, pos, titleStems, null)
    if (score > bestScore) {
      second = bestScore
      bestScore = score
      best = i
      bestPos = pos
    } else if (score > second) second = score
  }
  const bestSignals: string[] = []
  thesisScore(segments[best]!, feats[best]!, bestPos!, titleStems, bestSignals)
  const margin = second === -Infinity ? 2 : bestScore - second
  const confidence = Math.round(Math.min(0.95, 0.45 + 0.15 * margin) * 100) / 100
  return { index: best, confidence, signals: bestSignals }
}
