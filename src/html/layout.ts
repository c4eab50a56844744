/**
 * Graph layout of an argument map, computed in Node, so the page embeds a
 * finished SVG and needs no script to draw it. Conclusion at the top, every
 * relation's source below its target. Deterministic: units and relations are
 * taken in map order, and coordinates are rounded.
 *
 * Op-eds make wide, shallow trees (a few claims, each with a fan of
 * premises). Laid side by side such fans get thousands of pixels wide, so, as
 * org charts do, the leaf children of a unit are stacked in a column under
 * it, and each leaf's relation is drawn as a bracket along a gutter on the
 * column's left.
 */
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
  /** Orthogonal bracket of a stacked leaf (drawn with straight segments), rather than a curve. */
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

/** Horizontal gap between neighbouring subtrees, vertical gap between a unit and the row under it, and between stacked leaves. */
const NODE_SEP = 18
const RANK_SEP = 30
const STACK_SEP = 10

/**
 * Widest row of subtrees under one unit (and of root trees) before it wraps
 * onto a new line below: about five boxes, the width of the page's graph
 * panel, so a map of any size fits the panel's width at a readable scale and
 * grows downwards instead of into a 25,000-pixel strip.
 */
export const ROW_MAX = 960

interface Place {
  box: NodeBox
  /** Children laid out side by side under the box, in relation order. */
  row: string[]
  /** Leaf children stacked in a column (left of the row). */
  column: string[]
  /** The row broken into lines of at most ROW_MAX. */
  lines: string[][]
  /** Width of what hangs under the box (its leaf column with the gutter, and its widest line). */
  under: number
  /** Width of the subtree (the box, the row under it, whichever is wider). */
  width: number
  /** Height of the subtree, from the top of the box. */
  height: number
}

/**
 * A tidy forest layout, linear in the number of units. The map is a forest
 * (src/model/forest.ts), so a layered crossing-minimising layout such as
 * dagre's buys nothing here and costs superlinear time (it was a third of a
 * corpus run's time): each unit is centred over the row of its children, the
 * rows of siblings never share x, and the roots sit side by side, conclusion
 * first. Rows wider than ROW_MAX wrap onto further lines; a child on a later
 * line is linked to its parent along a trunk in the gap left of the lines.
 */
export function layoutMap(map: ArgumentMap): GraphLayout {
  const places = new Map<string, Place>()
  for (const u of map.units) {
    if (u.role === 'none') continue
    const lines = wrap(plainish(u.text))
    const box: NodeBox = { id: u.id, role: u.role, x: 0, y: 0, width: NODE_WIDTH, height: lines.length * LINE_HEIGHT + PAD_Y, lines }
    places.set(u.id, { box, row: [], column: [], lines: [], under: 0, width: NODE_WIDTH, height: box.height })
  }
  const rels = map.relations.filter((r) => places.has(r.from) && places.has(r.to) && r.from !== r.to)
  const children = new Map<string, string[]>()
  const parentOf = new Map<string, string>()
  for (const r of rels) {
    if (parentOf.has(r.from)) continue
    parentOf.set(r.from, r.to)
    const list = children.get(r.to)
    if (list) list.push(r.from)
    else children.set(r.to, [r.from])
  }
  /** Stacked leaf → the unit it hangs under. */
  const stackedUnder = new Map<string, string>()
  for (const [id, kids] of children) {
    const leaves = kids.filter((k) => !children.has(k))
    const p = places.get(id)!
    if (leaves.length >= STACK_MIN) {
      p.column = leaves
      p.row = kids.filter((k) => children.has(k))
      for (const leaf of leaves) stackedUnder.set(leaf, id)
    } else p.row = kids
  }
  const roots = [...places.keys()].filter((id) => !parentOf.has(id))
  roots.sort((a, b) => Number(places.get(b)!.box.role === 'conclusion') - Number(places.get(a)!.box.role === 'conclusion'))
  // Post-order without recursion (a long chain would overflow the stack): subtree widths and heights.
  const order = preorder(roots, places)
  for (let i = order.length - 1; i >= 0; i--) measure(places.get(order[i]!)!, places)
  // The roots, in lines of at most ROW_MAX, each line's boxes centred on one y.
  let top = MARGIN
  for (const line of pack(roots, places, ROW_MAX)) {
    const boxH = Math.max(...line.map((id) => places.get(id)!.box.height))
    let left = MARGIN
    let lineH = 0
    for (const id of line) {
      const p = places.get(id)!
      p.box.x = left + p.width / 2
      p.box.y = top + boxH / 2
      left += p.width + NODE_SEP
      lineH = Math.max(lineH, p.height + (boxH - p.box.height) / 2)
    }
    top += lineH + RANK_SEP * 2
  }
  /** A child on a later line of its parent's row → the x of the trunk it joins. */
  const trunk = new Map<string, number>()
  let right = 0
  let bottom = 0
  for (const id of order) {
    const p = places.get(id)!
    const b = p.box
    right = Math.max(right, b.x + b.width / 2)
    bottom = Math.max(bottom, b.y + b.height / 2)
    const below = b.y + b.height / 2 + RANK_SEP
    let x = b.x - p.under / 2
    if (p.column.length) {
      let y = below
      for (const leaf of p.column) {
        const lb = places.get(leaf)!.box
        lb.x = x + GUTTER + lb.width / 2
        lb.y = y + lb.height / 2
        y += lb.height + STACK_SEP
      }
      x += GUTTER + NODE_WIDTH + NODE_SEP
    }
    let y = below
    p.lines.forEach((line, n) => {
      let lx = x
      let lineH = 0
      for (const kid of line) {
        const k = places.get(kid)!
        k.box.x = lx + k.width / 2
        k.box.y = y + k.box.height / 2
        lx += k.width + NODE_SEP
        lineH = Math.max(lineH, k.height)
        if (n > 0) trunk.set(kid, round(x - NODE_SEP / 2))
      }
      y += lineH + RANK_SEP
    })
  }
  for (const p of places.values()) {
    p.box.x = round(p.box.x)
    p.box.y = round(p.box.y)
  }
  const edges: EdgePath[] = rels.map((r) => {
    const from = places.get(r.from)!.box
    const to = places.get(r.to)!.box
    if (stackedUnder.get(r.from) === r.to) return { from: r.from, to: r.to, type: r.type, points: bracket(from, to, r.type), bracket: true }
    const top = round(from.y - from.height / 2)
    const under = round(to.y + to.height / 2)
    const t = trunk.get(r.from)
    if (t !== undefined) {
      const up = round(top - RANK_SEP / 2)
      const bus = round(under + RANK_SEP / 2)
      const points = [{ x: from.x, y: top }, { x: from.x, y: up }, { x: t, y: up }, { x: t, y: bus }, { x: to.x, y: bus }, { x: to.x, y: under }]
      return { from: r.from, to: r.to, type: r.type, points, bracket: true }
    }
    const mid = round((top + under) / 2)
    return { from: r.from, to: r.to, type: r.type, points: [{ x: from.x, y: top }, { x: from.x, y: mid }, { x: to.x, y: mid }, { x: to.x, y: under }] }
  })
  return { width: Math.ceil(right + MARGIN), height: Math.ceil(bottom + MARGIN), nodes: [...places.values()].map((p) => p.box), edges }
}

