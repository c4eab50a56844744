/**
 * The invariants every markdown document must satisfy end to end (issue 7),
 * shared by the spec, real-world, property and fixture tests. Each check
 * returns a list of problems (empty when the document passes), so a failing
 * corpus test names every bad document at once instead of stopping at the
 * first.
 */
import { annotate } from '../src/emit/annotated.js'
import { toJSON } from '../src/emit/json.js'
import { checkForest } from '../src/model/forest.js'
import type { ArgumentMap } from '../src/model/types.js'
import { analyze } from '../src/pipeline.js'
import { readAnnotated } from '../src/read/read.js'
import { strip } from '../src/read/strip.js'

export interface Checked {
  map: ArgumentMap
  annotated: string
}

/** Start offset of every line, for checking line/column independently of src/parse's LineIndex. */
function lineStarts(source: string): number[] {
  const starts = [0]
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

function lineOf(starts: readonly number[], offset: number): number {
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= offset) lo = mid
    else hi = mid - 1
  }
  return lo
}

/** Offsets valid, in order, non-overlapping; each unit slices to its text; line/column agree with the offset. */
export function positionProblems(source: string, map: ArgumentMap): string[] {
  const problems: string[] = []
  const starts = lineStarts(source)
  let last = 0
  for (const u of map.units) {
    const { start, end } = u
    if (!(Number.isInteger(start.offset) && Number.isInteger(end.offset))) problems.push(`${u.id}: non-integer offsets`)
    if (start.offset < 0 || end.offset > source.length) problems.push(`${u.id}: offsets ${start.offset}-${end.offset} outside 0-${source.length}`)
    if (end.offset <= start.offset) problems.push(`${u.id}: empty or reversed span ${start.offset}-${end.offset}`)
    if (start.offset < last) problems.push(`${u.id}: starts at ${start.offset}, before the previous unit's end ${last} (overlap or out of order)`)
    if (source.slice(start.offset, end.offset) !== u.text) {
      problems.push(`${u.id}: text ${JSON.stringify(u.text)} != source slice ${JSON.stringify(source.slice(start.offset, end.offset))}`)
    }
    for (const p of [start, end]) {
      const line = lineOf(starts, p.offset)
      const column = p.offset - starts[line]! + 1
      if (p.line !== line + 1 || p.column !== column) problems.push(`${u.id}: point ${JSON.stringify(p)} != line ${line + 1} column ${column}`)
    }
    last = Math.max(last, end.offset)
  }
  return problems
}

/**
 * Run the whole pipeline on `source` and check: no exception, positions,
 * forest, strip(annotate(x)) === x, readAnnotated(annotate(x)) deep-equals
 * analyze(x).
 */
export function pipelineProblems(source: string, opts: { path?: string } = {}): { problems: string[]; checked?: Checked } {
  const path = opts.path ?? 'doc.md'
  let map: ArgumentMap
  let annotated: string
  try {
    map = analyze(source, { path })
    annotated = annotate(source, map)
  } catch (e) {
    return { problems: [`exception: ${(e as Error).stack ?? String(e)}`] }
  }
  const problems = positionProblems(source, map)
  for (const f of checkForest(map.units, map.relations)) problems.push(`forest: ${f}`)
  let stripped: string
  try {
    stripped = strip(annotated)
  } catch (e) {
    return { problems: [...problems, `strip threw: ${(e as Error).message}`] }
  }
  if (stripped !== source) problems.push(`strip(annotate(x)) differs from x at ${firstDifference(stripped, source)}`)
  try {
    const back = readAnnotated(annotated, path)
    if (toJSON(back) !== toJSON(map)) problems.push(`readAnnotated(annotate(x)) != analyze(x): ${mapDifference(back, map)}`)
  } catch (e) {
    problems.push(`readAnnotated threw: ${(e as Error).message}`)
  }
  return { problems, checked: { map, annotated } }
}

export function firstDifference(a: string, b: string): string {
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return `offset ${i}: ${JSON.stringify(a.slice(Math.max(0, i - 20), i + 20))} vs ${JSON.stringify(b.slice(Math.max(0, i - 20), i + 20))}`
}

/** The first unit or relation that differs, for a readable failure. */
export function mapDifference(got: ArgumentMap, want: ArgumentMap): string {
  if (toJSON({ ...got, units: [], relations: [] }) !== toJSON({ ...want, units: [], relations: [] })) {
    return `source ${JSON.stringify(got.source)} vs ${JSON.stringify(want.source)}`
  }
  const n = Math.max(got.units.length, want.units.length)
  for (let i = 0; i < n; i++) {
    const a = JSON.stringify(got.units[i])
    const b = JSON.stringify(want.units[i])
    if (a !== b) return `unit ${i}: read ${a} vs analyzed ${b}`
  }
  const m = Math.max(got.relations.length, want.relations.length)
  for (let i = 0; i < m; i++) {
    const a = JSON.stringify(got.relations[i])
    const b = JSON.stringify(want.relations[i])
    if (a !== b) return `relation ${i}: read ${a} vs analyzed ${b}`
  }
  return 'key order'
}
