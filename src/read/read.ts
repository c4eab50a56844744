/**
 * Read an annotated markdown file back into an argument map: the original
 * text (strip), its segments (the same `segment()` the pipeline uses) for the
 * `none` units, roles, ids, spans and relations from the marks, confidence
 * and signals from the trailer's data block. A reviewer's edits are honoured:
 * a renamed mark changes the role, a changed `supports=`/`attacks=` the
 * relation, a deleted mark makes the unit `none`, and a new mark without an
 * id (`:premise[...]`) becomes a unit with the id the pipeline would give it.
 */
import { createHash } from 'node:crypto'
import { assignIds } from '../model/ids.js'
import { SCHEMA_VERSION, type ArgumentMap, type Relation, type Role, type Segment, type Unit } from '../model/types.js'
import { LineIndex, parseMarkdown } from '../parse/index.js'
import { firstHeading } from '../pipeline.js'
import { segment } from '../segment/index.js'
import { plainish } from '../emit/text.js'
import { AnnotatedError } from './ids.js'
import { parseAnnotated, type Mark } from './marks.js'
import { RELATION_ATTRIBUTE } from '../syntax/annotation.js'
import type { DataFlags } from './trailer.js'
import { lastAtOrBefore } from '../util/search.js'

interface Draft {
  start: number
  end: number
  role: Role
  plain: string
  paragraph: number
  mark: Mark | null
}

const WORDY = /[\p{L}\p{N}]/u

/** Index of the last segment starting at or before `pos`, or -1. */
function segmentAt(segments: readonly Segment[], pos: number): number {
  return lastAtOrBefore(segments, pos, (s) => s.start)
}

function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return [start, end]
}

function copyFlags(from: DataFlags | undefined, to: DataFlags): void {
  if (from?.reviewed !== undefined) to.reviewed = from.reviewed
  if (from?.flagged !== undefined) to.flagged = from.flagged
}

/** Unit drafts for the marks: spans trimmed, snapped to a segment when a point mark has no length. */
function markDrafts(original: string, segments: readonly Segment[], marks: readonly Mark[]): Draft[] {
  const drafts: Draft[] = []
  for (const mark of marks) {
    let { start, end } = mark
    if (end <= start) {
      const i = segmentAt(segments, start)
      const seg = i >= 0 && segments[i]!.end > start ? segments[i] : segments[i + 1]
      if (!seg) continue
      ;({ start, end } = seg)
    }
    ;[start, end] = trimSpan(original, start, end)
    if (end <= start) continue
    const i = segmentAt(segments, start)
    const seg = i >= 0 ? segments[i]! : segments[0]
    const same = seg && seg.start === start && seg.end === end
    drafts.push({
      start,
      end,
      role: mark.role,
      plain: same ? seg.plain : mark.plain || plainish(original.slice(start, end)),
      paragraph: seg?.paragraph ?? 0,
      mark,
    })
  }
  return drafts
}

/** `none` drafts: each segment minus what marks cover (pieces without a letter or digit dropped). Linear sweep. */
function noneDrafts(original: string, segments: readonly Segment[], covered: readonly Draft[]): Draft[] {
  const out: Draft[] = []
  let k = 0
  for (const seg of segments) {
    while (k < covered.length && covered[k]!.end <= seg.start) k++
    let from = seg.start
    let touched = false
    for (let j = k; j < covered.length && covered[j]!.start < seg.end; j++) {
      const c = covered[j]!
      if (c.end <= from) continue
      touched = true
      if (c.start > from) piece(out, original, seg, from, c.start)
      from = Math.max(from, c.end)
    }
    if (!touched) out.push({ start: seg.start, end: seg.end, role: 'none', plain: seg.plain, paragraph: seg.paragraph, mark: null })
    else if (from < seg.end) piece(out, original, seg, from, seg.end)
  }
  return out
}

/** What is left of a segment beside a reviewer's mark, when it holds a word. */
function piece(out: Draft[], original: string, seg: Segment, a: number, b: number): void {
  const [start, end] = trimSpan(original, a, b)
  const plain = plainish(original.slice(start, end))
  if (end > start && WORDY.test(plain)) out.push({ start, end, role: 'none', plain, paragraph: seg.paragraph, mark: null })
}

export interface ReadOptions {
  /**
   * Refuse a relation whose target is no unit of the document (a mistyped
   * `supports=`): an AnnotatedError at the mark. `argmap read` sets it;
   * `review accept` reads leniently and reports such edits itself.
   */
  strict?: boolean
}

/** The argument map of an annotated document. `path` is used when the trailer records none. */
export function readAnnotated(annotated: string, path?: string, options: ReadOptions = {}): ArgumentMap {
  const { original, marks, data } = parseAnnotated(annotated)
  const parsed = parseMarkdown(original)
  const segments = segment(original, {}, parsed)

  const marked = markDrafts(original, segments, marks)
  const covered = [...marked].sort((a, b) => a.start - b.start || b.end - a.end)
  const drafts = [...marked, ...noneDrafts(original, segments, covered)].sort((a, b) => a.start - b.start || b.end - a.end)

  const computed = assignIds(drafts.map((d) => d.plain))
  const unitData = new Map((data?.units ?? []).map((u) => [u.id, u]))
  const lines = new LineIndex(original)
  const units: Unit[] = drafts.map((d, i) => {
    const id = d.mark?.id ?? computed[i]!
    const info = unitData.get(id)
    const unit: Unit = {
      id,
      role: d.role,
      text: original.slice(d.start, d.end),
      start: lines.point(d.start),
      end: lines.point(d.end),
      paragraph: d.paragraph,
      confidence: info?.confidence ?? 1,
      signals: info ? [...info.signals] : [],
    }
    copyFlags(info, unit)
    return unit
  })

  const relationData = new Map((data?.relations ?? []).map((r, i) => [`${r.from} ${r.type} ${r.to}`, { r, i }]))
  const found: Array<{ relation: Relation; order: number }> = []
  const seen = new Set<string>()
  drafts.forEach((d, i) => {
    for (const { type, to } of d.mark?.relations ?? []) {
      const from = units[i]!.id
      const key = `${from} ${type} ${to}`
      if (seen.has(key)) continue
      seen.add(key)
      const known = relationData.get(key)
      const relation: Relation = { from, to, type, confidence: known?.r.confidence ?? 1, signals: known ? [...known.r.signals] : [] }
      copyFlags(known?.r, relation)
      found.push({ relation, order: known ? known.i : relationData.size + found.length })
    }
  })
  found.sort((a, b) => a.order - b.order)
  if (options.strict) {
    const ids = new Set(units.map((u) => u.id))
    let lines: LineIndex | undefined
    drafts.forEach((d) => {
      for (const { type, to } of d.mark?.relations ?? []) {
        if (ids.has(to)) continue
        const p = (lines ??= new LineIndex(annotated)).point(d.mark?.at ?? 0)
        throw new AnnotatedError(p.line, p.column, `${RELATION_ATTRIBUTE[type]}=${to}: no unit of this document has that id`)
      }
    })
  }

  return {
    schema: SCHEMA_VERSION,
    source: {
      path: data?.path ?? path ?? '-',
      sha256: createHash('sha256').update(original, 'utf8').digest('hex'),
      title: firstHeading(parsed.tree),
    },
    units,
    relations: found.map((f) => f.relation),
  }
}
