/**
 * The worst-handled units of a run, for tagger development.
 *
 * Each gold unit with text, and each predicted argumentative unit that no gold
 * unit aligns with, gets a severity:
 *   role: 0 right; 3 when the conclusion is involved (gold conclusion tagged
 *   otherwise, or a conclusion predicted elsewhere); 2 for an argumentative
 *   unit tagged `none` or not found by segmentation; 1 for claim/premise mixed
 *   up or a spurious (unaligned) claim/premise;
 *   plus attachment: 1 when the unit's outgoing relation goes to the wrong
 *   unit (or exists on one side only), 0.5 when only its type is wrong.
 * Units of severity 0 are not listed. Order: severity desc, confidence desc,
 * document id, offset, unit id (all plain code-unit comparisons).
 */
import type { Role } from '../model/types.js'
import type { Alignment, GoldDoc, GoldRole, GoldUnit, PredUnit, Prediction, UnitError } from './types.js'

export type { UnitError } from './types.js'

function roleWeight(gold: GoldRole | 'unmatched', pred: Role | 'unmatched'): number {
  if (gold === pred) return 0
  if (gold === 'conclusion' || pred === 'conclusion') return 3
  if (pred === 'none' || pred === 'unmatched') return gold === 'unmatched' ? 0 : 2
  return 1
}

const clip = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

function goldText(doc: GoldDoc, u: GoldUnit): string {
  return u.spans.map(([a, b]) => doc.text.slice(a, b)).join(' … ')
}

/** Unit errors of one document (unsorted). */
export function documentErrors(doc: GoldDoc, pred: Prediction, alignment: Alignment): UnitError[] {
  const goldById = new Map(doc.units.map((u) => [u.id, u]))
  const predById = new Map(pred.units.map((u) => [u.id, u]))
  const goldOut = new Map(doc.relations.map((r) => [r.from, r]))
  const predOut = new Map<string, Prediction['relations'][number]>()
  for (const r of pred.relations) if (!predOut.has(r.from)) predOut.set(r.from, r)

  const predTargetText = (p: PredUnit | undefined) => {
    const r = p && predOut.get(p.id)
    const t = r && predById.get(r.to)
    return r && t ? { type: r.type, to: clip(doc.text.slice(t.start, t.end)) } : null
  }
  const errors: UnitError[] = []
  for (const g of doc.units) {
    if (g.implicit) continue
    const p = predById.get(alignment.goldToPred.get(g.id) ?? '')
    const gr = goldOut.get(g.id)
    const gt = gr && goldById.get(gr.to)
    const goldRelation = gr && gt ? { type: gr.type, to: clip(gt.implicit ? `[implicit] ${gt.text}` : goldText(doc, gt)) } : null
    let attach = 0
    if (p) {
      const pr = predOut.get(p.id)
      const mapped = pr ? alignment.predToGold.get(pr.to) : undefined
      if (!gr && pr) attach = 1
      else if (gr && (!pr || mapped !== gr.to)) attach = 1
      else if (gr && pr && pr.type !== gr.type) attach = 0.5
    }
    const predictedRole = p ? p.role : 'unmatched'
    const severity = roleWeight(g.role, predictedRole) + attach
    if (severity === 0) continue
    errors.push({
      doc: doc.id,
      start: g.spans[0]![0],
      end: g.spans[g.spans.length - 1]![1],
      text: goldText(doc, g),
      goldRole: g.role,
      predictedRole,
      confidence: p?.confidence ?? 0,
      signals: p?.signals ?? [],
      goldRelation,
      predictedRelation: predTargetText(p),
      severity,
    })
  }
  for (const p of pred.units) {
    if (alignment.predToGold.has(p.id)) continue
    const severity = roleWeight('unmatched', p.role)
    if (severity === 0) continue
    errors.push({
      doc: doc.id,
      start: p.start,
      end: p.end,
      text: doc.text.slice(p.start, p.end),
      goldRole: 'unmatched',
      predictedRole: p.role,
      confidence: p.confidence,
      signals: p.signals,
      goldRelation: null,
      predictedRelation: predTargetText(p),
      severity,
    })
  }
  return errors
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export function sortErrors(errors: UnitError[]): UnitError[] {
  return errors.sort(
    (a, b) =>
      b.severity - a.severity ||
      b.confidence - a.confidence ||
      cmp(a.doc, b.doc) ||
      a.start - b.start ||
      a.end - b.end ||
      cmp(a.goldRole, b.goldRole),
  )
}
