/**
 * The marks of an annotated document, with spans in ORIGINAL offsets, and
 * the original text itself (marks, escapes and trailer removed).
 */
import type { Nodes } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { RELATION_TYPES, type RelationType, type Role } from '../model/types.js'
import { scan } from '../syntax/scan.js'
import { RELATION_ATTRIBUTE } from '../syntax/annotation.js'
import { LineIndex } from '../parse/index.js'
import { checkId } from './ids.js'
import { splitTrailer, type TrailerData } from './trailer.js'

export type MarkRole = Exclude<Role, 'none'>

export interface Mark {
  role: MarkRole
  /** The `#id`, or null for a mark a reviewer added without one. */
  id: string | null
  /** All attributes as written (`id`, `supports`, `attacks`, `len`...). */
  attributes: Record<string, string>
  /** Outgoing relations named by `supports=` / `attacks=` (space-separated ids). */
  relations: Array<{ type: RelationType; to: string }>
  /** Span in the original text. */
  start: number
  end: number
  /** `span`: `:role[text]{...}`; `point`: `:role{... len=N}` before the text; `data`: recorded in the trailer only. */
  kind: 'span' | 'point' | 'data'
  /** Plain text of a span mark's label ('' for other kinds). */
  plain: string
  /** Where the mark is written in the annotated file (its offset there), for messages; absent for `data`. */
  at?: number
}

export interface ParsedAnnotated {
  original: string
  marks: Mark[]
  data: TrailerData | null
  /**
   * Directives with an `#id` but a name that is not a role (`:thesis[...]{#id}`),
   * left in the text as they are: most likely a reviewer's typo, worth a warning.
   * Offsets are into the original text.
   */
  unknown: Array<{ name: string; id: string; start: number; end: number }>
}

interface Range {
  start: number
  end: number
}

function relationsOf(attributes: Record<string, string>): Mark['relations'] {
  const out: Mark['relations'] = []
  for (const type of RELATION_TYPES) {
    const v = attributes[RELATION_ATTRIBUTE[type]]
    if (v) for (const to of v.split(/\s+/)) if (to) out.push({ type, to })
  }
  return out
}

/** Every id a mark names, against the id grammar (an error with the mark's place, never repaired). */
function checkMarkIds(annotated: string, marks: ReadonlyArray<{ name: string; attributes: Record<string, string>; start: number }>): void {
  let lines: LineIndex | undefined
  for (const m of marks) {
    const { id } = m.attributes
    if (id === undefined && !m.attributes.supports && !m.attributes.attacks) continue
    lines ??= new LineIndex(annotated)
    if (id !== undefined && id !== '') checkId(id, `:${m.name}{#…}`, annotated, m.start, lines)
    for (const type of ['support', 'attack'] as const) {
      const attribute = RELATION_ATTRIBUTE[type]
      const v = m.attributes[attribute]
      if (v) for (const to of v.split(/\s+/)) if (to) checkId(to, `${attribute}=`, annotated, m.start, lines)
    }
  }
}

/** Parse an annotated document once: the original text, its marks, the trailer data. */
export function parseAnnotated(annotated: string): ParsedAnnotated {
  const { body, data, found: hasTrailer } = splitTrailer(annotated)
  const found = scan(body)
  // Without our trailer the text may never have been annotated: then only
  // marks carrying an id count (author text like "Re:claim" stays).
  if (!hasTrailer) found.marks = found.marks.filter((m) => m.attributes.id)
  checkMarkIds(annotated, found.marks)
  const removed: Range[] = []
  for (const m of found.marks) {
    if (m.label) removed.push({ start: m.start, end: m.label.start }, { start: m.label.end, end: m.end })
    else removed.push({ start: m.start, end: m.end })
  }
  for (const e of found.escapes) removed.push(e)
  removed.sort((a, b) => a.start - b.start)

  // Original text, and a prefix sum of removed lengths for offset mapping.
  const parts: string[] = []
  const cumulative: number[] = []
  let last = 0
  let total = 0
  for (const r of removed) {
    parts.push(body.slice(last, r.start))
    total += r.end - r.start
    cumulative.push(total)
    last = r.end
  }
  parts.push(body.slice(last))
  const original = parts.join('')

  /** Annotated offset → original offset (a position inside removed syntax maps to where it was). */
  const toOriginal = (pos: number): number => {
    let lo = 0
    let hi = removed.length - 1
    let at = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (removed[mid]!.start < pos) {
        at = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    if (at === -1) return pos
    const r = removed[at]!
    const before = at === 0 ? 0 : cumulative[at - 1]!
    if (pos <= r.end) return r.start - before
    return pos - cumulative[at]!
  }

  const marks: Mark[] = found.marks.map((m) => {
    const attributes = m.attributes
    const base = { role: m.name as MarkRole, id: attributes.id || null, attributes, relations: relationsOf(attributes), at: m.start }
    if (m.label) {
      return {
        ...base,
        start: toOriginal(m.label.start),
        end: toOriginal(m.label.end),
        kind: 'span' as const,
        plain: toString({ type: 'paragraph', children: m.children } as Nodes).replace(/\s+/g, ' ').trim(),
      }
    }
    const start = toOriginal(m.start)
    const len = Number(attributes.len)
    const end = Number.isInteger(len) && len > 0 ? Math.min(start + len, original.length) : start
    return { ...base, start, end, kind: 'point' as const, plain: '' }
  })
  for (const u of data?.units ?? []) {
    if (!u.at || !['conclusion', 'claim', 'premise'].includes(u.at.role)) continue
    const start = Math.min(u.at.start, original.length)
    const relations = (data?.relations ?? []).filter((r) => r.from === u.id).map((r) => ({ type: r.type, to: r.to }))
    marks.push({
      role: u.at.role as MarkRole,
      id: u.id,
      attributes: { id: u.id },
      relations,
      start,
      end: Math.min(start + u.at.length, original.length),
      kind: 'data',
      plain: '',
    })
  }
  marks.sort((a, b) => a.start - b.start || b.end - a.end)
  const unknown = found.others.map((o) => ({ ...o, start: toOriginal(o.start), end: toOriginal(o.end) }))
  return { original, marks, data, unknown }
}

/** The marks of an annotated document as found, spans in original offsets (for `review` to diff against the machine map). */
export function readMarks(annotated: string): Mark[] {
  return parseAnnotated(annotated).marks
}
