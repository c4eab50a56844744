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
  // Iterative (an explicit stack), so a support chain thousands deep cannot overflow the call stack.
  const build = (root: Unit): TreeNode => {
    const top: TreeNode = { unit: root, relation: null, children: [] }
    placed.add(root.id)
    const stack = [top]
    for (let node = stack.pop(); node; node = stack.pop()) {
      for (const child of childrenOf.get(node.unit.id) ?? []) {
        if (placed.has(child.id)) continue
        placed.add(child.id)
        const next: TreeNode = { unit: child, relation: parentOf.get(child.id) ?? null, children: [] }
        node.children.push(next)
        stack.push(next)
      }
    }
    return top
  }
  const roots: TreeNode[] = []
  const rootUnits = args.filter((u) => !parentOf.has(u.id))
  rootUnits.sort((a, b) => Number(b.role === 'conclusion') - Number(a.role === 'conclusion'))
  for (const u of rootUnits) roots.push(build(u))
  // Units caught in a cycle have no root above them: show them as roots too.
  for (const u of args) if (!placed.has(u.id)) roots.push(build(u))
  return roots
}

/** Depth-first walk of the forest with each node's depth (pre-order, children in order; iterative). */
export function* walkForest(nodes: readonly TreeNode[], depth = 0): Generator<{ node: TreeNode; depth: number }> {
  const stack: Array<{ node: TreeNode; depth: number }> = []
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i]!, depth })
  for (let top = stack.pop(); top; top = stack.pop()) {
    yield top
    const children = top.node.children
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, depth: top.depth + 1 })
  }
}
