/**
 * The document's own text as HTML, each unit wrapped in a span coloured by
 * role. Blocks come from the markdown tree (headings, paragraphs, lists,
 * quotes, tables, code); inside a block the author's source text is shown as
 * is, escaped, with markdown syntax (emphasis marks, link targets, `> `
 * prefixes, table pipes) dimmed rather than re-rendered, so offsets and
 * text stay exactly the source's. Linear in the source and unit count.
 */
import type { Nodes, Root, RootContent } from 'mdast'
import type { ArgumentMap, Unit } from '../model/types.js'
import { parseMarkdown } from '../parse/index.js'
import { esc, isLow } from './escape.js'

interface Range {
  start: number
  end: number
}

const VISIBLE = new Set(['text', 'inlineCode', 'break'])

/** Source ranges of a block's visible text (text nodes, inline code); the rest is markdown syntax. */
function visibleRanges(node: Nodes, shift: number, out: Range[]): Range[] {
  if (VISIBLE.has(node.type)) {
    const p = node.position
    if (p?.start.offset !== undefined && p.end.offset !== undefined) out.push({ start: p.start.offset + shift, end: p.end.offset + shift })
    return out
  }
  if ('children' in node) for (const c of node.children) visibleRanges(c as Nodes, shift, out)
  return out
}

export function unitClass(u: Unit): string {
  return ['u', `r-${u.role}`, isLow(u.confidence) ? 'low' : '', u.reviewed ? 'reviewed' : '', u.flagged ? 'flagged' : '']
    .filter(Boolean)
    .join(' ')
}

/** Render source[start, end) with unit spans and dimmed syntax. `units` sorted by start; `cursor` advances. */
function renderSpan(source: string, start: number, end: number, units: readonly Unit[], cursor: { i: number }, visible: readonly Range[]): string {
  while (cursor.i < units.length && units[cursor.i]!.end.offset <= start) cursor.i++
  const cuts = new Set<number>([start, end])
  for (let k = cursor.i; k < units.length && units[k]!.start.offset < end; k++) {
    const u = units[k]!
    cuts.add(Math.max(start, u.start.offset))
    cuts.add(Math.min(end, u.end.offset))
  }
  for (const r of visible) {
    if (r.end <= start || r.start >= end) continue
    cuts.add(Math.max(start, r.start))
    cuts.add(Math.min(end, r.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  let html = ''
  let open: Unit | null = null
  let k = cursor.i
  let v = 0
  for (let p = 0; p < points.length - 1; p++) {
    const a = points[p]!
    const b = points[p + 1]!
    while (k < units.length && units[k]!.end.offset <= a) k++
    const unit = k < units.length && units[k]!.start.offset <= a ? units[k]! : null
    while (v < visible.length && visible[v]!.end <= a) v++
    const shown = v < visible.length && visible[v]!.start <= a
    if (unit !== open) {
      if (open) html += '</span>'
      if (unit) html += `<span class="${esc(unitClass(unit))}" data-id="${esc(unit.id)}" data-role="${esc(unit.role)}">`
      open = unit
    }
    const piece = esc(source.slice(a, b))
    html += shown || !piece.trim() ? piece : `<span class="md">${piece}</span>`
  }
  if (open) html += '</span>'
  return html
}

function range(node: Nodes, shift: number): Range | null {
  const p = node.position
  if (p?.start.offset === undefined || p.end.offset === undefined) return null
  return { start: p.start.offset + shift, end: p.end.offset + shift }
}

function block(node: RootContent, source: string, shift: number, units: readonly Unit[], cursor: { i: number }): string {
  const r = range(node, shift)
  if (!r) return ''
  const raw = (cls: string): string => `<pre class="${cls}">${esc(source.slice(r.start, r.end))}</pre>`
  switch (node.type) {
    case 'heading': {
      const first = node.children[0]
      const last = node.children[node.children.length - 1]
      const a = first ? range(first, shift) : null
      const b = last ? range(last, shift) : null
      if (!a || !b) return ''
      const vis = visibleRanges(node, shift, [])
      return `<h${node.depth}>${renderSpan(source, a.start, b.end, units, cursor, vis)}</h${node.depth}>`
    }
    case 'paragraph':
      return `<p>${renderSpan(source, r.start, r.end, units, cursor, visibleRanges(node, shift, []))}</p>`
    case 'code':
      return raw('code')
    case 'html':
      return raw('raw')
    case 'yaml':
      return raw('raw front-matter')
    case 'thematicBreak':
      return '<hr>'
    case 'definition':
      return raw('raw')
    default:
      if ((node.type as string) === 'toml') return raw('raw front-matter')
      // lists, block quotes, tables, footnote definitions: the source block, prefixes dimmed
      return `<div class="src">${renderSpan(source, r.start, r.end, units, cursor, visibleRanges(node, shift, []))}</div>`
  }
}

/** The document body: one HTML element per top-level markdown block, in source order. */
export function renderText(source: string, map: ArgumentMap, tree?: Root, shift?: number): string {
  let root = tree
  let s = shift ?? 0
  if (!root) {
    const parsed = parseMarkdown(source)
    root = parsed.tree
    s = parsed.shift
  }
  const units = [...map.units].sort((a, b) => a.start.offset - b.start.offset || a.end.offset - b.end.offset)
  const cursor = { i: 0 }
  return root.children.map((n) => block(n, source, s, units, cursor)).filter(Boolean).join('\n')
}
