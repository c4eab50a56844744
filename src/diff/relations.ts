import type { Relation } from '../model/types.js'
import type { RelationChange, RelationRef } from './types.js'

/**
 * Relation changes in terms of aligned units. Every unit gets a key shared by
 * both versions when it is aligned (`p:<new id>`), otherwise a side-specific
 * one; relations are then compared per source unit: same target and type is
 * unchanged, same target other type is flipped, another target is retargeted,
 * the rest added or removed.
 */

interface Edge {
  to: string
  rel: Relation
}

export interface RelationDiff {
  /** All relations, unchanged ones included. */
  changes: RelationChange[]
  unchanged: number
}

export function diffRelations(
  oldRelations: readonly Relation[],
  newRelations: readonly Relation[],
  oldKey: (id: string) => string,
  newKey: (id: string) => string,
  /** Source keys in report order (new document order, removed units where they were). */
  order: readonly string[],
): RelationDiff {
  const oldBy = group(oldRelations, oldKey)
  const newBy = group(newRelations, newKey)
  const changes: RelationChange[] = []
  let unchanged = 0
  const keys = [...order]
  const listed = new Set(order)
  for (const k of [...oldBy.keys(), ...newBy.keys()]) {
    if (!listed.has(k)) {
      listed.add(k)
      keys.push(k)
    }
  }
  for (const key of keys) {
    const olds = [...(oldBy.get(key) ?? [])]
    const news = [...(newBy.get(key) ?? [])]
    if (!olds.length && !news.length) continue
    // unchanged
    for (let a = olds.length - 1; a >= 0; a--) {
      const b = news.findIndex((n) => n.to === olds[a]!.to && n.rel.type === olds[a]!.rel.type)
      if (b === -1) continue
      unchanged++
      changes.push({ status: 'unchanged', old: ref(olds[a]!.rel), new: ref(news[b]!.rel) })
      olds.splice(a, 1)
      news.splice(b, 1)
    }
    // flipped
    for (let a = olds.length - 1; a >= 0; a--) {
      const b = news.findIndex((n) => n.to === olds[a]!.to)
      if (b === -1) continue
      changes.push({ status: 'flipped', old: ref(olds[a]!.rel), new: ref(news[b]!.rel) })
      olds.splice(a, 1)
      news.splice(b, 1)
    }
    // retargeted: pair what is left, in order
    while (olds.length && news.length) {
      changes.push({ status: 'retargeted', old: ref(olds.shift()!.rel), new: ref(news.shift()!.rel) })
    }
    for (const o of olds) changes.push({ status: 'removed', old: ref(o.rel), new: null })
    for (const n of news) changes.push({ status: 'added', old: null, new: ref(n.rel) })
  }
  return { changes, unchanged }
}

function group(relations: readonly Relation[], key: (id: string) => string): Map<string, Edge[]> {
  const out = new Map<string, Edge[]>()
  for (const rel of relations) {
    const k = key(rel.from)
    const list = out.get(k) ?? []
    list.push({ to: key(rel.to), rel })
    out.set(k, list)
  }
  return out
}

function ref(r: Relation): RelationRef {
  return { from: r.from, to: r.to, type: r.type }
}