/** Break `ids` (subtrees, in order) into lines no wider than `max` (a subtree wider than that gets a line of its own). */
function pack(ids: readonly string[], places: ReadonlyMap<string, Place>, max: number): string[][] {
  const lines: string[][] = []
  let line: string[] = []
  let w = 0
  for (const id of ids) {
    const kw = places.get(id)!.width
    if (line.length && w + NODE_SEP + kw > max) {
      lines.push(line)
      line = []
      w = 0
    }
    w += (line.length ? NODE_SEP : 0) + kw
    line.push(id)
  }
  if (line.length) lines.push(line)
  return lines
}

/** A unit's lines, and the width and height of what hangs under it (its children already measured). */
function measure(p: Place, places: ReadonlyMap<string, Place>): void {
  const col = p.column.length ? GUTTER + NODE_WIDTH : 0
  const offset = col ? col + NODE_SEP : 0
  p.lines = pack(p.row, places, Math.max(NODE_WIDTH, ROW_MAX - offset))
  let widest = 0
  let rows = 0
  for (const line of p.lines) {
    let w = 0
    let h = 0
    for (const kid of line) {
      const k = places.get(kid)!
      w += (w ? NODE_SEP : 0) + k.width
      h = Math.max(h, k.height)
    }
    widest = Math.max(widest, w)
    rows += (rows ? RANK_SEP : 0) + h
  }
  let column = 0
  for (const leaf of p.column) column += (column ? STACK_SEP : 0) + places.get(leaf)!.box.height
  p.under = widest ? offset + widest : col
  p.width = Math.max(p.box.width, p.under)
  const hang = Math.max(rows, column)
  p.height = p.box.height + (hang ? RANK_SEP + hang : 0)
}

/** Units in pre-order (a unit before everything under it), roots in the given order. */
function preorder(roots: readonly string[], places: ReadonlyMap<string, Place>): string[] {
  const out: string[] = []
  const stack = [...roots].reverse()
  while (stack.length) {
    const id = stack.pop()!
    out.push(id)
    const p = places.get(id)!
    for (let i = p.row.length - 1; i >= 0; i--) stack.push(p.row[i]!)
    for (let i = p.column.length - 1; i >= 0; i--) stack.push(p.column[i]!)
  }
  return out
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
