/**
 * One-to-one alignment of predicted units to gold units, in gold-text offsets.
 *
 * A (predicted, gold) pair is a candidate when their overlap (in characters,
 * summed over the gold unit's spans) is at least half the length of the longer
 * of the two (gold length = sum of its spans). Candidates are taken greedily,
 * largest overlap first; ties go to the earlier predicted unit, then the gold
 * unit whose first span starts first, then the gold unit listed first. Each
 * unit is used at most once. Implicit gold units have no spans and never align.
 */
import type { AlignedPair, Alignment, GoldUnit, PredUnit } from './types.js'

interface Candidate extends AlignedPair {
  predIndex: number
  goldStart: number
  goldIndex: number
}

/** Total characters covered by a gold unit's spans. */
export function goldLength(unit: GoldUnit): number {
  let n = 0
  for (const [a, b] of unit.spans) n += b - a
  return n
}

/** Characters shared by [start, end) and the gold unit's spans. */
export function overlap(start: number, end: number, unit: GoldUnit): number {
  let n = 0
  for (const [a, b] of unit.spans) n += Math.max(0, Math.min(end, b) - Math.max(start, a))
  return n
}

/** Whether an overlap is enough for a match: at least half of the longer unit. */
export function isMatch(shared: number, predLength: number, goldLen: number): boolean {
  return shared > 0 && 2 * shared >= Math.max(predLength, goldLen)
}

export function align(pred: readonly PredUnit[], gold: readonly GoldUnit[]): Alignment {
  // Predicted units ordered by start; when they are disjoint their ends are
  // ordered too, and each gold span only visits the units it overlaps.
  const order = pred.map((_, i) => i).sort((i, j) => pred[i]!.start - pred[j]!.start || pred[i]!.end - pred[j]!.end || i - j)
  let disjoint = true
  for (let k = 1; k < order.length; k++) {
    if (pred[order[k]!]!.start < pred[order[k - 1]!]!.end) disjoint = false
  }
  const candidates: Candidate[] = []
  gold.forEach((g, goldIndex) => {
    if (g.spans.length === 0) return
    const gLen = goldLength(g)
    const touched = new Set<number>()
    for (const [a, b] of g.spans) {
      let k = disjoint ? firstEndingAfter(pred, order, a) : 0
      for (; k < order.length; k++) {
        const p = pred[order[k]!]!
        if (p.start >= b) break
        if (p.end > a) touched.add(order[k]!)
      }
    }
    for (const i of touched) {
      const p = pred[i]!
      const shared = overlap(p.start, p.end, g)
      if (isMatch(shared, p.end - p.start, gLen)) {
        candidates.push({ pred: p.id, gold: g.id, overlap: shared, predIndex: i, goldStart: g.spans[0]![0], goldIndex })
      }
    }
  })
  candidates.sort(
    (x, y) =>
      y.overlap - x.overlap ||
      pred[x.predIndex]!.start - pred[y.predIndex]!.start ||
      x.predIndex - y.predIndex ||
      x.goldStart - y.goldStart ||
      x.goldIndex - y.goldIndex,
  )
  const predToGold = new Map<string, string>()
  const goldToPred = new Map<string, string>()
  const pairs: AlignedPair[] = []
  for (const c of candidates) {
    if (predToGold.has(c.pred) || goldToPred.has(c.gold)) continue
    predToGold.set(c.pred, c.gold)
    goldToPred.set(c.gold, c.pred)
    pairs.push({ pred: c.pred, gold: c.gold, overlap: c.overlap })
  }
  return { pairs, predToGold, goldToPred }
}

/** Index into `order` of the first predicted unit whose end is after `offset` (ends ascending). */
function firstEndingAfter(pred: readonly PredUnit[], order: readonly number[], offset: number): number {
  let lo = 0
  let hi = order.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (pred[order[mid]!]!.end > offset) hi = mid
    else lo = mid + 1
  }
  return lo
}
