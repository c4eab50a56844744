/**
 * The review queue: every unit, unreviewed first, then by ascending
 * confidence, then in document order. Shared by the page and `review status`.
 */
import type { Unit } from '../model/types.js'

export function reviewQueue(units: readonly Unit[]): Unit[] {
  return units
    .map((u, i) => ({ u, i }))
    .sort((a, b) => Number(a.u.reviewed === true) - Number(b.u.reviewed === true) || a.u.confidence - b.u.confidence || a.i - b.i)
    .map(({ u }) => u)
}
