/**
 * Where the time goes: the pipeline run stage by stage with a clock around
 * each (the same calls, in the same order, as `analyze` in src/pipeline.ts,
 * then the two emitters). `faithful` says whether the staged map equals
 * `analyze`'s, so a drift between this copy and the pipeline shows.
 */
import { createHash } from 'node:crypto'
import { annotate } from '../emit/annotated.js'
import { toJSON } from '../emit/json.js'
import { assignIds } from '../model/ids.js'
import { type ArgumentMap, SCHEMA_VERSION, type Unit } from '../model/types.js'
import { LineIndex, parseMarkdown } from '../parse/index.js'
import { analyze, firstHeading } from '../pipeline.js'
import { relate } from '../relate/index.js'
import { segment } from '../segment/index.js'
import { tag } from '../tag/index.js'
import { now } from './measure.js'

export const STAGES = ['parse', 'segment', 'ids', 'tag', 'relate', 'assemble', 'json', 'annotate'] as const
export type Stage = (typeof STAGES)[number]

const round = (x: number): number => Math.round(x * 1000) / 1000

export function staged(source: string, times: Record<Stage, number>): ArgumentMap {
  let t = now()
  const lap = (stage: Stage): void => {
    const n = now()
    times[stage] += n - t
    t = n
  }
  const parsed = parseMarkdown(source)
  lap('parse')
  const segments = segment(source, {}, parsed)
  lap('segment')
  const title = firstHeading(parsed.tree)
  const ids = assignIds(segments.map((s) => s.plain))
  lap('ids')
  const paragraphCount = segments.length ? segments[segments.length - 1]!.paragraph + 1 : 0
  const tagged = tag(segments, { paragraphCount, title })
  lap('tag')
  const relations = relate(segments, tagged, ids).map((r) => ({ ...r, confidence: round(r.confidence) }))
  lap('relate')
  const lines = new LineIndex(source)
  const units: Unit[] = segments.map((s, i) => {
    const tg = tagged[i]!
    return {
      id: ids[i]!,
      role: tg.role,
      text: s.text,
      start: lines.point(s.start),
      end: lines.point(s.end),
      paragraph: s.paragraph,
      confidence: round(tg.confidence),
      signals: tg.signals,
    }
  })
  const map: ArgumentMap = {
    schema: SCHEMA_VERSION,
    source: { path: '-', sha256: createHash('sha256').update(source, 'utf8').digest('hex'), title },
    units,
    relations,
  }
  lap('assemble')
  toJSON(map)
  lap('json')
  annotate(source, map, parsed)
  lap('annotate')
  return map
}

export function zero(): Record<Stage, number> {
  return Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>
}

/** Median per-stage times over `rounds` runs of all `sources`, and whether the staged map is `analyze`'s. */
export function stageProfile(sources: readonly string[], rounds: number): { ms: Record<Stage, number>; faithful: boolean } {
  const gc = (globalThis as { gc?: () => void }).gc
  let faithful = true
  for (const s of sources) if (toJSON(staged(s, zero())) !== toJSON(analyze(s))) faithful = false
  const runs: Array<Record<Stage, number>> = []
  for (let r = 0; r < rounds; r++) {
    const times = zero()
    // One collection per round, not per source: forced collections age out compiled code.
    gc?.()
    for (const s of sources) staged(s, times)
    runs.push(times)
  }
  const ms = zero()
  for (const stage of STAGES) {
    const xs = runs.map((r) => r[stage]).sort((a, b) => a - b)
    ms[stage] = xs[xs.length >> 1]!
  }
  return { ms, faithful }
}
