/**
 * Where the time goes: the pipeline run stage by stage with a clock around
 * each (the stage functions `analyze` in src/pipeline.ts calls, in its
 * order, then the two emitters). With the default model, `model` is the
 * learned tagger and linker after the rules (`relate` is the rules path's
 * linker, so it takes no time there). `faithful` says whether the staged
 * map equals `analyze`'s.
 */
import { annotate } from '../src/emit/annotated.js'
import { toJSON } from '../src/emit/json.js'
import { assignIds } from '../src/model/ids.js'
import type { ArgumentMap } from '../src/model/types.js'
import { defaultModel } from '../src/learn/load.js'
import type { Relation } from '../src/model/types.js'
import { parseMarkdown } from '../src/parse/index.js'
import { analyze, assembleMap, firstHeading, tagSegments } from '../src/pipeline.js'
import { relate } from '../src/relate/index.js'
import { segment } from '../src/segment/index.js'
import { now } from './measure.js'

export const STAGES = ['parse', 'segment', 'ids', 'tag', 'model', 'relate', 'assemble', 'json', 'annotate'] as const
export type Stage = (typeof STAGES)[number]

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
  const rules = tagSegments(segments, title)
  lap('tag')
  const model = defaultModel()
  let tagged = rules.tagged
  let relations: Relation[]
  if (model !== 'rules') {
    const learned = model.apply(segments, rules)
    tagged = learned.tagged
    relations = learned.links.map((l) => ({ from: ids[l.from]!, to: ids[l.to]!, type: l.type, confidence: l.confidence, signals: l.signals }))
    lap('model')
  } else {
    relations = relate(segments, tagged, ids, rules.plan)
    lap('relate')
  }
  const map = assembleMap(source, segments, ids, tagged, relations, { title })
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
