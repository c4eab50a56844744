/**
 * What `annotate` must re-parse to verify its marks, and what it need not.
 *
 * The verifying parse (src/read/scan.ts) runs on the annotated body with some
 * top-level blocks replaced by a one-letter stand-in paragraph `a`; offsets
 * found are mapped back to the body. A block is replaced when nothing in it
 * needs checking and its replacement cannot change how any other block parses:
 *
 * - A paragraph with no insertions. A paragraph stays a paragraph, so what
 *   follows it (what may interrupt it, lazy lines) parses as before, and a
 *   paragraph node holds no definitions.
 * - A *plain* paragraph (none of the characters that start or end an inline
 *   construct: code, HTML, autolinks, links and labels, escapes, character
 *   references, directives, emphasis, tables; see RISKY) whose insertions are all wrap
 *   marks with simple ids. A mark `:role[text]{#id ...}` in plain text reads
 *   back exactly as inserted, and no line of it can start a block.
 * - Any other block (except front matter and definitions) with no
 *   insertions, no `]:` (so no definition inside it), and a blank line (or the
 *   document's edge) on both sides, so that nothing continues into it or out
 *   of it.
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
import type { Parsed } from '../parse/index.js'

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
      out.push({ start, end, paragraph: true, plain: !RISKY.test(text), index: i })
      continue
    }
    if (text.includes(']:')) continue
    const before = i === 0 ? null : span(i - 1)
    const after = i === nodes.length - 1 ? null : span(i + 1)
    const gapBefore = source.slice(before ? before[1] : parsed.shift, start)
    const gapAfter = source.slice(end, after ? after[0] : source.length)
    const openBefore = before ? BLANK_LINE.test(gapBefore) : /^[ \t]*$/.test(gapBefore)
    const openAfter = after ? BLANK_LINE.test(gapAfter) : true
    if ((i === 0 || before) && (i === nodes.length - 1 || after) && openBefore && openAfter) out.push({ start, end, paragraph: false, plain: false, index: i })
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

/** The verification text: the body with replaceable blocks replaced by `a`, and the map back. */
export class Scope {
  /** The text to parse. */
  readonly text: string
  /** Owners (unit indices) whose marks lie in a replaced block: taken as read. */
  readonly skipped = new Set<number>()
  /** Kept pieces: start in `text`, start in the body. */
  private readonly from: number[] = []
  private readonly to: number[] = []

  /**
   * @param blocks replaceable blocks (sorted, disjoint), source offsets
   * @param ins the insertions, sorted by source offset then rank, with body offsets
   * @param asRead whether an insertion in a plain paragraph reads back as inserted
   */
  constructor(body: string, blocks: readonly Block[], ins: readonly Inserted[], asRead: (x: Inserted) => boolean) {
    const parts: string[] = []
    let k = 0
    let shift = 0
    let kept = 0
    let length = 0
    let last = -2
    for (const b of blocks) {
      // Before the block: offsets below its start, and a mark closing right at it.
      while (k < ins.length && (ins[k]!.at < b.start || (ins[k]!.at === b.start && ins[k]!.rank === 0))) shift += ins[k++]!.text.length
      const bodyStart = b.start + shift
      const first = k
      let ok = true
      while (k < ins.length && (ins[k]!.at < b.end || (ins[k]!.at === b.end && ins[k]!.rank < 2))) {
        const x = ins[k++]!
        shift += x.text.length
        if (!(b.plain && asRead(x))) ok = false
      }
      if (!ok) continue
      for (let j = first; j < k; j++) this.skipped.add(ins[j]!.owner)
      const bodyEnd = b.end + shift
      const merge = b.index === last + 1
      last = b.index
      if (merge) {
        // Right after the previous stand-in: one stand-in for the run (micromark's cost is mostly per block).
        kept = bodyEnd
        continue
      }
      this.from.push(length)
      this.to.push(kept)
      parts.push(body.slice(kept, bodyStart), 'a')
      length += bodyStart - kept + 1
      kept = bodyEnd
    }
    this.from.push(length)
    this.to.push(kept)
    parts.push(body.slice(kept))
    this.text = parts.join('')
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
