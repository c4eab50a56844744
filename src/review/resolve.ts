/**
 * Following corrections through edits: which current unit a recorded
 * (id, text) pair now is. Uses the diff's unit alignment (`alignUnits`), so
 * "the same sentence, reworded slightly" means the same thing in `argmap
 * diff` and here. One-to-one: two corrections never land on one unit, and an
 * unmatched one is orphaned rather than applied to the wrong sentence.
 */
import { alignUnits, DEFAULT_THRESHOLD } from '../diff/align.js'
import type { Unit } from '../model/types.js'

export interface Resolved {
  unit: Unit
  /** Same id or same normalised text (not a rewording). */
  identical: boolean
}

/** Resolve each wanted id (with the text it had) to a current unit, or leave it out of the map (gone). */
export function resolveUnits(wanted: ReadonlyArray<{ id: string; text: string }>, units: readonly Unit[]): Map<string, Resolved> {
  const seen = new Set<string>()
  const old = wanted.filter((w) => (seen.has(w.id) ? false : (seen.add(w.id), true)))
  // Without the old document's order the "same gap" relaxation means nothing: one threshold everywhere.
  const alignment = alignUnits(old, units, { threshold: DEFAULT_THRESHOLD, slotThreshold: DEFAULT_THRESHOLD })
  const out = new Map<string, Resolved>()
  for (const p of alignment.pairs) out.set(old[p.old]!.id, { unit: units[p.new]!, identical: p.identical })
  return out
}
