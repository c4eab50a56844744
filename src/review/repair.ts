/**
 * After reviewed decisions are applied, the machine's own decisions yield to
 * them and the map is made a forest again, touching only unreviewed units
 * and relations:
 * - a relation out of a `none` unit or a conclusion is dropped;
 * - a relation into a `none` unit moves up to where that unit pointed (its
 *   nearest argumentative ancestor), or is dropped;
 * - a cycle loses one unreviewed relation;
 * - a machine conclusion beside a reviewed one becomes a claim;
 * - a machine premise left supporting nothing becomes a claim (a root claim
 *   is allowed, a root premise is not).
 * Mutates the units' roles (unreviewed ones only); returns the relations.
 */
import { findCycle } from '../model/forest.js'
import type { Relation, Unit } from '../model/types.js'

const MAX_HOPS = 64

export function repairForest(units: Unit[], relations: readonly Relation[]): Relation[] {
  const byId = new Map(units.map((u) => [u.id, u]))
  const reviewedConclusion = units.some((u) => u.reviewed && u.role === 'conclusion')
  for (const u of units) {
    if (reviewedConclusion && !u.reviewed && u.role === 'conclusion') {
      u.role = 'claim'
      u.signals = ['review:yields-to-reviewed-conclusion', ...u.signals]
    }
  }
  const original = new Map(relations.map((r) => [r.from, r.to]))
  const out = new Map<string, Relation>()
  for (const r of relations) {
    const from = byId.get(r.from)
    if (!from || from.role === 'none' || from.role === 'conclusion') continue
    if (out.has(r.from)) {
      if (!r.reviewed) continue
    }
    let to = r.to
    let hops = 0
    while (byId.get(to)?.role === 'none' && hops++ < MAX_HOPS) {
      const next = original.get(to)
      if (next === undefined) break
      to = next
    }
    const target = byId.get(to)
    if (!target || target.role === 'none' || to === r.from) continue
    out.set(r.from, to === r.to ? r : { ...r, to, signals: [...r.signals, 'review:moved-up'] })
  }
  // cycles: drop an unreviewed relation on the cycle (there is one: reviewed relations were checked for cycles)
  for (;;) {
    const parent = new Map([...out].map(([from, r]) => [from, r.to]))
    const cycle = findCycle(parent)
    if (!cycle) break
    const drop = cycle.slice(0, -1).find((id) => !out.get(id)!.reviewed) ?? cycle[0]!
    out.delete(drop)
  }
  for (const u of units) {
    if (!u.reviewed && u.role === 'premise' && !out.has(u.id)) {
      u.role = 'claim'
      u.signals = ['review:unattached', ...u.signals]
    }
  }
  const kept = new Set(out.values())
  const given = new Set(relations)
  return relations.filter((r) => kept.has(r)).concat([...out.values()].filter((r) => !given.has(r)))
}
