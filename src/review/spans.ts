/**
 * A reviewer's new mark over a span the machine did not have as a unit:
 * find its text in the source and split the units it overlaps into the
 * marked span plus `none` remainders (as `readAnnotated` does), keeping
 * offsets exact. Units are sorted by offset and do not overlap.
 */
import { baseId } from '../model/ids.js'
import type { Unit } from '../model/types.js'
import { plainish } from '../emit/text.js'
import { LineIndex } from '../parse/index.js'

const WORDY = /[\p{L}\p{N}]/u

export interface SplitResult {
  units: Unit[]
  /** The unit now covering the span. */
  unit: Unit
  /** Ids of machine units replaced by the split. */
  removed: string[]
}

function trim(source: string, a: number, b: number): [number, number] {
  while (a < b && /\s/.test(source[a]!)) a++
  while (b > a && /\s/.test(source[b - 1]!)) b--
  return [a, b]
}

function freshId(plain: string, taken: Set<string>, wanted?: string): string {
  if (wanted && !taken.has(wanted)) return wanted
  const base = baseId(plain)
  let id = base
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`
  return id
}

/**
 * Split `units` so that [start, end) is one unit with id `id` (or a fresh one
 * when taken). Returns null when the span touches no unit (not prose).
 */
export function splitAt(source: string, units: readonly Unit[], start: number, end: number, id: string, lines: LineIndex): SplitResult | null {
  const exact = units.find((u) => u.start.offset === start && u.end.offset === end)
  if (exact) return { units: [...units], unit: exact, removed: [] }
  const first = units.findIndex((u) => u.end.offset > start)
  if (first === -1 || units[first]!.start.offset >= end) return null
  let last = first
  while (last + 1 < units.length && units[last + 1]!.start.offset < end) last++
  const hit = units.slice(first, last + 1)
  const taken = new Set(units.map((u) => u.id))
  for (const u of hit) taken.delete(u.id)
  const make = (a: number, b: number, want?: string): Unit => {
    const text = source.slice(a, b)
    const plain = plainish(text)
    const newId = freshId(plain, taken, want)
    taken.add(newId)
    return {
      id: newId,
      role: 'none',
      text,
      start: lines.point(a),
      end: lines.point(b),
      paragraph: hit[0]!.paragraph,
      confidence: 1,
      signals: ['review:remainder'],
    }
  }
  const pieces: Unit[] = []
  const lo = Math.min(start, hit[0]!.start.offset)
  const [la, lb] = trim(source, lo, start)
  if (lb > la && WORDY.test(source.slice(la, lb))) pieces.push(make(la, lb))
  const unit = make(start, end, id)
  pieces.push(unit)
  const hi = Math.max(end, hit[hit.length - 1]!.end.offset)
  const [ra, rb] = trim(source, end, hi)
  if (rb > ra && WORDY.test(source.slice(ra, rb))) pieces.push(make(ra, rb))
  return {
    units: [...units.slice(0, first), ...pieces, ...units.slice(last + 1)],
    unit,
    removed: hit.map((u) => u.id).filter((x) => !pieces.some((p) => p.id === x)),
  }
}
