import { createHash } from 'node:crypto'
import { defaultModel } from './learn/load.js'
import type { Model } from './learn/model.js'
import { assignIds } from './model/ids.js'
import { type ArgumentMap, type Relation, SCHEMA_VERSION, type Segment, type Unit } from './model/types.js'
import { firstHeading, LineIndex, parseMarkdown, type Parsed } from './parse/index.js'
import { relate } from './relate/index.js'
import { segment, type SegmentOptions } from './segment/index.js'
import { type Tagged, tagSegments } from './tag/index.js'

export { firstHeading } from './parse/index.js'
export { tagSegments } from './tag/index.js'

export interface AnalyzeOptions extends SegmentOptions {
  /** The path as given, recorded in `source.path`. Default `-`. */
  path?: string
  /** Hex sha256 of the source bytes when the caller has them; otherwise computed from the UTF-8 encoding. */
  sha256?: string
  /** The learned model to tag and link with, or `rules` for the rules alone. Default: `defaultModel()`. */
  model?: Model | 'rules'
}

const round = (x: number): number => Math.round(x * 1000) / 1000

/** Put the stages' results together as a map: units with line/column points, confidences rounded. */
export function assembleMap(
  source: string,
  segments: readonly Segment[],
  ids: readonly string[],
  tagged: readonly Tagged[],
  relations: readonly Relation[],
  info: { path?: string; sha256?: string; title: string | null },
): ArgumentMap {
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
      path: info.path ?? '-',
      sha256: info.sha256 ?? createHash('sha256').update(source, 'utf8').digest('hex'),
      title: info.title,
    },
    units,
    relations: relations.map((r) => ({ ...r, confidence: round(r.confidence) })),
  }
}

/** Map a markdown document: segment, tag, relate. Pure and deterministic. */
export function analyze(source: string, options: AnalyzeOptions = {}, parsed: Parsed = parseMarkdown(source)): ArgumentMap {
  const segments = segment(source, options, parsed)
  const title = firstHeading(parsed.tree)
  const ids = assignIds(segments.map((s) => s.plain))
  const rules = tagSegments(segments, title)
  const model = options.model ?? defaultModel()
  if (model !== 'rules') {
    const learned = model.apply(segments, rules)
    const relations: Relation[] = learned.links.map((l) => ({ from: ids[l.from]!, to: ids[l.to]!, type: l.type, confidence: l.confidence, signals: l.signals }))
    return assembleMap(source, segments, ids, learned.tagged, relations, { path: options.path, sha256: options.sha256, title })
  }
  const { tagged, plan } = rules
  const relations = relate(segments, tagged, ids, plan)
  return assembleMap(source, segments, ids, tagged, relations, { path: options.path, sha256: options.sha256, title })
}
