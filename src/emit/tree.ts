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
 * Units are handled by index (one id lookup per relation end) with children
 * in one flat array: the trailer of every annotated file builds this forest,
 * and per-unit maps and sets were most of its cost on large documents.
 */
export function forest(map: ArgumentMap): TreeNode[] {
  const args = map.units.filter((u) => u.role !== 'none')
  const n = args.length
  const index = new Map<string, number>()
  args.forEach((u, i) => index.set(u.id, i))
  // The first relation from each unit to another argumentative unit.
  const parentRel: Array<Relation | null> = new Array(n).fill(null)
  const parent = new Int32Array(n).fill(-1)
  for (const r of map.relations) {
    const from = index.get(r.from)
    if (from === undefined || parent[from]! !== -1 || r.from === r.to) continue
    const to = index.get(r.to)
    if (to === undefined) continue
    parent[from] = to
    parentRel[from] = r
  }
  // Children of each unit, in document order, as runs of one flat array.
  const first = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) first[parent[i]! + 1]!++
  for (let i = 0; i < n; i++) first[i + 1]! += first[i]!
  const fill = first.slice(0, n)
  const children = new Int32Array(first[n]!)
  for (let i = 0; i < n; i++) if (parent[i]! >= 0) children[fill[parent[i]!]!++] = i
  const placed = new Uint8Array(n)
  // Iterative (an explicit stack), so a support chain thousands deep cannot overflow the call stack.
  const build = (root: number): TreeNode => {
    const top: TreeNode = { unit: args[root]!, relation: null, children: [] }
    placed[root] = 1
    const stack: Array<{ node: TreeNode; at: number }> = [{ node: top, at: root }]
    for (let item = stack.pop(); item; item = stack.pop()) {
      for (let k = first[item.at]!; k < first[item.at + 1]!; k++) {
        const child = children[k]!
        if (placed[child]) continue
        placed[child] = 1
        const next: TreeNode = { unit: args[child]!, relation: parentRel[child]!, children: [] }
        item.node.children.push(next)
        stack.push({ node: next, at: child })
      }
    }
    return top
  }
  const roots: TreeNode[] = []
  for (let i = 0; i < n; i++) if (parent[i]! < 0 && args[i]!.role === 'conclusion') roots.push(build(i))
  for (let i = 0; i < n; i++) if (parent[i]! < 0 && args[i]!.role !== 'conclusion') roots.push(build(i))
  // Units caught in a cycle have no root above them: show them as roots too.
  for (let i = 0; i < n; i++) if (!placed[i]) roots.push(build(i))
  return roots
}

/**
 * Depth-first walk of the forest: visit(node, depth) for each node, pre-order,
 * children in order; iterative, so a chain thousands deep does not overflow the
 * stack. A callback, not a generator: the annotated trailer's outline walks
 * every unit, and a yielded record per node (with the iterator's own) was a
 * fifth of its cost.
 */
export function visitForest(nodes: readonly TreeNode[], visit: (node: TreeNode, depth: number) => void): void {
  const stack: TreeNode[] = []
  const depths: number[] = []
  for (let i = nodes.length - 1; i >= 0; i--) {
    stack.push(nodes[i]!)
    depths.push(0)
  }
  while (stack.length) {
    const node = stack.pop()!
    const depth = depths.pop()!
    visit(node, depth)
    const children = node.children
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push(children[i]!)
      depths.push(depth + 1)
    }
  }
}

