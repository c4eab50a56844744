import type { Nodes, Root } from 'mdast'
import type { BlockKind, Segment } from '../model/types.js'
import { parseMarkdown } from '../parse/index.js'
import { clauseCuts } from './clauses.js'
import { type Flat, flatten } from './flatten.js'
import { sentenceRanges } from './sentences.js'

export interface SegmentOptions {
  /** Split sentences at connectives ("X, because Y"). Default true. */
  clauses?: boolean
}

interface Block {
  node: Nodes
  kind: BlockKind
  depth: number
  containers: string[]
}

const CONTAINER: Record<string, string> = {
  blockquote: 'blockquote',
  listItem: 'listItem',
  table: 'table',
  footnoteDefinition: 'footnote',
}

/** Prose blocks in document order: headings, paragraphs (also inside quotes, lists, footnotes), table cells. */
export function proseBlocks(tree: Root): Block[] {
  const out: Block[] = []
  const walk = (node: Nodes, containers: string[]): void => {
    switch (node.type) {
      case 'heading':
        out.push({ node, kind: 'heading', depth: node.depth, containers })
        return
      case 'paragraph':
        out.push({ node, kind: 'paragraph', depth: 0, containers })
        return
      case 'tableCell':
        out.push({ node, kind: 'tableCell', depth: 0, containers })
        return
      case 'code':
      case 'html':
      case 'yaml':
      case 'definition':
      case 'thematicBreak':
        return
      default: {
        if (!('children' in node)) return
        const own = CONTAINER[node.type]
        const inner = own ? [...containers, own] : containers
        for (const child of node.children) walk(child as Nodes, inner)
      }
    }
  }
  walk(tree, [])
  return out
}

const WS = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g
/**
 * White space `WS` would change: any but a lone plain space (`\s` but the
 * space, and U+200B; or two spaces). Most sentences have none, and skip the
 * replace. One character class and a substring search: the alternation
 * `[^\S ]|\u200B| {2}` was tried at every character.
 */
const WS_BUT_SPACE = /[\t\n\v\f\r\u00A0\u1680\u2000-\u200B\u2028\u2029\u202F\u205F\u3000\uFEFF]/

function plainText(raw: string): string {
  return (WS_BUT_SPACE.test(raw) || raw.includes('  ') ? raw.replace(WS, ' ') : raw).trim()
}

/** Source span of analysis range [a, b), widened over inline markup wholly inside it. */
function sourceSpan(flat: Flat, a: number, b: number, openAt: Map<number, number[]>, closeAt: Map<number, number[]>): [number, number] {
  let start = flat.from[a] as number
  let end = flat.to[b - 1] as number
  for (const ci of openAt.get(a) ?? []) {
    const c = flat.containers[ci]!
    if (c.last <= b - 1 && c.start < start) start = c.start
  }
  for (const ci of closeAt.get(b - 1) ?? []) {
    const c = flat.containers[ci]!
    if (c.first >= a && c.end > end) end = c.end
  }
  return [start, Math.max(end, start)]
}

/**
 * Segment a markdown source into sentences (and connective-joined clauses)
 * with absolute UTF-16 offsets into `source`.
 */
export function segment(source: string, options: SegmentOptions = {}, parsed = parseMarkdown(source)): Segment[] {
  const { tree, shift } = parsed
  const splitClauses = options.clauses !== false
  const segments: Segment[] = []
  let paragraph = 0
  for (const block of proseBlocks(tree)) {
    const flat = flatten(block.node, source, shift)
    if (!flat.text.trim()) continue
    const openAt = new Map<number, number[]>()
    const closeAt = new Map<number, number[]>()
    flat.containers.forEach((c, i) => {
      // One array per index, pushed to (a copy per container made nested markup quadratic in its depth).
      const opens = openAt.get(c.first)
      if (opens) opens.push(i)
      else openAt.set(c.first, [i])
      const closes = closeAt.get(c.last)
      if (closes) closes.push(i)
      else closeAt.set(c.last, [i])
    })
    const ranges: Array<[number, number, boolean]> = []
    for (const [a, b] of sentenceRanges(flat.text, flat)) {
      // Never cut inside an atomic run: a connective inside a code span is code, not a clause boundary.
      const cuts = splitClauses ? clauseCuts(flat.text, a, b).filter((c) => !flat.atomic[c - 1] && !flat.atomic[c]) : []
      let from = a
      for (const cut of [...cuts, b]) {
        let x = from
        let y = cut
        while (x < y && /\s/.test(flat.text[x] as string)) x++
        while (y > x && /\s/.test(flat.text[y - 1] as string)) y--
        if (y > x) ranges.push([x, y, cuts.length > 0 && from !== a])
        from = cut
      }
    }
    const first = segments.length
    for (const [a, b, clause] of ranges) {
      const [start, end] = sourceSpan(flat, a, b, openAt, closeAt)
      segments.push({
        start,
        end,
        text: source.slice(start, end),
        plain: plainText(flat.text.slice(a, b)),
        paragraph,
        block: block.kind,
        depth: block.depth,
        index: segments.length - first,
        count: 0,
        clause,
        containers: block.containers,
      })
    }
    for (let i = first; i < segments.length; i++) segments[i]!.count = segments.length - first
    paragraph++
  }
  return segments
}
