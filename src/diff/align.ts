import { scoreWords, unitWords } from './similarity.js'

/**
 * One-to-one alignment of units across two versions of a document. Used by
 * `diffMaps` and by anything else that must follow a unit through edits
 * (review corrections), so both agree on what "the same unit" means.
 *
 * 1. Identical ids (ids come from normalised plain text, so reflowed lines and
 *    changed emphasis keep them), then identical normalised text (an id whose
 *    occurrence counter shifted).
 * 2. Content similarity (`wordSimilarity`: word-multiset Dice, or character
 *    edit ratio for short units) above `threshold`; a lower `slotThreshold`
 *    applies when both units sit in the same gap between identical anchors,
 *    where a rewording is the natural reading.
 *    Candidates come from buckets, never all pairs: the units sharing most
 *    of an old unit's rarest words, plus the unmatched units of the same gap.
 * 3. Candidate pairs are taken best first (score, then document order), each
 *    unit at most once. Deterministic.
 */

export interface AlignableUnit {
  id: string
  /** Raw unit text (markdown allowed). */
  text: string
}

export interface AlignOptions {
  /** Minimum similarity for a match anywhere in the document. Default 0.5. */
  threshold?: number
  /** Minimum similarity for a match in the same gap between anchors. Default 0.4. */
  slotThreshold?: number
  /** When given, receives the number of text comparisons made (bounded per unit, never all pairs). */
  stats?: { comparisons: number }
}

export interface UnitPair {
  /** Index into the old units. */
  old: number
  /** Index into the new units. */
  new: number
  /** Similarity in [0, 1]; 1 for identical units. */
  score: number
  /** Same id or same normalised text: not a rewording. */
  identical: boolean
}

export interface Alignment {
  /** Matched pairs, in new-document order. */
  pairs: UnitPair[]
  /** For each old unit, the index of its new unit, or -1 (removed). */
  oldToNew: number[]
  /** For each new unit, the index of its old unit, or -1 (added). */
  newToOld: number[]
}

export const DEFAULT_THRESHOLD = 0.5
export const DEFAULT_SLOT_THRESHOLD = 0.4
/** Rarest words looked up per unit. */
const RARE_WORDS = 6
/** A word shared by more unmatched units than this is too common to bucket by. */
const MAX_BUCKET = 64
/** Unmatched units considered from the same gap. */
const MAX_SLOT = 24
/** Units sharing rare words considered per unit. */
const MAX_SHARED = 16

interface Candidate {
  old: number
  new: number
  score: number
}

export function alignUnits(
  oldUnits: readonly AlignableUnit[],
  newUnits: readonly AlignableUnit[],
  opts: AlignOptions = {},
): Alignment {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD
  const slotThreshold = Math.min(opts.slotThreshold ?? DEFAULT_SLOT_THRESHOLD, threshold)
  const oldToNew = new Array<number>(oldUnits.length).fill(-1)
  const newToOld = new Array<number>(newUnits.length).fill(-1)
  const pairs: UnitPair[] = []
  const link = (o: number, n: number, score: number, identical: boolean): void => {
    oldToNew[o] = n
    newToOld[n] = o
    pairs.push({ old: o, new: n, score, identical })
  }

  // 1a. identical ids
  const byId = new Map<string, number>()
  newUnits.forEach((u, j) => {
    if (!byId.has(u.id)) byId.set(u.id, j)
  })
  oldUnits.forEach((u, i) => {
    const j = byId.get(u.id)
    if (j !== undefined && newToOld[j] === -1) link(i, j, 1, true)
  })

  // 1b. identical normalised text
  const oldWords = oldUnits.map((u) => unitWords(u.text))
  const newWords = newUnits.map((u) => unitWords(u.text))
  const byText = new Map<string, number[]>()
  newWords.forEach((w, j) => {
    if (newToOld[j] !== -1 || w.length === 0) return
    const key = w.join(' ')
    const list = byText.get(key)
    if (list) list.push(j)
    else byText.set(key, [j])
  })
  oldWords.forEach((w, i) => {
    if (oldToNew[i] !== -1 || w.length === 0) return
    const list = byText.get(w.join(' '))
    const j = list?.shift()
    if (j !== undefined) link(i, j, 1, true)
  })

  // 2. candidates for the rest
  const freeNew: number[] = []
  for (let j = 0; j < newUnits.length; j++) if (newToOld[j] === -1 && newWords[j]!.length) freeNew.push(j)
  const buckets = new Map<string, number[]>()
  for (const j of freeNew) {
    for (const w of new Set(newWords[j])) {
      const list = buckets.get(w)
      if (list) list.push(j)
      else buckets.set(w, [j])
    }
  }
  const gaps = anchorGaps(oldToNew)
  const sortWords = (w: string[]): string[] => [...w].sort()
  const oldSorted = oldWords.map((w, i) => (oldToNew[i] === -1 ? sortWords(w) : []))
  const newSorted = newWords.map((w, j) => (newToOld[j] === -1 ? sortWords(w) : []))
  let comparisons = 0
  const score = (i: number, j: number, floor: number): number => {
    comparisons++
    return scoreWords(oldWords[i]!, newWords[j]!, oldSorted[i]!, newSorted[j]!, floor)
  }

  const candidates: Candidate[] = []
  for (let i = 0; i < oldUnits.length; i++) {
    const words = oldWords[i]!
    if (oldToNew[i] !== -1 || words.length === 0) continue
    const seen = new Set<number>()
    const [lo, hi, at] = gaps[i]!
    for (const j of slotMembers(freeNew, lo, hi, at)) {
      seen.add(j)
      const s = score(i, j, slotThreshold)
      if (s >= slotThreshold) candidates.push({ old: i, new: j, score: s })
    }
    // units sharing the most of this unit's rare words, nearest first on ties
    const hits = new Map<number, number>()
    for (const w of rarestWords(words, buckets)) {
      for (const j of buckets.get(w)!) if (!seen.has(j)) hits.set(j, (hits.get(j) ?? 0) + 1)
    }
    const ranked = [...hits].sort((x, y) => y[1] - x[1] || Math.abs(x[0] - at) - Math.abs(y[0] - at) || x[0] - y[0])
    for (const [j] of ranked.slice(0, MAX_SHARED)) {
      const s = score(i, j, threshold)
      if (s >= threshold) candidates.push({ old: i, new: j, score: s })
    }
  }

  // 3. best first, one-to-one
  candidates.sort((a, b) => b.score - a.score || a.old - b.old || a.new - b.new)
  for (const c of candidates) {
    if (oldToNew[c.old] !== -1 || newToOld[c.new] !== -1) continue
    const same = oldWords[c.old]!.join(' ') === newWords[c.new]!.join(' ')
    link(c.old, c.new, same ? 1 : Math.min(c.score, 0.999), same)
  }

  pairs.sort((a, b) => a.new - b.new)
  if (opts.stats) opts.stats.comparisons = comparisons
  return { pairs, oldToNew, newToOld }
}

