/**
 * Per-unit features: every rule that looks at one unit alone, run once per
 * segment. The tagger computes a document's list once and hands it to the
 * structure planner; the relation finder reuses the tagger's plan, so it
 * needs them only for roles a reviewer changed, and then computes them anew.
 */
import type { Segment } from '../model/types.js'
import { conditional } from './rules/conditional.js'
import { framing } from './rules/framing.js'
import { hedge } from './rules/hedge.js'
import { markers, type MarkerResult } from './rules/marker.js'
import { modality } from './rules/modality.js'
import { question } from './rules/question.js'
import { reported } from './rules/reported.js'
import { stemList, words } from './lexicon/tokens.js'
import { fold, type Stems } from './text.js'

export interface Features {
  folded: string
  wordCount: number
  stems: Stems
  marker: MarkerResult
  question: boolean
  framingQuestion: boolean
  conditional: string | null
  /** The condition opens the unit. */
  conditionalLead: boolean
  deontic: string[]
  judgement: boolean
  necessity: string[]
  evaluative: string[]
  stance: string[]
  hedges: string[]
  boosters: string[]
  reported: number
  framing: boolean
  /** Signals from all per-unit rules, in rule order. */
  signals: string[]
}

/**
 * The features of every segment. Not kept past the call: a table keyed by
 * the segments kept them (on the op-ed ×1000, tens of megabytes) for as long
 * as the segments lived, through the JSON and the annotated markdown, where
 * every full collection marked them again; only the relation finder read
 * them again, and it now takes the tagger's plan.
 */
export function unitFeatures(segments: readonly Segment[]): readonly Features[] {
  return segments.map(features)
}

/**
 * Features live as long as the tagging of their document, so every empty list
 * (most of them: a unit rarely has a hedge, a modal and a stance) is this
 * one frozen array rather than one each: on large documents the features
 * were the largest thing the tagger kept, and what survives young
 * collections costs the collector to copy.
 */
const NONE: readonly string[] = Object.freeze([])
const compact = (xs: string[]): string[] => (xs.length ? xs : (NONE as string[]))

/**
 * The rules' signals in rule order. Most units have signals from one rule or
 * none: that rule's list (its own, or a shared constant; no one adds to a
 * unit's signals) or NONE, instead of a new list per unit.
 */
function joined(
  a: readonly string[],
  b: readonly string[],
  c: readonly string[],
  d: readonly string[],
  e: readonly string[],
  f: readonly string[],
  g: readonly string[],
): string[] {
  const lists = (a.length > 0 ? 1 : 0) + (b.length > 0 ? 1 : 0) + (c.length > 0 ? 1 : 0) + (d.length > 0 ? 1 : 0) + (e.length > 0 ? 1 : 0) + (f.length > 0 ? 1 : 0) + (g.length > 0 ? 1 : 0)
  if (lists > 1) return a.concat(b, c, d, e, f, g)
  if (lists === 0) return NONE as string[]
  return (a.length ? a : b.length ? b : c.length ? c : d.length ? d : e.length ? e : f.length ? f : g) as string[]
}

/** One segment's features (not memoised: see unitFeatures). */
export function features(seg: Segment): Features {
  const folded = fold(seg.plain)
  const m = markers(seg, folded)
  const q = question(folded)
  const c = conditional(folded)
  const mod = modality(folded)
  const h = hedge(folded)
  const r = reported(seg.plain, folded)
  const f = framing(folded)
  return {
    folded,
    wordCount: words(folded).length,
    stems: stemList(folded),
    marker: m,
    question: q.question,
    framingQuestion: q.framing,
    conditional: c.conditional,
    conditionalLead: c.leading,
    deontic: compact(mod.deontic),
    judgement: mod.judgement,
    necessity: compact(mod.necessity),
    evaluative: compact(mod.evaluative),
    stance: compact(mod.stance),
    hedges: compact(h.hedges),
    boosters: compact(h.boosters),
    reported: r.score,
    framing: f.framing,
    signals: joined(m.signals, q.signals, c.signals, mod.signals, h.signals, r.signals, f.signals),
  }
}

/** The function of the unit's leading marker, or null. */
export function leadFunction(f: Features): string | null {
  return f.marker.lead?.fn ?? null
}

/** Any sign of the author's voice: markers, modals, values, hedges, stance, questions. */
export function hasVoice(f: Features): boolean {
  return (
    f.marker.lead !== null ||
    f.marker.innerConclusion !== null ||
    f.marker.innerContrast !== null ||
    f.deontic.length > 0 ||
    f.necessity.length > 0 ||
    f.evaluative.length > 0 ||
    f.stance.length > 0 ||
    f.hedges.length > 0 ||
    f.boosters.length > 0 ||
    f.conditional !== null
  )
}
