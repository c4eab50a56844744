/**
 * Graph layout of an argument map, computed in Node with dagre (a layered
 * Sugiyama layout), so the page embeds a finished SVG and needs no script to
 * draw it. Conclusion at the top: every relation is laid out as an edge from
 * its target (above) to its source (below), then drawn the other way round.
 * Deterministic: nodes and edges are added in unit and relation order, and
 * coordinates are rounded.
 *
 * Op-eds make wide, shallow trees (a few claims, each with a fan of
 * premises). Laid side by side such fans get thousands of pixels wide, so, as
 * org charts do, the leaf children of a unit are stacked in a column under
 * it: dagre lays out a chain parent → leaf1 → leaf2 …, and each leaf's
 * relation is drawn as a bracket along a gutter on the column's left.
 */
import dagre from '@dagrejs/dagre'
import { plainish } from '../emit/text.js'
import type { ArgumentMap, RelationType, Role } from '../model/types.js'

export interface NodeBox {
  id: string
  role: Exclude<Role, 'none'>
  /** Centre of the box. */
  x: number
  y: number
  width: number
  height: number
  /** The unit's plain text (markdown syntax removed) wrapped into lines (the last one ends in … when cut). */
  lines: string[]
}

export interface EdgePath {
  from: string
  to: string
  type: RelationType
  /** From the source unit's box to the target unit's box. */
  points: Array<{ x: number; y: number }>
  /** Orthogonal bracket of a stacked leaf (drawn with straight segments), rather than a dagre spline. */
  bracket?: boolean
}

export interface GraphLayout {
  width: number
  height: number
  nodes: NodeBox[]
  edges: EdgePath[]
}

export const NODE_WIDTH = 172
/** Characters per wrapped line and lines per node, for the 11px label font. */
export const LINE_CHARS = 26
export const MAX_LINES = 4
export const LINE_HEIGHT = 13
const PAD_Y = 16
const MARGIN = 12
/** Width of the bracket gutter left of a stacked leaf. */
const GUTTER = 16
/** A unit with at least this many leaf children gets them stacked. */
const STACK_MIN = 2

const round = (n: number): number => Math.round(n * 10) / 10

/** Greedy word wrap; long words are cut; the last line gets an ellipsis when text is left over. */
export function wrap(text: string, width = LINE_CHARS, maxLines = MAX_LINES): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)
  const lines: string[] = []
  let line = ''
  let i = 0
  for (; i < words.length && lines.length < maxLines; i++) {
    let w = words[i]!
    if (w.length > width) w = `${w.slice(0, width - 1)}…`
    if (!line) line = w
    else if (line.length + 1 + w.length <= width) line += ` ${w}`
    else {
      lines.push(line)
      line = lines.length < maxLines ? w : ''
      if (!line) break
    }
  }
  if (line && lines.length < maxLines) lines.push(line)
  if (i < words.length && lines.length) {
    const last = lines[lines.length - 1]!
    lines[lines.length - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`
  }
  return lines
}

export function layoutMap(map: ArgumentMap): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: false })
  g.setGraph({ rankdir: 'TB', nodesep: 18, ranksep: 30, edgesep: 8, marginx: MARGIN, marginy: MARGIN })
  g.setDefaultEdgeLabel(() => ({}))
  const boxes = new Map<string, NodeBox>()
  for (const u of map.units) {
    if (u.role === 'none') continue
    const lines = wrap(plainish(u.text))
    boxes.set(u.id, { id: u.id, role: u.role, x: 0, y: 0, width: NODE_WIDTH, height: lines.length * LINE_HEIGHT + PAD_Y, lines })
  }
  const rels = map.relations.filter((r) => boxes.has(r.from) && boxes.has(r.to) && r.from !== r.to)
  const hasChildren = new Set(rels.map((r) => r.to))
  const leaves = new Map<string, string[]>()
  for (const r of rels) {
    if (hasChildren.has(r.from)) continue
    const list = leaves.get(r.to)
    if (list) list.push(r.from)
    else leaves.set(r.to, [r.from])
  }
  /** Stacked leaf → the unit it hangs under. */
  const stackedUnder = new Map<string, string>()
  for (const [parent, list] of leaves) if (list.length >= STACK_MIN) for (const leaf of list) stackedUnder.set(leaf, parent)
  for (const b of boxes.values()) g.setNode(b.id, { width: b.width + (stackedUnder.has(b.id) ? GUTTER : 0), height: b.height })
  const chained = new Set<string>()
  for (const r of rels) {
    const parent = stackedUnder.get(r.from)
    if (parent === undefined) {
      g.setEdge(r.to, r.from, { weight: 1, minlen: 1 })
      continue
    }
    if (chained.has(r.from)) continue
    // the whole column at once: parent → first leaf → second leaf …
    const column = leaves.get(parent)!
    column.forEach((leaf, i) => {
      chained.add(leaf)
      g.setEdge(i === 0 ? parent : column[i - 1]!, leaf, { weight: 4, minlen: 1 })
    })
  }
  dagre.layout(g)
  for (const box of boxes.values()) {
    const n = g.node(box.id)
    box.x = round((n.x ?? 0) + (stackedUnder.has(box.id) ? GUTTER / 2 : 0))
    box.y = round(n.y ?? 0)
  }
  const edges: EdgePath[] = rels.map((r) => {
    const parent = stackedUnder.get(r.from)
    if (parent !== undefined) return { from: r.from, to: r.to, type: r.type, points: bracket(boxes.get(r.from)!, boxes.get(r.to)!, r.type), bracket: true }
    const e = g.edge(r.to, r.from) as { points?: Array<{ x: number; y: number }> } | undefined
    const pts = (e?.points ?? []).map((p) => ({ x: round(p.x), y: round(p.y) })).reverse()
    return { from: r.from, to: r.to, type: r.type, points: pts }
  })
  const graph = g.graph() as { width?: number; height?: number }
  return {
    width: Math.ceil(graph.width ?? 0),
    height: Math.ceil(graph.height ?? 0),
    nodes: [...boxes.values()],
    edges,
  }
}

/**
 * A stacked leaf's edge: left out of the leaf into the gutter, up the gutter,
 * then into the parent's bottom. Attacks run a few pixels left of supports,
 * so a column holding both keeps them apart.
 */
function bracket(leaf: NodeBox, parent: NodeBox, type: RelationType): Array<{ x: number; y: number }> {
  const shift = type === 'attack' ? 6 : 0
  const left = leaf.x - leaf.width / 2
  const gutter = round(left - GUTTER / 2 + 3 - shift)
  const bottom = round(parent.y + parent.height / 2)
  const turn = round(bottom + 12 + shift)
  const into = round(Math.min(Math.max(gutter + 10, parent.x - parent.width / 2 + 10), parent.x) - shift)
  return [
    { x: round(left), y: leaf.y },
    { x: gutter, y: leaf.y },
    { x: gutter, y: turn },
    { x: into, y: turn },
    { x: into, y: bottom },
  ]
}
