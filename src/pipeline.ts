import { createHash } from 'node:crypto'
import type { Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { assignIds } from './model/ids.js'
import { type ArgumentMap, SCHEMA_VERSION, type Unit } from './model/types.js'
import { LineIndex, parseMarkdown, type Parsed } from './parse/index.js'
import { relate } from './relate/index.js'
import { segment, type SegmentOptions } from './segment/index.js'
import { tag } from './tag/index.js'

export interface AnalyzeOptions extends SegmentOptions {
  /** The path as given, recorded in `source.path`. Default `-`. */
  path?: string
  /** Hex sha256 of the source bytes when the caller has them; otherwise computed from the UTF-8 encoding. */
  sha256?: string
}

/** Plain text of the document's first heading, or null. */
export function firstHeading(tree: Root): string | null {
  for (const node of tree.children) {
    if (node.type === 'heading') return toString(node).replace(/\s+/g, ' ').trim() || null
  }
  return null
}

const round = (x: number): number => Math.round(x * 1000) / 1000

/** Map a markdown document: segment, tag, relate. Pure and deterministic. */
export function analyze(source: string, options: AnalyzeOptions = {}, parsed: Parsed = parseMarkdown(source)): ArgumentMap {
  const segments = segment(source, options, parsed)
  const title = firstHeading(parsed.tree)
  const ids = assignIds(segments.map((s) => s.plain))
  const paragraphCount = segments.length ? (segments[segments.length - 1]!.paragraph + 1) : 0
  const tagged = tag(segments, { paragraphCount, title })
  const relations = relate(segments, tagged, ids).map((r) => ({ ...r, confidence: round(r.confidence) }))
  const lines = new LineIndex(source)
  const units: Unit[] = segments.map((s, i) => {
    const t = tagged[i]!
    return {
      id: ids[i]!,
      role: t.role,
      text: s.text,
      start: lines.point(s.start),
      end: lines.point(s.end),
      paragraph: s.paragraph,
      confidence: round(t.confidence),
      signals: t.signals,
    }
  })
  return {
    schema: SCHEMA_VERSION,
    source: {
      path: options.path ?? '-',
      sha256: options.sha256 ?? createHash('sha256').update(source, 'utf8').digest('hex'),
      title,
    },
    units,
    relations,
  }
}
