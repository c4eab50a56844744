/**
 * Gold JSON-lines files: read and validate them, and turn each document into
 * markdown with an offset map back to the gold text.
 *
 * Implicit units (`implicit: true`, null offsets: a central claim the authors
 * left unstated) are kept as gold units without spans. No system can find them
 * in the text, so they count against every system alike: a missed unit for
 * role recall, a wrong central claim for that document, a missed relation for
 * each gold relation that touches them. Segmentation ignores them (they are not
 * text to segment).
 */
import { readFileSync } from 'node:fs'
import type { RelationType } from '../model/types.js'
import type { GoldDoc, GoldRelation, GoldRole, GoldUnit } from './types.js'

/** A gold file that is missing or malformed; the message names the file (and line). */
export class GoldError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GoldError'
  }
}

const GOLD_ROLES: ReadonlySet<string> = new Set<GoldRole>(['conclusion', 'claim', 'premise'])
const RELATION_TYPES: ReadonlySet<string> = new Set<RelationType>(['support', 'attack', 'restates'])

/** Read and validate a gold JSONL file. Throws GoldError naming the file. */
export function readGold(file: string): GoldDoc[] {
  let content: string
  try {
    content = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new GoldError(`Cannot read gold file ${file}: ${code === 'ENOENT' ? 'no such file' : String(code ?? error)}`)
  }
  return parseGold(content, file)
}

/** Parse gold JSONL text (one document a line, blank lines ignored). */
export function parseGold(content: string, file: string): GoldDoc[] {
  const docs: GoldDoc[] = []
  const seen = new Set<string>()
  const lines = content.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim()
    if (!line) continue
    const where = `${file}:${i + 1}`
    let raw: unknown
    try {
      raw = JSON.parse(line)
    } catch {
      throw new GoldError(`Invalid gold file ${where}: not a JSON object`)
    }
    const doc = toDoc(raw, where)
    if (seen.has(doc.id)) throw new GoldError(`Invalid gold file ${where}: duplicate document id ${doc.id}`)
    seen.add(doc.id)
    docs.push(doc)
  }
  if (docs.length === 0) throw new GoldError(`Invalid gold file ${file}: no documents`)
  return docs
}

type Obj = Record<string, unknown>

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function isRange(v: unknown, length: number): v is [number, number] {
  return (
    Array.isArray(v) &&
    v.length === 2 &&
    Number.isInteger(v[0]) &&
    Number.isInteger(v[1]) &&
    0 <= v[0] &&
    v[0] <= v[1] &&
    v[1] <= length
  )
}

function toDoc(raw: unknown, where: string): GoldDoc {
  const fail = (what: string): never => {
    throw new GoldError(`Invalid gold file ${where}: ${what}`)
  }
  if (!isObj(raw)) return fail('not a JSON object')
  const { id, text, paragraphs, units, relations, format, split, source } = raw
  if (format !== undefined && format !== 'markdown' && format !== 'text') return fail(`document ${String(id)} has "format" ${JSON.stringify(format)}, expected markdown or text`)
  if (typeof id !== 'string' || !id) return fail('missing document "id"')
  if (typeof text !== 'string') return fail(`document ${id} has no "text"`)
  if (!Array.isArray(paragraphs) || !paragraphs.every((p) => isRange(p, text.length))) {
    return fail(`document ${id} has invalid "paragraphs"`)
  }
  for (let k = 1; k < paragraphs.length; k++) {
    if ((paragraphs[k] as [number, number])[0] < (paragraphs[k - 1] as [number, number])[1]) {
      return fail(`document ${id} has "paragraphs" out of order or overlapping`)
    }
  }
  if (!Array.isArray(units) || !Array.isArray(relations)) return fail(`document ${id} lacks "units" or "relations"`)
  const goldUnits = units.map((u, k) => toUnit(u, text, `document ${id} unit ${k + 1}`, fail))
  const ids = new Set(goldUnits.map((u) => u.id))
  if (ids.size !== goldUnits.length) fail(`document ${id} has duplicate unit ids`)
  const goldRelations = relations.map((r, k): GoldRelation => {
    if (!isObj(r) || typeof r.from !== 'string' || typeof r.to !== 'string' || !RELATION_TYPES.has(String(r.type))) {
      return fail(`document ${id} relation ${k + 1} needs "from", "to" and a "type" of support|attack|restates`)
    }
    if (!ids.has(r.from) || !ids.has(r.to)) return fail(`document ${id} relation ${k + 1} names an unknown unit`)
    return { from: r.from, to: r.to, type: r.type as RelationType }
  })
  return {
    id,
    text,
    paragraphs: (paragraphs as Array<[number, number]>).map(([a, b]) => [a, b]),
    units: goldUnits,
    relations: goldRelations,
    ...(format === 'markdown' ? { format: 'markdown' as const } : {}),
    ...(typeof split === 'string' ? { split } : {}),
    ...(typeof source === 'string' ? { source } : {}),
    ...(Array.isArray(raw.cv_folds) && raw.cv_folds.every((x) => Number.isInteger(x)) ? { cvFolds: raw.cv_folds as number[] } : {}),
  }
}

