/**
 * Forest invariants of an argument map, checked in linear time: relations
 * join known argumentative units; no unit has two outgoing relations; the
 * conclusion and `none` units have none outgoing (but a restatement of the
 * thesis, itself a conclusion, `restates` it); `none` units have none
 * incoming; there are no cycles; every root is a conclusion or a claim.
 */
import { type Relation, RELATION_TYPES, type Unit } from './types.js'

export function checkForest(units: readonly Unit[], relations: readonly Relation[]): string[] {
  const errors: string[] = []
  const byId = new Map<string, Unit>()
  for (const u of units) {
    if (byId.has(u.id)) errors.push(`duplicate unit id ${u.id}`)
    byId.set(u.id, u)
  }
  const parent = new Map<string, string>()
  for (const r of relations) {
    const from = byId.get(r.from)
    const to = byId.get(r.to)
    if (!from) errors.push(`relation from unknown unit ${r.from}`)
    if (!to) errors.push(`relation to unknown unit ${r.to}`)
    if (!from || !to) continue
    if (r.from === r.to) errors.push(`unit ${r.from} relates to itself`)
    if (from.role === 'none') errors.push(`none unit ${r.from} has an outgoing relation`)
    if (to.role === 'none') errors.push(`none unit ${r.to} has an incoming relation`)
    if (r.type === 'restates') {
      if (from.role !== 'conclusion' || to.role !== 'conclusion') errors.push(`restates ${r.from} -> ${r.to} must join two conclusions`)
    } else if (from.role === 'conclusion') errors.push(`conclusion ${r.from} has an outgoing relation`)
    if (!RELATION_TYPES.includes(r.type)) errors.push(`relation ${r.from} -> ${r.to} has unknown type ${String(r.type)}`)
    if (parent.has(r.from)) errors.push(`unit ${r.from} has more than one outgoing relation`)
    else parent.set(r.from, r.to)
  }
  const cycle = findCycle(parent)
  if (cycle) errors.push(`cycle: ${cycle.join(' -> ')}`)
  // One thesis: conclusions that restate another do not count.
  let conclusions = 0
  for (const u of units) {
    if (u.role === 'conclusion' && !parent.has(u.id)) conclusions++
    if (u.role === 'none' || parent.has(u.id)) continue
    if (u.role === 'premise') errors.push(`premise ${u.id} is a root (it supports or attacks nothing)`)
  }
  if (conclusions > 1) errors.push(`${conclusions} conclusions (expected at most one)`)
  return errors
}

/**
 * A cycle in a graph where each node has at most one successor, or null.
 * Linear: every node is visited once (colouring by the walk that reached it).
 */
export function findCycle(parent: ReadonlyMap<string, string>): string[] | null {
  const walkOf = new Map<string, number>()
  let walk = 0
  for (const start of parent.keys()) {
    if (walkOf.has(start)) continue
    walk++
    const path: string[] = []
    let x: string | undefined = start
    while (x !== undefined && !walkOf.has(x)) {
      walkOf.set(x, walk)
      path.push(x)
      x = parent.get(x)
    }
    if (x !== undefined && walkOf.get(x) === walk) {
      const at = path.indexOf(x)
      return [...path.slice(at), x]
    }
  }
  return null
}

/** Units that no relation leaves (roots of the forest), in unit order. */
export function roots(units: readonly Unit[], relations: readonly Relation[]): Unit[] {
  const from = new Set(relations.map((r) => r.from))
  return units.filter((u) => u.role !== 'none' && !from.has(u.id))
}
