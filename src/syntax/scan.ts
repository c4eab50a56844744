/**
 * One parse of an annotated document's body with remark-parse + gfm +
 * frontmatter + directive, returning our marks and escape tokens with exact
 * offsets (including where each label starts and ends, which mdast does not
 * keep: a small from-markdown extension records the label markers).
 */
import type { Nodes, Parents, Root } from 'mdast'
import type { TextDirective } from 'mdast-util-directive'
import type { CompileContext, Extension as FromMarkdownExtension, Token } from 'mdast-util-from-markdown'
import remarkDirective from 'remark-directive'
import remarkFrontmatter from 'remark-frontmatter'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'
import { MARK_NAMES, isEscape } from './annotation.js'
import { presetFor, remarkGfmPositioned } from '../parse/gfm.js'

/** A mark as found in annotated text; offsets index the annotated text. */
export interface FoundMark {
  name: string
  attributes: Record<string, string>
  /** The whole directive, `:name[...]{...}`. */
  start: number
  end: number
  /** Label content (between `[` and `]`), or null for a mark without a label. */
  label: { start: number; end: number } | null
  /** The label's parsed children (phrasing), for plain text. */
  children: Nodes[]
}

export interface Scan {
  marks: FoundMark[]
  /** Text directives with an id whose name is not one of ours (a mistyped role, say): left in the text. */
  others: Array<{ name: string; id: string; start: number; end: number }>
  /** Escape tokens (`<!--argmap-->`, `<?argmap?>`) that parsed as inline HTML. */
  escapes: Array<{ start: number; end: number }>
  /** The root's children (type and offsets), for callers that check the block structure. */
  blocks: Array<{ type: string; start: number; end: number }>
}

interface LabelData {
  argmapLabelOpen?: number
  argmapLabelClose?: number
}

function onLabelMarker(this: CompileContext, token: Token): undefined {
  const node = this.stack[this.stack.length - 1]
  if (!node || node.type !== 'textDirective') return
  const data = (node.data ??= {}) as LabelData
  if (data.argmapLabelOpen === undefined) data.argmapLabelOpen = token.end.offset
  else data.argmapLabelClose = token.start.offset
}

const labelExtension: FromMarkdownExtension = { enter: { directiveTextLabelMarker: onLabelMarker } }

function remarkLabelOffsets(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: FromMarkdownExtension[] }
  ;(data.fromMarkdownExtensions ??= []).push(labelExtension)
}

const processors = new Map<string, Processor<Root>>()

/** The preset plus remark-directive, leaving out what `text` cannot hold (as parserFor in src/parse does). */
function parser(text: string): Processor<Root> {
  return presetFor(
    processors,
    text,
    (options) =>
      unified()
        .use(remarkParse)
        .use(remarkGfmPositioned, options)
        .use(remarkFrontmatter, ['yaml', 'toml'])
        .use(remarkDirective)
        .use(remarkLabelOffsets)
        .freeze() as unknown as Processor<Root>,
  )
}

const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'containerDirective'])

/** Parse `text` (a BOM is skipped, offsets stay those of `text`) and collect marks and escapes. */
export function scan(text: string): Scan {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const body = bom ? text.slice(1) : text
  const tree = parser(body).parse(body)
  const marks: FoundMark[] = []
  const escapes: Array<{ start: number; end: number }> = []
  const others: Scan['others'] = []
  const walk = (node: Nodes, parent: Parents | undefined): void => {
    if (node.type === 'textDirective' && MARK_NAMES.has(node.name)) {
      marks.push(toMark(node, bom))
    } else if (node.type === 'textDirective' && node.attributes?.id && node.position) {
      others.push({ name: node.name, id: node.attributes.id, start: node.position.start.offset! + bom, end: node.position.end.offset! + bom })
    } else if (node.type === 'html' && isEscape(node.value) && parent && !FLOW_PARENTS.has(parent.type)) {
      const p = node.position
      if (p && p.start.offset !== undefined && p.end.offset !== undefined) {
        escapes.push({ start: p.start.offset + bom, end: p.end.offset + bom })
      }
    }
    if ('children' in node) for (const child of node.children) walk(child as Nodes, node)
  }
  walk(tree, undefined)
  marks.sort((a, b) => a.start - b.start)
  escapes.sort((a, b) => a.start - b.start)
  const blocks = tree.children.map((n) => ({ type: n.type, start: (n.position?.start.offset ?? -1) + bom, end: (n.position?.end.offset ?? -1) + bom }))
  return { marks, others, escapes, blocks }
}

function toMark(node: TextDirective, bom: number): FoundMark {
  const p = node.position!
  const data = (node.data ?? {}) as LabelData
  const attributes: Record<string, string> = {}
  for (const [k, v] of Object.entries(node.attributes ?? {})) if (typeof v === 'string') attributes[k] = v
  const label =
    data.argmapLabelOpen !== undefined && data.argmapLabelClose !== undefined
      ? { start: data.argmapLabelOpen + bom, end: data.argmapLabelClose + bom }
      : null
  return {
    name: node.name,
    attributes,
    start: p.start.offset! + bom,
    end: p.end.offset! + bom,
    label,
    children: node.children as Nodes[],
  }
}
