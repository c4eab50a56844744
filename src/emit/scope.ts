/**
 * What `annotate` must re-parse to verify its marks, and what it need not.
 *
 * A top-level paragraph whose source holds none of the characters that start
 * or end an inline construct (code, HTML, autolinks, links and labels,
 * escapes, character references, directives, emphasis, tables) is plain text:
 * a mark `:role[text]{#id ...}` inserted in it reads back exactly as
 * inserted, and, being inline text without those characters, cannot change
 * how any other block parses (no line of it can start a block, and it holds
 * no definition). So the verifying parse runs on the annotated body with each
 * such paragraph replaced by a one-letter stand-in paragraph, which keeps
 * every other block's context (separators, what interrupts what, definitions),
 * and the marks in the skipped paragraphs are taken as read. Found offsets are
 * mapped back to the body. For prose this removes nearly all of the parse.
 */
import type { Parsed } from '../parse/index.js'

/** Characters (and `www.`, a GFM autolink) after which a paragraph is not plain text. */
const RISKY = /[`<>\\[\]{}:&@|*_~]|www\./i

/** Source spans [start, end) of top-level paragraphs that are plain text, in order. */
export function plainParagraphs(source: string, parsed: Parsed): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const node of parsed.tree.children) {
    if (node.type !== 'paragraph') continue
    const s = node.position?.start.offset
    const e = node.position?.end.offset
    if (s === undefined || e === undefined) continue
    if (!RISKY.test(source.slice(s + parsed.shift, e + parsed.shift))) out.push([s + parsed.shift, e + parsed.shift])
  }
  return out
}

interface Inserted {
  at: number
  pos: number
  text: string
}

/** The verification text: the body with each plain paragraph's body span replaced by `a`, and the map back. */
export class Scope {
  /** The text to parse. */
  readonly text: string
  /** Kept pieces: start in `text`, start in the body. */
  private readonly from: number[] = []
  private readonly to: number[] = []

  /**
   * @param spans plain paragraphs in source offsets (sorted, disjoint)
   * @param ins the insertions, sorted by source offset, with body offsets
   */
  constructor(body: string, spans: ReadonlyArray<[number, number]>, ins: readonly Inserted[]) {
    const parts: string[] = []
    let k = 0
    let shift = 0
    let kept = 0
    let length = 0
    for (const [s, e] of spans) {
      // Insertions before the paragraph; one at its start (an opening mark) is inside it.
      while (k < ins.length && ins[k]!.at < s) shift += ins[k++]!.text.length
      const bodyStart = s + shift
      while (k < ins.length && ins[k]!.at <= e) shift += ins[k++]!.text.length
      const bodyEnd = e + shift
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

/** Whether `[start, end)` lies inside one of the sorted spans; `cursor` walks forward with ascending starts. */
export function inside(spans: ReadonlyArray<[number, number]>, cursor: { i: number }, start: number, end: number): boolean {
  while (cursor.i < spans.length && spans[cursor.i]![1] < start) cursor.i++
  const span = spans[cursor.i]
  return span !== undefined && span[0] <= start && end <= span[1]
}
