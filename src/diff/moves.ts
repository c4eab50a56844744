import type { UnitPair } from './align.js'

/**
 * Move detection over aligned pairs. The pairs kept in document order are a
 * longest increasing subsequence of new positions taken in old order; every
 * other pair moved. A moved unit whose new paragraph is not where most of its
 * old paragraph went "left its paragraph"; otherwise it moved with it (or
 * inside it). O(n log n).
 */

export interface Move {
  kind: 'paragraph' | 'order'
  from: number
  to: number
}

export interface Moves {
  /** Keyed by old unit index. */
  units: Map<number, Move>
  /** Old paragraphs most of whose aligned units moved out of order. */
  paragraphs: Array<{ from: number; to: number; units: number }>
}

/** Indices (into `seq`) of one longest strictly increasing subsequence; ties go to the earliest elements. */
export function longestIncreasing(seq: readonly number[]): Set<number> {
  const tails: number[] = [] // index into seq of the smallest tail of each length
  const prev = new Array<number>(seq.length).fill(-1)
  for (let i = 0; i < seq.length; i++) {
    const v = seq[i]!
    let a = 0
    let b = tails.length
    while (a < b) {
      const mid = (a + b) >> 1
      if (seq[tails[mid]!]! < v) a = mid + 1
      else b = mid
    }
    if (a > 0) prev[i] = tails[a - 1]!
    tails[a] = i
  }
  const keep = new Set<number>()
  for (let k = tails.length ? tails[tails.length - 1]! : -1; k !== -1; k = prev[k]!) keep.add(k)
  return keep
}

export function detectMoves(
  pairs: readonly UnitPair[],
  oldParagraph: (i: number) => number,
  newParagraph: (j: number) => number,
): Moves {
  const byOld = [...pairs].sort((a, b) => a.old - b.old)
  const inOrder = longestIncreasing(byOld.map((p) => p.new))

  // where each old paragraph went: the new paragraph holding most of its units (lowest on ties)
  const votes = new Map<number, Map<number, number>>()
  for (const p of byOld) {
    const from = oldParagraph(p.old)
    const to = newParagraph(p.new)
    const v = votes.get(from) ?? new Map<number, number>()
    v.set(to, (v.get(to) ?? 0) + 1)
    votes.set(from, v)
  }
  const destination = new Map<number, number>()
  for (const [from, v] of votes) {
    let best = -1
    let bestCount = 0
    for (const [to, count] of v) if (count > bestCount || (count === bestCount && to < best)) [best, bestCount] = [to, count]
    destination.set(from, best)
  }

  const units = new Map<number, Move>()
  const movedPerParagraph = new Map<number, number>()
  const alignedPerParagraph = new Map<number, number>()
  byOld.forEach((p, k) => {
    const from = oldParagraph(p.old)
    alignedPerParagraph.set(from, (alignedPerParagraph.get(from) ?? 0) + 1)
    if (inOrder.has(k)) return
    const to = newParagraph(p.new)
    const kind = to === destination.get(from) ? 'order' : 'paragraph'
    units.set(p.old, { kind, from, to })
    if (kind === 'order') movedPerParagraph.set(from, (movedPerParagraph.get(from) ?? 0) + 1)
  })

  const paragraphs: Moves['paragraphs'] = []
  for (const [from, moved] of movedPerParagraph) {
    if (moved * 2 > alignedPerParagraph.get(from)!) {
      paragraphs.push({ from, to: destination.get(from)!, units: moved })
    }
  }
  paragraphs.sort((a, b) => a.from - b.from)
  return { units, paragraphs }
}
