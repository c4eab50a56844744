/**
 * What `annotate` must re-parse to verify its marks, and what it need not.
 *
 * The verifying parse (src/syntax/scan.ts) runs on the annotated body with some
 * top-level blocks replaced by a one-letter stand-in paragraph `a`; offsets
 * found are mapped back to the body. A block is replaced when nothing in it
 * needs checking and its replacement cannot change how any other block parses:
 *
 * - A paragraph with no insertions. A paragraph stays a paragraph, so what
 *   follows it (what may interrupt it, lazy lines) parses as before, and a
 *   paragraph node holds no definitions.
 * - A paragraph whose insertions are all wrap marks with simple ids that
 *   read back as inserted: every mark in a *plain* paragraph (none of the
 *   characters that start or end an inline construct: code, HTML, autolinks,
 *   links and labels, escapes, character references, directives, emphasis,
 *   tables; see RISKY), and elsewhere a mark whose ends both lie in plain
 *   text (see markReadsBack). No line of a mark can start a block.
 * - Any other block (except front matter and definitions) with no
 *   insertions, no `]:` (so no definition inside it), and a blank line (or the
 *   document's edge) on both sides, so that nothing continues into it or out
 *   of it.
 * - Such a list or block quote also when its insertions are all wrap marks
 *   that read back as inserted in the paragraphs nested in it, by the same
 *   rule as for a top-level paragraph. A container only strips its line
 *   prefixes before the paragraph's inline content is parsed, and a mark
 *   adds no line: every line starts where it did, so the container's
 *   structure (markers, indentation, laziness) is what it was.
 *
 * A run of neighbouring replaced blocks shares one stand-in (micromark's cost
 * is mostly per block): the run meets its kept neighbours at a paragraph or
 * across a blank line, as its first and last blocks did.
 *
 * A block with no insertions holds no author text that reads as a mark or an
 * escape token (annotate escapes all such text, and an escape is an
 * insertion), so nothing stray can hide in a replaced block either. For prose
 * this removes nearly all of the parse; for code-heavy documents, all but the
 * paragraphs that carry marks.
 */
import type { Nodes } from 'mdast'
import type { Parsed } from '../parse/index.js'
import { lastAtOrBefore } from '../util/search.js'

/**
 * Characters after which a paragraph is not plain text; also `www.` (a GFM
 * autolink) and a colon not followed by white space (a directive name, a URL
 * scheme). A colon before white space starts nothing.
 */
