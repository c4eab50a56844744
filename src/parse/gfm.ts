/**
 * GFM for the parser preset: remark-gfm's parts, except that autolink
 * literals (`https://…`, `www.…`, `a@b.co`) are found after parsing instead
 * of by micromark's tokenizer.
 *
 * Why not remark-gfm itself: micromark-extension-gfm-autolink-literal tries
 * its construct at every letter and digit of every text run, which made a
 * GFM parse of prose cost 2.3× a bare remark-parse (profiled on the op-ed
 * repeated 100 times: bare 141 ms, remark-gfm 366 ms, without that one
 * construct 159 ms). mdast-util-gfm-autolink-literal, which remark-gfm also
 * runs, already finds the same literals in text nodes after parsing (its
 * `transforms` entry); the only thing it lacks is positions on the nodes it
 * splits out of a text node, and argmap needs positions. So this plugin
 * registers the other four GFM syntax extensions, all of GFM's mdast
 * extensions (the library's transform included), and two small transforms
 * around the library's: one snapshots each parent's children, the other
 * gives the nodes that replaced a text node offsets cut from that node's.
 */
import type { Nodes, Parent, Root } from 'mdast'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown'
import { gfmFootnote } from 'micromark-extension-gfm-footnote'
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough'
import { gfmTable } from 'micromark-extension-gfm-table'
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item'
import { toString } from 'mdast-util-to-string'
import type { Processor } from 'unified'

type Point = { line: number; column: number; offset?: number }

/** What every literal the library's transform finds contains (its expressions are case-insensitive). */
const TRIGGER = /@|:\/\/|www\./i

/** Parent → its children before the autolink transform ran (only parents with a text child). */
let snapshots = new Map<Parent, Nodes[]>()

function snapshot(tree: Root): undefined {
  snapshots = new Map()
  const stack: Nodes[] = [tree]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (!('children' in node)) continue
    let hasText = false
    for (const child of node.children) {
      if (child.type === 'text') hasText ||= TRIGGER.test(child.value)
      else if ('children' in child) stack.push(child)
    }
    if (hasText) snapshots.set(node, node.children.slice() as Nodes[])
  }
  return undefined
}

/** Offsets for the nodes that replaced one text node, when its value is its source span verbatim. */
function restore(_tree: Root): undefined {
  for (const [parent, before] of snapshots) {
    const after = parent.children as Nodes[]
    if (after.length === before.length && after.every((n, i) => n === before[i])) continue
    let j = 0
    let i = 0
    while (i < after.length) {
      if (after[i] === before[j]) {
        i++
        j++
        continue
      }
      // A run of new nodes that replaced before[j] (a text node).
      const original = before[j]
      let end = i
      while (end < after.length && after[end] !== before[j + 1]) end++
      if (original && original.type === 'text') place(original, after.slice(i, end))
      i = end
      j++
    }
  }
  snapshots = new Map()
  return undefined
}

function place(original: Extract<Nodes, { type: 'text' }>, run: Nodes[]): void {
  const pos = original.position
  const start = pos?.start.offset
  const end = pos?.end.offset
  // An escape, a character reference, a blockquote marker or stripped
  // trailing white space makes the value shorter than its span: then the
  // nodes keep no position and segmentation aligns their text instead.
  if (!pos || start === undefined || end === undefined || end - start !== original.value.length) return
  let point: Point = { ...pos.start }
  for (const node of run) {
    const first = point
    point = advance(point, toString(node))
    node.position = { start: first, end: point }
    if ('children' in node) for (const child of node.children) child.position = { start: { ...first }, end: { ...point } }
  }
}

function advance(point: Point, value: string): Point {
  let { line, column } = point
  for (let k = 0; k < value.length; k++) {
    if (value.charCodeAt(k) === 10) {
      line++
      column = 1
    } else column++
  }
  return { line, column, offset: (point.offset ?? 0) + value.length }
}

const before: FromMarkdownExtension = { transforms: [snapshot] }
const after: FromMarkdownExtension = { transforms: [restore] }

