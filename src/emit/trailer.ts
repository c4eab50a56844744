/**
 * The generated section appended to annotated markdown: an opener comment
 * (what `strip` needs to give the original bytes back), the outline, and a
 * machine-readable block with every unit's confidence and signals and every
 * relation's, so reading the file back loses nothing.
 */
import type { ArgumentMap, Relation, Unit } from '../model/types.js'
import { ASCII_ENCODED, DATA_OPEN, TRAILER_OPEN, encodeField, quote } from '../syntax/annotation.js'
import { outlineLines } from './outline.js'

/** Where a unit whose mark could not be placed in the text is recorded instead. */
export interface Unplaced {
  role: string
  start: number
  length: number
}

const NO_FLAGS: readonly string[] = []

function flags(x: { reviewed?: boolean; flagged?: boolean }): readonly string[] {
  if (x.reviewed === undefined && x.flagged === undefined) return NO_FLAGS
  const out: string[] = []
  if (x.reviewed !== undefined) out.push(x.reviewed ? '!reviewed' : '!reviewed=false')
  if (x.flagged !== undefined) out.push(x.flagged ? '!flagged' : '!flagged=false')
  return out
}

/**
 * A line's fields joined by spaces. Joined from an array, a line is one flat
 * string; built by `+=` it was a chain of a dozen pieces that the final join
 * had to walk and copy piece by piece (the trailer has a line per unit and
 * per relation, most of annotate's time on large maps).
 */
function line(fields: string[], x: { reviewed?: boolean; flagged?: boolean }, extra: string, signals: readonly string[]): string {
  for (const f of flags(x)) fields.push(f)
  if (extra) fields.push(extra)
  for (const s of signals) fields.push(encodeField(s))
  return fields.join(' ')
}

function unitLine(u: Unit, unplaced: Unplaced | undefined): string {
  return line([encodeField(u.id), String(u.confidence)], u, at(unplaced), u.signals)
}

function relationLine(r: Relation): string {
  return line([encodeField(r.from), r.type, encodeField(r.to), String(r.confidence)], r, '', r.signals)
}

const at = (unplaced: Unplaced | undefined): string => (unplaced ? `!at=${unplaced.role}:${unplaced.start}+${unplaced.length}` : '')

/**
 * The data block's lines are written as bytes into this scratch buffer and
 * read back as one-byte strings of up to 64 kB. A unit's or relation's line
 * as a string was a dozen strings (each encoded signal, the joined line) made
 * to be copied once more into the block: for half a million signals (op-ed
 * ×1000), allocation and garbage collection were most of the trailer's time.
 * A line with a character outside ASCII (ids and signals rarely hold one),
 * or too long for the buffer, is made as a string by `unitLine` or
 * `relationLine` instead. Module state and plain functions, not an object per
 * trailer: optimised code that saw such an object is thrown away once the
 * object's hidden class is collected (after every document in a long run).
 */
const SCRATCH = Buffer.allocUnsafe(1 << 16)
/** Bytes of SCRATCH in use. */
let written = 0
const FLAG_ROOM = '!reviewed=false'.length + 1
const SPACE = 32

/** Write ASCII text as it is; false when it holds another character (`dataLine` then drops the line). */
function writeRaw(s: string): boolean {
  const b = SCRATCH
  let n = written
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 128) return false
    b[n++] = c
  }
  written = n
  return true
}

/** encodeField's table as bytes: for an ASCII character it encodes, the two hex digits of its `%XX` (0 where it keeps it). */
const HEX_HIGH = new Uint8Array(128)
const HEX_LOW = new Uint8Array(128)
ASCII_ENCODED.forEach((encoded, c) => {
  if (encoded === undefined) return
  if (!/^%[0-9A-F]{2}$/.test(encoded)) throw new Error(`trailer: unexpected encoding ${encoded}`)
  HEX_HIGH[c] = encoded.charCodeAt(1)
  HEX_LOW[c] = encoded.charCodeAt(2)
})