const RISKY = /[`<>\\[\]{}&@|*_~]|:(?!\s|$)|www\./i
const BLANK_LINE = /\n[ \t]*\r?\n/
const NEVER = new Set(['yaml', 'toml', 'definition', 'footnoteDefinition'])

export interface Block {
  start: number
  end: number
  /** A paragraph (may hold marks when plain); otherwise replaced only when it has no insertions. */
  paragraph: boolean
  plain: boolean
  /** Index among the root's children: a run of replaced neighbours shares one stand-in. */
  index: number
  /**
   * In a paragraph that is not plain: spans of inline nodes a mark must not
   * cut (code, HTML, links, images, footnote calls); null when some node has
   * no position (then no mark in it is taken as read).
   */
  atomic: Array<[number, number]> | null
  /** For a list or block quote: the paragraphs nested in it, in source order (as paragraph blocks). */
  inner?: Block[]
}

const ATOMIC = new Set(['inlineCode', 'html', 'link', 'linkReference', 'image', 'imageReference', 'footnoteReference'])

function atomicSpans(node: Nodes, shift: number, out: Array<[number, number]>): boolean {
  if (!('children' in node)) return true
  for (const child of node.children as Nodes[]) {
    const p = child.position
    if (!p || p.start.offset === undefined || p.end.offset === undefined) return false
    if (ATOMIC.has(child.type)) out.push([p.start.offset + shift, p.end.offset + shift])
    else if (!atomicSpans(child, shift, out)) return false
  }
  return true
}

/**
 * Whether a wrap mark around [start, end) in this paragraph reads back as
 * inserted. In a plain paragraph, always. Otherwise when the unit's text has
 * no backslashes and its brackets balance, nested at most 32 deep (so the
 * label ends at the mark's own `]`: remark-directive counts brackets before
 * anything else, and gives up past that depth), no backslash
 * escapes the mark's `:`, and no code span, HTML, link, image or footnote
 * call runs across either end (so each end of the mark is in plain text; the
 * label is parsed on its own, and what it holds, emphasis or code included,
 * was whole inside the unit already).
 */
export function markReadsBack(source: string, block: Block, start: number, end: number): boolean {
  if (block.inner) {
    const inner = block.inner[lastAtOrBefore(block.inner, start, (p) => p.start)]
    return inner !== undefined && markReadsBack(source, inner, start, end)
  }
  if (!block.paragraph || start < block.start || end > block.end) return false
  if (block.plain) return true
  if (!block.atomic || source[start - 1] === '\\') return false
  let depth = 0
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i)
    if (c === 0x5c) return false
    if (c === 0x5b && ++depth > 32) return false
    if (c === 0x5d && --depth < 0) return false
  }
  if (depth !== 0) return false
  for (const [a, b] of block.atomic) if ((a < start && start < b) || (a < end && end < b)) return false
  return true
}

function paragraphBlock(source: string, node: Nodes, start: number, end: number, index: number, shift: number): Block {
  const plain = !RISKY.test(source.slice(start, end))
  const atomic: Array<[number, number]> = []
  return { start, end, paragraph: true, plain, index, atomic: plain || atomicSpans(node, shift, atomic) ? atomic : null }
}

/** Paragraphs inside a list or block quote (at any depth, not inside tables, HTML or code), as paragraph blocks. */
function nestedParagraphs(source: string, container: Nodes, index: number, shift: number): Block[] {
  const out: Block[] = []
  const stack: Nodes[] = [container]
  while (stack.length) {
    const node = stack.pop()!
    if (node.type === 'paragraph') {
      const p = node.position
      if (p?.start.offset !== undefined && p.end.offset !== undefined) out.push(paragraphBlock(source, node, p.start.offset + shift, p.end.offset + shift, index, shift))
    } else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes)
    }
  }
  return out
}

/** Top-level blocks that may be replaced by a stand-in, in source order (source offsets). */
export function replaceableBlocks(source: string, parsed: Parsed): Block[] {
  const out: Block[] = []
  const nodes = parsed.tree.children
  const span = (i: number): [number, number] | null => {
    const p = nodes[i]?.position
    return p && p.start.offset !== undefined && p.end.offset !== undefined ? [p.start.offset + parsed.shift, p.end.offset + parsed.shift] : null
  }
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!
    const here = span(i)
    if (!here || NEVER.has(node.type)) continue
    const [start, end] = here
    const text = source.slice(start, end)
    if (node.type === 'paragraph') {
      out.push(paragraphBlock(source, node, start, end, i, parsed.shift))
      continue
    }
    if (text.includes(']:')) continue
    const before = i === 0 ? null : span(i - 1)
    const after = i === nodes.length - 1 ? null : span(i + 1)
    const gapBefore = source.slice(before ? before[1] : parsed.shift, start)
    const gapAfter = source.slice(end, after ? after[0] : source.length)
    const openBefore = before ? BLANK_LINE.test(gapBefore) : /^[ \t]*$/.test(gapBefore)
    const openAfter = after ? BLANK_LINE.test(gapAfter) : true
    if (!((i === 0 || before) && (i === nodes.length - 1 || after) && openBefore && openAfter)) continue
    const block: Block = { start, end, paragraph: false, plain: false, index: i, atomic: null }
    if (node.type === 'list' || node.type === 'blockquote') block.inner = nestedParagraphs(source, node, i, parsed.shift)
    out.push(block)
  }
  return out
}

export interface Inserted {
  at: number
  /** 0 closes a mark, 1 escapes, 2 opens a mark (the sort order at one offset). */
  rank: number
  pos: number
  text: string
  owner: number
}

/** A root child of the source: type and source offsets. */
export interface Root {
  type: string
  start: number
  end: number
}

export function roots(parsed: Parsed): Root[] | null {
  const out: Root[] = []
  for (const n of parsed.tree.children) {
    const p = n.position
    if (!p || p.start.offset === undefined || p.end.offset === undefined) return null
    out.push({ type: n.type, start: p.start.offset + parsed.shift, end: p.end.offset + parsed.shift })
  }
  return out
}

/**
 * The verification text: the body with replaceable blocks replaced by `a`,
 * the map back, and the block structure its parse must show for the skipped
 * marks to be taken as read: every kept block where it was (same type, same
 * span), every stand-in a paragraph. If an insertion changed a kept block's
 * extent (a broken fence, an HTML block turned paragraph that takes in the
 * next lines), the parse shows it and the caller verifies the whole body.
 */
export class Scope {
  /** The text to parse. */
  readonly text: string
  /** Owners (unit indices) whose marks lie in a replaced block: taken as read. */
  readonly skipped = new Set<number>()
  /** Root children the parse of `text` must have (offsets in `text`). */
  readonly expected: Root[] = []
  /** Kept pieces: start in `text`, start in the body. */
  private readonly from: number[] = []
  private readonly to: number[] = []

  /**
   * @param all the source's root children, in order
   * @param blocks replaceable blocks (a subset of `all`, by index)
   * @param ins the insertions, sorted by source offset then rank, with body offsets
   * @param asRead whether an insertion in a paragraph reads back as inserted (see markReadsBack)
   */
  constructor(body: string, all: readonly Root[], blocks: readonly Block[], ins: readonly Inserted[], asRead: (x: Inserted) => boolean) {
    const byIndex = new Map(blocks.map((b) => [b.index, b]))
    const parts: string[] = []
    let k = 0
    let shift = 0
    let kept = 0
    let length = 0
    let inRun = false
    all.forEach((r, i) => {
      // Before the block: offsets below its start, and a mark closing right at it.
      const before = k
      while (k < ins.length && (ins[k]!.at < r.start || (ins[k]!.at === r.start && ins[k]!.rank === 0))) shift += ins[k++]!.text.length
      const gapClean = k === before
      const bodyStart = r.start + shift
      const first = k
      let ok = byIndex.has(i)
      const block = byIndex.get(i)
      // Marks may be taken as read in a paragraph and in the paragraphs of a list or quote.
      const paragraph = block !== undefined && (block.paragraph || block.inner !== undefined)
      while (k < ins.length && (ins[k]!.at < r.end || (ins[k]!.at === r.end && ins[k]!.rank < 2))) {
        const x = ins[k++]!
        shift += x.text.length
        if (!(paragraph && asRead(x))) ok = false
      }
      const bodyEnd = r.end + shift
      if (!ok) {
        inRun = false
        this.expected.push({ type: r.type, start: length + (bodyStart - kept), end: length + (bodyEnd - kept) })
        return
      }
      for (let j = first; j < k; j++) this.skipped.add(ins[j]!.owner)
      if (inRun && gapClean) {
        // Right after the previous stand-in, nothing inserted between: one stand-in for the run (micromark's cost is mostly per block).
        kept = bodyEnd
        return
      }
      inRun = true
      this.from.push(length)
      this.to.push(kept)
      parts.push(body.slice(kept, bodyStart), 'a')
      length += bodyStart - kept
      this.expected.push({ type: 'paragraph', start: length, end: length + 1 })
      length += 1
      kept = bodyEnd
    })
    this.from.push(length)
    this.to.push(kept)
    parts.push(body.slice(kept))
    this.text = parts.join('')
  }

  /** Whether the parse of `text` has exactly the expected root children. */
  holds(found: ReadonlyArray<Root>): boolean {
    if (found.length !== this.expected.length) return false
    return found.every((b, i) => {
      const e = this.expected[i]!
      return b.type === e.type && b.start === e.start && b.end === e.end
    })
  }

  /** Body offset of an offset in `text` (outside the stand-ins). */
  toBody(pos: number): number {
    let lo = 0
    let hi = this.from.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.from[mid]! <= pos) lo = mid
      else hi = mid - 1
    }
    return this.to[lo]! + (pos - this.from[lo]!)
  }
}
