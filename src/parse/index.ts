import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { lastAtOrBefore } from '../util/search.js'
import { FULL_PRESET, presetFor, remarkGfmPositioned } from './gfm.js'

/** The frozen parser preset: CommonMark + GFM (see ./gfm.ts) + YAML/TOML front matter. */
export const parser = unified().use(remarkParse).use(remarkGfmPositioned).use(remarkFrontmatter, ['yaml', 'toml']).freeze()

/** The preset's processors by GFM options; with every option on, it is `parser` itself. */
const presets = new Map<string, typeof parser>([[FULL_PRESET, parser]])

/**
 * The preset's parser for `source`: `parser`, or one without what `source`
 * cannot hold (GFM tables without a `|`, autolink literals without `@`,
 * `://` or `www.`, strikethrough without `~`, footnotes without `[^`, task
 * list items without `[`), which gives the same tree faster (see GfmOptions).
 */
export function parserFor(source: string): typeof parser {
  return presetFor(presets, source, (options) => unified().use(remarkParse).use(remarkGfmPositioned, options).use(remarkFrontmatter, ['yaml', 'toml']).freeze())
}

export const BOM = '\uFEFF'

export interface Parsed {
  tree: Root
  /**
   * micromark drops a leading BOM and counts offsets without it (textlint
   * strips it for the same reason). `shift` is what to add to a tree offset
   * to get an offset into the original source: 1 with a BOM, else 0.
   */
  shift: number
}

export function parseMarkdown(source: string): Parsed {
  const shift = source.startsWith(BOM) ? 1 : 0
  const text = shift ? source.slice(1) : source
  const tree = parserFor(text).parse(text)
  return { tree, shift }
}

/** Line starts of a source, for offset → 1-based line/column in O(log n). */
export class LineIndex {
  private readonly starts: number[] = [0]
  /** The line of the last point: a map asks for its units' starts and ends in order, mostly on that line or the next. */
  private last = 0
  constructor(source: string) {
    for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1)
  }
  point(offset: number): { line: number; column: number; offset: number } {
    const line = this.lineAt(offset)
    this.last = line
    return { line: line + 1, column: offset - (this.starts[line] as number) + 1, offset }
  }

  /** The 0-based line holding `offset` (line 0 for one before the source): the last line or the next, else a binary search. */
  private lineAt(offset: number): number {
    const starts = this.starts
    for (let line = this.last; line <= this.last + 1 && line < starts.length; line++) {
      if (starts[line]! <= offset && (line + 1 === starts.length || offset < starts[line + 1]!)) return line
    }
    return Math.max(0, lastAtOrBefore(starts, offset, (start) => start))
  }
}

/** Plain text of the document's first heading, or null. */
export function firstHeading(tree: Root): string | null {
  for (const node of tree.children) {
    if (node.type === 'heading') return toString(node).replace(/\s+/g, ' ').trim() || null
  }
  return null
}