/** encodeField(s) for ASCII s, from encodeField's own table; false when s holds another character. */
function writeField(s: string): boolean {
  if (s === '') return writeRaw(encodeField(s))
  const b = SCRATCH
  let n = written
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 128) return false
    const high = HEX_HIGH[c]!
    if (high === 0) {
      b[n++] = c
      continue
    }
    b[n++] = 37 // %
    b[n++] = high
    b[n++] = HEX_LOW[c]!
  }
  written = n
  return true
}

/** Move SCRATCH's bytes to `pieces` as a string. */
function flush(pieces: string[]): void {
  if (written > 0) pieces.push(SCRATCH.toString('latin1', 0, written))
  written = 0
}

/**
 * `line(...)` and the line ending, written to SCRATCH: `fields` (encoded unless
 * `raw`), the flags, `extra`, the encoded signals. False (nothing written)
 * when the line is not ASCII or too long: the caller adds it as a string.
 */
function dataLine(pieces: string[], eol: string, fields: readonly string[], raw: readonly boolean[], x: { reviewed?: boolean; flagged?: boolean }, extra: string, signals: readonly string[]): boolean {
  // At most 3 bytes a character (`%XX`), and a space after each part.
  let room = eol.length + 2 * FLAG_ROOM + extra.length + 1
  for (const f of fields) room += 3 * f.length + 1
  for (const s of signals) room += 3 * s.length + 1
  if (room > SCRATCH.length) return false
  if (room > SCRATCH.length - written) flush(pieces)
  const start = written
  let ok = true
  for (let i = 0; ok && i < fields.length; i++) {
    if (i > 0) SCRATCH[written++] = SPACE
    ok = raw[i] ? writeRaw(fields[i]!) : writeField(fields[i]!)
  }
  for (const f of flags(x)) {
    SCRATCH[written++] = SPACE
    ok = ok && writeRaw(f)
  }
  if (extra) {
    SCRATCH[written++] = SPACE
    ok = ok && writeRaw(extra)
  }
  for (let i = 0; ok && i < signals.length; i++) {
    SCRATCH[written++] = SPACE
    ok = writeField(signals[i]!)
  }
  if (ok) return writeRaw(eol)
  written = start
  return false
}

/** Which of a unit's and a relation's leading fields are written as they are (not encoded). */
const UNIT_RAW = [false, true]
const RELATION_RAW = [false, true, false, true]

/**
 * The trailer text, starting with the opener line. `finalNewline` records
 * whether the original ended with a line ending, so `strip` can remove the
 * separator exactly; `eol` is the line ending used inside the trailer.
 */
export function trailer(map: ArgumentMap, finalNewline: boolean, eol: string, unplaced: ReadonlyMap<string, Unplaced>): string {
  const head = [
    `${TRAILER_OPEN} final-newline=${finalNewline ? 'yes' : 'no'} · generated by argmap: \`argmap strip\` removes the marks and everything from here on -->`,
    '## Argument map',
    '',
    '```text',
    ...outlineLines(map),
    '```',
    '',
    DATA_OPEN,
    `path: ${quote(map.source.path)}`,
  ]
  const pieces = ['units: id confidence [!flags] signals...' + eol]
  written = 0
  for (const u of map.units) {
    const where = unplaced.size ? unplaced.get(u.id) : undefined
    if (dataLine(pieces, eol, [u.id, String(u.confidence)], UNIT_RAW, u, at(where), u.signals)) continue
    flush(pieces)
    pieces.push(unitLine(u, where) + eol)
  }
  flush(pieces)
  pieces.push('relations: from type to confidence [!flags] signals...' + eol)
  for (const r of map.relations) {
    if (dataLine(pieces, eol, [r.from, r.type, r.to, String(r.confidence)], RELATION_RAW, r, '', r.signals)) continue
    flush(pieces)
    pieces.push(relationLine(r) + eol)
  }
  flush(pieces)
  pieces.push('-->' + eol)
  // Joined apart from the head (the opener's `·` and the outline's text make it two-byte): the data block, nearly
  // all of the trailer, is ASCII, and joined on its own is a one-byte string, half the bytes to copy.
  return head.join(eol) + eol + pieces.join('')
}