function toUnit(u: unknown, text: string, what: string, fail: (w: string) => never): GoldUnit {
  if (!isObj(u) || typeof u.id !== 'string' || typeof u.text !== 'string') return fail(`${what} needs "id" and "text"`)
  if (!GOLD_ROLES.has(String(u.role))) return fail(`${what} has role ${JSON.stringify(u.role)}, expected conclusion|claim|premise`)
  const role = u.role as GoldRole
  if (u.implicit === true) return { id: u.id, role, text: u.text, spans: [], implicit: true }
  const first: unknown = [u.start, u.end]
  if (!isRange(first, text.length)) return fail(`${what} has invalid offsets`)
  if (text.slice(first[0], first[1]) !== u.text) return fail(`${what}: text does not match its offsets`)
  let spans: Array<[number, number]> = [[first[0], first[1]]]
  if (u.spans !== undefined) {
    if (!Array.isArray(u.spans) || u.spans.length === 0 || !u.spans.every((s) => isRange(s, text.length))) {
      return fail(`${what} has invalid "spans"`)
    }
    spans = (u.spans as Array<[number, number]>).map(([a, b]) => [a, b])
  }
  return { id: u.id, role, text: u.text, spans, implicit: false }
}

/** Markdown for one gold document, and for every markdown offset the gold offset (-1 between paragraphs). */
export interface GoldMarkdown {
  markdown: string
  toGold: Int32Array
}

/** Characters escaped anywhere (they open inline constructs). */
const INLINE_SPECIAL = /[\\`*_[\]<&~|]/
/** Characters escaped at the start of a paragraph (they open block constructs). */
const BLOCK_START_SPECIAL = /[#>+=-]/
const ORDERED_START = /^\d{1,9}[.)]/
const WHITESPACE = /\s/

/**
 * Paragraphs (from `paragraphs`, in order, whitespace-trimmed; the whole text
 * when there are none) joined by blank
 * lines. Line breaks inside a paragraph become spaces and markdown syntax
 * characters are backslash-escaped, so the markdown reads as the same prose; a
 * backslash maps to the offset of the character it escapes.
 */
export function goldToMarkdown(doc: GoldDoc): GoldMarkdown {
  // A markdown gold document (argmap's open gold: offsets into the corpus file) is analysed as it is.
  if (doc.format === 'markdown') return { markdown: doc.text, toGold: Int32Array.from({ length: doc.text.length + 1 }, (_, i) => (i < doc.text.length ? i : -1)) }
  const out: string[] = []
  const map: number[] = []
  const paragraphs: Array<[number, number]> = doc.paragraphs.length ? doc.paragraphs : [[0, doc.text.length]]
  for (const [a0, b0] of paragraphs) {
    let a = a0
    let b = b0
    while (a < b && WHITESPACE.test(doc.text[a]!)) a++
    while (b > a && WHITESPACE.test(doc.text[b - 1]!)) b--
    if (a === b) continue
    if (out.length > 0) {
      out.push('\n', '\n')
      map.push(-1, -1)
    }
    const ordered = ORDERED_START.exec(doc.text.slice(a, Math.min(b, a + 11)))
    const orderedMark = ordered ? a + ordered[0].length - 1 : -1
    for (let i = a; i < b; i++) {
      let ch = doc.text[i]!
      if (ch === '\n' || ch === '\r' || ch === '\t') ch = ' '
      if (INLINE_SPECIAL.test(ch) || i === orderedMark || (i === a && BLOCK_START_SPECIAL.test(ch))) {
        out.push('\\')
        map.push(i)
      }
      out.push(ch)
      map.push(i)
    }
  }
  return { markdown: out.join('') + '\n', toGold: Int32Array.from([...map, -1]) }
}

/** Map a markdown range [start, end) to the gold range it covers, or null when it covers no gold text. */
export function mapRange(toGold: Int32Array, start: number, end: number): [number, number] | null {
  let s = Math.max(0, start)
  let e = Math.min(end, toGold.length)
  while (s < e && toGold[s]! < 0) s++
  while (e > s && toGold[e - 1]! < 0) e--
  if (s >= e) return null
  return [toGold[s]!, toGold[e - 1]! + 1]
}
