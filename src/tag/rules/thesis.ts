/**
 * Combiner, second stage: the one conclusion (main thesis) of a document.
 * Scores every argumentative unit by conclusion markers, stance, deontic and
 * evaluative language, position (first unit of the text, closing statement of
 * the last paragraph) and overlap with the title; markers of reasons,
 * examples, concessions, questions and conditionals count against.
 */
import type { Segment } from '../../model/types.js'
import type { Features } from '../features.js'
import { contentStems, overlap } from '../text.js'

export interface Thesis {
  index: number
  confidence: number
  signals: string[]
}

interface Scored {
  score: number
  signals: string[]
}

export const THESIS_WEIGHTS = Object.freeze({
  firstInText: 1.5,
  lastInText: 1.0,
  closingMultiParagraph: 1.0,
  conclusionMarker: 3,
  innerConclusion: 2.5,
  stance: 1.5,
  deontic: 1.5,
  evaluative: 0.75,
  titleWord: 0.4,
  titleCap: 1.2,
  againstMarker: -3,
  contrastLead: -0.5,
  clause: -1,
  question: -2.5,
  conditional: -1,
  hedge: -0.5,
  reported: -1.5,
  short: -1,
})

export function scoreThesis(
  i: number,
  seg: Segment,
  f: Features,
  pos: { first: boolean; last: boolean; multiParagraph: boolean },
  title: ReadonlySet<string>,
): Scored {
  const W = THESIS_WEIGHTS
  let score = 0
  const signals: string[] = []
  const add = (w: number, s: string): void => {
    score += w
    signals.push(s)
  }
  if (pos.first) add(W.firstInText, 'position:first-in-text')
  if (pos.last) add(pos.multiParagraph ? W.lastInText + W.closingMultiParagraph : W.lastInText, 'position:last-in-text')
  const fn = f.marker.lead?.fn
  if (fn === 'conclusion') add(W.conclusionMarker, 'thesis:conclusion-marker')
  else if (f.marker.innerConclusion) add(W.innerConclusion, 'thesis:conclusion-marker')
  if (fn === 'reason' || fn === 'example' || fn === 'addition' || fn === 'concession') add(W.againstMarker, `thesis:not-after-${fn}`)
  if (fn === 'contrast') add(W.contrastLead, 'thesis:contrast')
  if (f.stance.length > 0 || fn === 'stance') add(W.stance, 'thesis:stance')
  if (f.deontic.length > 0) add(W.deontic, 'thesis:deontic')
  if (f.evaluative.length > 0) add(W.evaluative, 'thesis:evaluative')
  if (seg.clause) add(W.clause, 'thesis:clause')
  if (f.question) add(W.question, 'thesis:question')
  if (f.conditional) add(W.conditional, 'thesis:conditional')
  if (f.hedges.length > 0) add(W.hedge, 'thesis:hedged')
  if (f.reported >= 1.5) add(W.reported, 'thesis:reported')
  if (f.wordCount < 4) add(W.short, 'thesis:short')
  if (title.size > 0) {
    const n = overlap(f.stems, title)
    if (n > 0) add(Math.min(W.titleCap, n * W.titleWord), 'position:title-overlap')
  }
  void i
  return { score, signals }
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
  let best = -1
  let bestScore = -Infinity
  let second = -Infinity
  let bestSignals: string[] = []
  const firstI = idx[0]!
  const lastI = idx[idx.length - 1]!
  for (const i of idx) {
    const s = scoreThesis(i, segments[i]!, feats[i]!, { first: i === firstI, last: i === lastI, multiParagraph }, titleStems)
    if (s.score > bestScore) {
      second = bestScore
      bestScore = s.score
      best = i
      bestSignals = s.signals
    } else if (s.score > second) second = s.score
  }
  const margin = second === -Infinity ? 2 : bestScore - second
  const confidence = Math.round(Math.min(0.95, 0.45 + 0.15 * margin) * 100) / 100
  return { index: best, confidence, signals: bestSignals }
}
