import type { ArgumentMap, Relation, Unit } from '../model/types.js'

/** One argumentative unit placed in the argument forest. */
export interface TreeNode {
  unit: Unit
  /** The relation that attaches this node to its parent, or null for a root. */
  relation: Relation | null
  children: TreeNode[]
}

/**
 * The map as a forest for display: roots are argumentative units with no
 * outgoing relation to another argumentative unit (conclusions first, then
 * document order); a unit's children are the units whose relation points at
 * it, in document order. Each unit appears once, under its first relation.
 * Linear in units + relations; cycles (invalid maps) are broken, not followed.
 */
export function forest(map: ArgumentMap): TreeNode[] {
  const args = map.units.filter((u) => u.role !== 'none')
  const byId = new Map(args.map((u) => [u.id, u]))
  const parentOf = new Map<string, Relation>()
  for (const r of map.relations) {
    if (!parentOf.has(r.from) && byId.has(r.from) && byId.has(r.to) && r.from !== r.to) parentOf.set(r.from, r)
  }
  const childrenOf = new Map<string, Unit[]>()
  for (const u of args) {
    const r = parentOf.get(u.id)
    if (!r) continue
    const list = childrenOf.get(r.to)
    if (list) list.push(u)
    else childrenOf.set(r.to, [u])
  }
  const placed = new Set<string>()
  const build = (unit: Unit, relation: Relation | null): TreeNode => {
    placed.add(unit.id)
    const children: TreeNode[] = []
    for (const child of childrenOf.get(unit.id) ?? []) {
      if (!placed.has(child.id)) children.push(build(child, parentOf.get(child.id) ?? null))
    }
    return { unit, relation, children }
  }
  const roots: TreeNode[] = []
  const rootUnits = args.filter((u) => !parentOf.has(u.id))
  rootUnits.sort((a, b) => Number(b.role === 'conclusion') - Number(a.role === 'conclusion'))
  for (const u of rootUnits) roots.push(build(u, null))
  // Units caught in a cycle have no root above them: show them as roots too.
  for (const u of args) if (!placed.has(u.id)) roots.push(build(u, null))
  return roots
}

/** Depth-first walk of the forest with each node's depth. */
export function* walkForest(nodes: readonly TreeNode[], depth = 0): Generator<{ node: TreeNode; depth: number }> {
  for (const node of nodes) {
    yield { node, depth }
    yield* walkForest(node.children, depth + 1)
  }
}