/**
 * For each old unit, the open interval of new indices between the new
 * positions of the nearest matched old units before and after it, and the
 * new index it would have if nothing moved.
 */
function anchorGaps(oldToNew: readonly number[]): Array<[number, number, number]> {
  const n = oldToNew.length
  const gaps = new Array<[number, number, number]>(n)
  const after = new Array<number>(n)
  let next = Infinity
  for (let i = n - 1; i >= 0; i--) {
    after[i] = next
    if (oldToNew[i]! !== -1) next = oldToNew[i]!
  }
  let prev = -1
  let prevOld = -1
  for (let i = 0; i < n; i++) {
    gaps[i] = [prev, after[i]!, prev + (i - prevOld)]
    if (oldToNew[i]! !== -1) [prev, prevOld] = [oldToNew[i]!, i]
  }
  return gaps
}

/** Unmatched new indices strictly between lo and hi: at most MAX_SLOT of them, nearest to `at` first. */
function slotMembers(freeNew: readonly number[], lo: number, hi: number, at: number): number[] {
  if (hi - lo < 2) return []
  let a = 0
  let b = freeNew.length
  while (a < b) {
    const mid = (a + b) >> 1
    if (freeNew[mid]! < at) a = mid + 1
    else b = mid
  }
  const out: number[] = []
  let left = a - 1
  let right = a
  while (out.length < MAX_SLOT) {
    const l = left >= 0 && freeNew[left]! > lo ? freeNew[left]! : null
    const r = right < freeNew.length && freeNew[right]! < hi ? freeNew[right]! : null
    if (l === null && r === null) break
    if (r !== null && (l === null || r - at <= at - l)) {
      out.push(r)
      right++
    } else {
      out.push(l!)
      left--
    }
  }
  return out
}

/** Up to RARE_WORDS distinct words of a unit that occur in few unmatched new units (rarest first). */
function rarestWords(words: readonly string[], buckets: ReadonlyMap<string, number[]>): string[] {
  const usable: Array<[string, number]> = []
  for (const w of new Set(words)) {
    const df = buckets.get(w)?.length ?? 0
    if (df > 0 && df <= MAX_BUCKET) usable.push([w, df])
  }
  usable.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  return usable.slice(0, RARE_WORDS).map(([w]) => w)
}

/** Alignment keyed by id: old unit id → its new unit's id, score and whether it is identical. */
export function alignById(
  oldUnits: readonly AlignableUnit[],
  newUnits: readonly AlignableUnit[],
  opts?: AlignOptions,
): Map<string, { id: string; score: number; identical: boolean }> {
  const out = new Map<string, { id: string; score: number; identical: boolean }>()
  for (const p of alignUnits(oldUnits, newUnits, opts).pairs) {
    out.set(oldUnits[p.old]!.id, { id: newUnits[p.new]!.id, score: p.score, identical: p.identical })
  }
  return out
}
