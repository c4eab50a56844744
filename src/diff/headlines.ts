import type { ArgumentMap, Relation } from '../model/types.js'
import type { Alignment } from './align.js'
import type { ConclusionStatus, Headlines, RelationChange } from './types.js'

/**
 * The facts a reader wants first: did the conclusion change, which claims
 * lost all their support, which attacks on the conclusion are new, which
 * units were left pointing at nothing.
 */
export function headlines(
  oldMap: ArgumentMap,
  newMap: ArgumentMap,
  alignment: Alignment,
  changes: readonly RelationChange[],
  ignoreRewording: boolean,
): Headlines {
  const oldIndex = indexOf(oldMap)
  const newIndex = indexOf(newMap)
  const oldConc = oldMap.units.filter((u) => u.role === 'conclusion').map((u) => u.id)
  const newConc = newMap.units.filter((u) => u.role === 'conclusion').map((u) => u.id)

  let status: ConclusionStatus
  if (!oldConc.length && !newConc.length) status = 'none'
  else if (!oldConc.length) status = 'added'
  else if (!newConc.length) status = 'removed'
  else {
    const oldSet = new Set(oldConc)
    const pairs = newConc.map((id) => {
      const o = alignment.newToOld[newIndex.get(id)!]!
      return o === -1 ? null : { old: oldMap.units[o]!.id, identical: alignment.pairs.find((p) => p.old === o)!.identical }
    })
    const kept = pairs.every((p) => p && oldSet.has(p.old)) && oldConc.length === newConc.length
    if (!kept) status = 'changed'
    else if (ignoreRewording || pairs.every((p) => p!.identical)) status = 'same'
    else status = 'reworded'
  }

  const oldSupport = supportCounts(oldMap.relations)
  const newSupport = supportCounts(newMap.relations)
  const lostSupport: string[] = []
  const dangling: Headlines['dangling'] = []
  const newOutgoing = new Set(newMap.relations.map((r) => r.from))
  const oldOutgoing = new Map<string, string>()
  for (const r of oldMap.relations) if (!oldOutgoing.has(r.from)) oldOutgoing.set(r.from, r.to)

  newMap.units.forEach((u, j) => {
    const o = alignment.newToOld[j]!
    if (o === -1) return
    const before = oldMap.units[o]!
    if ((u.role === 'claim' || u.role === 'conclusion') && (oldSupport.get(before.id) ?? 0) > 0 && !newSupport.get(u.id)) {
      lostSupport.push(u.id)
    }
    const formerTarget = oldOutgoing.get(before.id)
    if (
      formerTarget !== undefined &&
      (u.role === 'premise' || u.role === 'claim') &&
      !newOutgoing.has(u.id) &&
      alignment.oldToNew[oldIndex.get(formerTarget) ?? -1] === -1
    ) {
      dangling.push({ id: u.id, formerTarget })
    }
  })

  // an attack that followed the conclusion when it was replaced is not new
  const conclusions = new Set(newConc)
  const oldConclusions = new Set(oldConc)
  const newAttacksOnConclusion = changes
    .filter((c) => c.new && c.new.type === 'attack' && conclusions.has(c.new.to))
    .filter((c) => c.status === 'added' || c.status === 'flipped' || (c.status === 'retargeted' && !(c.old!.type === 'attack' && oldConclusions.has(c.old!.to))))
    .map((c) => c.new!)

  return { conclusion: { status, old: oldConc, new: newConc }, lostSupport, newAttacksOnConclusion, dangling }
}

function indexOf(map: ArgumentMap): Map<string, number> {
  const out = new Map<string, number>()
  map.units.forEach((u, i) => out.set(u.id, i))
  return out
}

function supportCounts(relations: readonly Relation[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const r of relations) if (r.type === 'support') out.set(r.to, (out.get(r.to) ?? 0) + 1)
  return out
}
