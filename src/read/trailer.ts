/**
 * Find and read the generated trailer of an annotated document (written by
 * src/emit/trailer.ts): where the original text ends, and the data block.
 */
import type { RelationType } from '../model/types.js'
import { DATA_OPEN, TRAILER_OPEN, decodeField } from '../syntax/annotation.js'
import { LineIndex } from '../parse/index.js'
import { checkId, ID_GRAMMAR } from './ids.js'

export interface DataFlags {
  reviewed?: boolean
  flagged?: boolean
}

export interface UnitData extends DataFlags {
  id: string
  confidence: number
  signals: string[]
  /** Set for a unit whose mark could not be placed in the text. */
  at?: { role: string; start: number; length: number }
}

export interface RelationData extends DataFlags {
  from: string
  type: RelationType
  to: string
  confidence: number
  signals: string[]
}

export interface TrailerData {
  path: string | null
  units: UnitData[]
  relations: RelationData[]
}

export interface Split {
  /** The annotated body: the original with marks, separator removed. */
  body: string
  /** Whether a trailer was found. */
  found: boolean
  data: TrailerData | null
}

const OPENER = /^<!-- argmap:begin final-newline=(yes|no)\b/
const EOL = /\r\n|\n|\r/

/** Split an annotated document into its marked body and its trailer. */
export function splitTrailer(annotated: string): Split {
  let at = annotated.lastIndexOf(TRAILER_OPEN)
  while (at > 0 && annotated[at - 1] !== '\n' && annotated[at - 1] !== '\r') at = annotated.lastIndexOf(TRAILER_OPEN, at - 1)
  const opener = at === -1 ? null : OPENER.exec(annotated.slice(at, at + 80))
  if (at === -1 || !opener) return { body: annotated, found: false, data: null }
  const rest = annotated.slice(at)
  const eol = EOL.exec(rest)?.[0] ?? '\n'
  let body = annotated.slice(0, at)
  const sep = body === '' ? '' : opener[1] === 'yes' ? eol : eol + eol
  if (body.endsWith(sep)) body = body.slice(0, body.length - sep.length)
  else if (body.endsWith(eol)) body = body.slice(0, body.length - eol.length)
  return { body, found: true, data: readData(rest, annotated, at) }
}

function flag(field: string, into: DataFlags): boolean {
  const m = /^!(reviewed|flagged)(?:=(true|false))?$/.exec(field)
  if (!m) return false
  into[m[1] as 'reviewed' | 'flagged'] = m[2] !== 'false'
  return true
}

/** `trailer` starts at offset `at` of `annotated`; ids in the data block are checked with their place there. */
function readData(trailer: string, annotated: string, at: number): TrailerData | null {
  // The data block is the trailer's last part and starts a line; the outline
  // before it quotes unit text, which may itself hold "<!-- argmap:data".
  let start = trailer.lastIndexOf(DATA_OPEN)
  while (start > 0 && trailer[start - 1] !== '\n' && trailer[start - 1] !== '\r') start = trailer.lastIndexOf(DATA_OPEN, start - 1)
  if (start === -1) return null
  const end = trailer.indexOf('-->', start)
  const lines = trailer.slice(start + DATA_OPEN.length, end === -1 ? undefined : end).split(EOL)
  const data: TrailerData = { path: null, units: [], relations: [] }
  let section: 'head' | 'units' | 'relations' = 'head'
  // Where each line of the block starts in `annotated` (for the place of a bad id).
  let offset = at + start + DATA_OPEN.length
  let lineIndex: LineIndex | undefined
  const check = (id: string, where: string, lineStart: number): void => {
    if (ID_GRAMMAR.test(id)) return
    lineIndex ??= new LineIndex(annotated)
    checkId(id, where, annotated, lineStart, lineIndex)
  }
  for (const line of lines) {
    const lineStart = offset + line.length - line.trimStart().length
    offset += line.length
    const eol = EOL.exec(annotated.slice(offset, offset + 2))
    if (eol && eol.index === 0) offset += eol[0].length
    const text = line.trim()
    if (!text) continue
    if (text.startsWith('units:')) section = 'units'
    else if (text.startsWith('relations:')) section = 'relations'
    else if (section === 'head') {
      const m = /^path:\s*(".*")$/.exec(text)
      if (m) {
        try {
          data.path = JSON.parse(m[1]!) as string
        } catch {
          /* a hand-broken path line: ignore it */
        }
      }
    } else if (section === 'units') {
      const [id, confidence, ...rest] = text.split(/\s+/)
      const unit: UnitData = { id: decodeField(id!), confidence: Number(confidence), signals: [] }
      check(unit.id, 'the data block', lineStart)
      for (const f of rest) {
        const at = /^!at=([a-z]+):(\d+)\+(\d+)$/.exec(f)
        if (at) unit.at = { role: at[1]!, start: Number(at[2]), length: Number(at[3]) }
        else if (!flag(f, unit)) unit.signals.push(decodeField(f))
      }
      if (Number.isFinite(unit.confidence)) data.units.push(unit)
    } else {
      const [from, type, to, confidence, ...rest] = text.split(/\s+/)
      if (type !== 'support' && type !== 'attack' && type !== 'restates') continue
      const rel: RelationData = { from: decodeField(from!), type, to: decodeField(to ?? ''), confidence: Number(confidence), signals: [] }
      check(rel.from, 'the data block', lineStart)
      check(rel.to, 'the data block', lineStart)
      for (const f of rest) if (!flag(f, rel)) rel.signals.push(decodeField(f))
      if (Number.isFinite(rel.confidence)) data.relations.push(rel)
    }
  }
  return data
}