/** Whether a source may hold a GFM table: a table needs a `|` in its head or delimiter row (see GfmOptions.tables). */
export function mayHoldTables(source: string): boolean {
  return source.includes('|')
}

/** Whether a source may hold an autolink literal: each contains `@`, `://` or `www.` (see GfmOptions.literals). */
export function mayHoldLiterals(source: string): boolean {
  return TRIGGER.test(source)
}

/** The options that give `source` the same tree as the full preset, leaving out what it cannot hold. */
export function gfmOptionsFor(source: string): Required<GfmOptions> {
  return {
    tables: mayHoldTables(source),
    literals: mayHoldLiterals(source),
    strikethrough: source.includes('~'),
    footnotes: source.includes('[^'),
    tasks: source.includes('['),
  }
}

/** One cache key per set of options. */
const keyOf = (o: Required<GfmOptions>): string => `${+o.tables}${+o.literals}${+o.strikethrough}${+o.footnotes}${+o.tasks}`

/** The key of the full preset (every option on): the one to seed a cache with for a processor built with default options. */
export const FULL_PRESET = keyOf({ tables: true, literals: true, strikethrough: true, footnotes: true, tasks: true })

/**
 * The processor for `source` from `presets`, one per set of options
 * (gfmOptionsFor), built with `build` on first use. The parser preset
 * (src/parse) and the annotated reader (src/syntax/scan.ts) each keep such a
 * cache of their own processors.
 */
export function presetFor<P>(presets: Map<string, P>, source: string, build: (options: Required<GfmOptions>) => P): P {
  const options = gfmOptionsFor(source)
  const key = keyOf(options)
  let preset = presets.get(key)
  if (preset === undefined) {
    preset = build(options)
    presets.set(key, preset)
  }
  return preset
}

export interface GfmOptions {
  /**
   * Whether to register the table construct (default true). micromark tries
   * it at the start of every paragraph and it reads the whole first line
   * before failing, which for prose (one long line a paragraph) is a second
   * pass over the text. A GFM table needs a `|` in its head or delimiter
   * row, so for a document without one the tree is the same without it.
   */
  tables?: boolean
  /**
   * Whether to look for autolink literals (default true). The library's
   * transform runs its expressions over every text node (the e-mail one
   * with a look-behind at every position); a source without `@`, `://` or
   * `www.` has none, so for it the tree is the same without the transform.
   */
  literals?: boolean
  /**
   * Whether to register the strikethrough construct (default true). Besides
   * its `~` tokenizer it adds a resolver that walks every inline span's
   * events (about 5% of a parse of prose). Every strikethrough, and every
   * other effect of the construct (it also makes `~` an attention marker,
   * which only matters next to a `~`), needs a `~` in the source.
   */
  strikethrough?: boolean
  /** Whether to register footnotes (default true): a definition, a call and the image form `![^x]` all contain `[^`. */
  footnotes?: boolean
  /** Whether to register task list items (default true): a check box `[ ]`, `[x]` needs a `[`. */
  tasks?: boolean
}

/** mdast-util-gfm's extensions; without literals, all but the autolink-literal one (the only one with a tree transform). */
function fromMarkdown(literals: boolean): FromMarkdownExtension[] {
  const all = gfmFromMarkdown()
  return literals ? all : all.filter((extension) => !extension.transforms?.length)
}

/** unified plugin: GFM syntax with autolink literals found after parsing, every node positioned. */
export function remarkGfmPositioned(this: Processor, options: GfmOptions = {}): void {
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] }
  const syntax = []
  if (options.footnotes !== false) syntax.push(gfmFootnote())
  if (options.strikethrough !== false) syntax.push(gfmStrikethrough())
  if (options.tasks !== false) syntax.push(gfmTaskListItem())
  if (options.tables !== false) syntax.push(gfmTable())
  ;(data.micromarkExtensions ??= []).push(...syntax)
  const literals = options.literals !== false
  ;(data.fromMarkdownExtensions ??= []).push(...(literals ? [before, ...fromMarkdown(true), after] : fromMarkdown(false)))
}
