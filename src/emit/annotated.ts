/**
 * Annotated markdown: the original text with each argumentative unit wrapped
 * in place as a remark-directive text directive,
 *
 *     :claim[China stands to lose in both.]{#china-stands-to-lose-in-1a2b3c supports=china-had-to-2b3c4d}
 *
 * followed by a generated trailer (src/emit/trailer.ts). Marks are inserted
 * at the units' offsets; the author's bytes are never re-serialised. Every
 * mark is verified by parsing the result (remark-parse + gfm + frontmatter +
 * directive): a unit whose label would not map back to exactly its span gets
 * a point mark before it instead, `:claim{#id len=29 supports=...}`, and one
 * where even that fails is recorded in the trailer. Author text that would
 * read as one of our marks is escaped with `<!--argmap-->`, which `strip`
 * removes. One parse per pass; a second pass only when something failed.
 */
import { type ArgumentMap, type Relation, RELATION_TYPES, type Unit } from '../model/types.js'
import type { Parsed } from '../parse/index.js'
import { scan } from '../syntax/scan.js'
import { ESCAPE, ESCAPES, LITERAL_MARK, RELATION_ATTRIBUTE } from '../syntax/annotation.js'
import { type Block, markReadsBack, replaceableBlocks, type Root, roots, Scope } from './scope.js'
import { trailer, type Unplaced } from './trailer.js'
import { lastAtOrBefore } from '../util/search.js'

type Mode = 'wrap' | 'point' | 'unplaced'

interface Insertion {
  at: number
  rank: number
  tie: number
  text: string
  /** Index of the unit the insertion belongs to, or -1 for an escape. */
  owner: number
  /** For escapes: the original offset key in the escape set. */
  escape?: number
  /** Annotated offset, filled in by `build`. */
  pos: number
}

interface Expected {
  unit: number
  start: number
  end: number
  label: { start: number; end: number } | null
  guard: number | null
}

const SHORTCUT = /^[^\t\n\r "#'.<=>`}]+$/
const UNQUOTED = /^[^\t\n\r "'<=>`}]+$/
const MAX_PASSES = 8

const value = (v: string): string => (UNQUOTED.test(v) ? v : `"${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`)

const NO_RELATIONS: readonly Relation[] = []

function attributes(u: Unit, outgoing: readonly Relation[], len: number | null): string {
  const id = SHORTCUT.test(u.id) ? `#${u.id}` : `id=${value(u.id)}`
  // Most marks carry an id only: one string, no array of parts to join.
  if (len === null && outgoing.length === 0) return `{${id}}`
  const parts = [id]
  if (len !== null) parts.push(`len=${len}`)
  if (outgoing.length === 0) return `{${parts.join(' ')}}`
  for (const type of RELATION_TYPES) {
    // The targets of this type, space-separated, gathered without a filtered array per type (a mark per unit).
    let targets = ''
    let count = 0
    for (const r of outgoing) {
      if (r.type !== type) continue
      targets = count++ === 0 ? r.to : `${targets} ${r.to}`
    }
    if (count) parts.push(`${RELATION_ATTRIBUTE[type]}=${value(targets)}`)
  }
  return `{${parts.join(' ')}}`
}

/** Offsets right after the `:` of author text that would parse as one of our marks, and inside literal escape tokens. */
function literalEscapes(source: string): Map<number, number> {
  const out = new Map<number, number>()
  for (const m of source.matchAll(LITERAL_MARK)) {
    if (m.index > 0 && source[m.index - 1] === ':') continue
    out.set(m.index + 1, 0)
  }
  for (const token of ESCAPES) {
    for (let i = source.indexOf(token); i !== -1; i = source.indexOf(token, i + 1)) out.set(i + 1, 0)
  }
  return out
}

/**
 * The escapes a document needs when nothing else is inserted: where its own
 * parse (with remark-directive) reads author text as one of our marks or as
 * an escape token. Text inside HTML, code or a comment reads as neither and
 * needs none; escaping it anyway can break the construct it sits in (an
 * escape's `-->` ends an author's unclosed comment).
 */
function parsedEscapes(source: string): Map<number, number> {
  const found = scan(source)
  const out = new Map<number, number>()
  for (const m of found.marks) out.set(m.start + 1, 0)
  for (const e of found.escapes) out.set(e.start + 1, 0)
  return out
}

/** Escapes by original offset → form (index into ESCAPES), and the form that last failed where one was dropped. */
interface EscapeState {
  live: Map<number, number>
  failed: Map<number, number>
  /** Set when a literal could not be escaped in any form. */
  exhausted: boolean
}

const EMPHASIS_MARK = /[*_`~]/

/**
 * Whether a unit's text opens or closes emphasis, strikethrough or code it
 * does not close or open itself (it starts or ends inside `*...*`): a label
 * around it would read back exactly but change how the author's text
 * renders, so such a unit gets a point mark from the start.
 */
function unbalanced(text: string): boolean {
  // Most units hold none of the four marks: no match arrays to count then.
  if (!EMPHASIS_MARK.test(text)) return false
  const count = (re: RegExp): number => text.match(re)?.length ?? 0
  return count(/\*/g) % 2 === 1 || count(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu) % 2 === 1 || count(/`/g) % 2 === 1 || count(/~~/g) % 2 === 1
}

/** The marked body, or null when no placement read back exactly within the pass budget. `modes` is updated in place. */
function place(
  source: string,
  args: readonly Unit[],
  outgoing: ReadonlyMap<string, Relation[]>,
  modes: Mode[],
  plain: Plain,
  literals: Map<number, number>,
): string | null {
  const escapes: EscapeState = { live: literals, failed: new Map(), exhausted: false }
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const ins: Insertion[] = []
    args.forEach((u, i) => {
      const mode = modes[i]!
      if (mode === 'unplaced') return
      const guard = u.start.offset > 0 && source[u.start.offset - 1] === ':' ? ESCAPE : ''
      const out = outgoing.get(u.id) ?? NO_RELATIONS
      if (mode === 'wrap') {
        ins.push({ at: u.start.offset, rank: 2, tie: -u.end.offset, text: `${guard}:${u.role}[`, owner: i, pos: 0 })
        ins.push({ at: u.end.offset, rank: 0, tie: -u.start.offset, text: `]${attributes(u, out, null)}`, owner: i, pos: 0 })
      } else {
        const text = `${guard}:${u.role}${attributes(u, out, u.end.offset - u.start.offset)}`
        ins.push({ at: u.start.offset, rank: 2, tie: -u.end.offset, text, owner: i, pos: 0 })
      }
    })
    for (const [e, form] of escapes.live) ins.push({ at: e, rank: 1, tie: 0, text: ESCAPES[form]!, owner: -1, escape: e, pos: 0 })
    ins.sort((a, b) => a.at - b.at || a.rank - b.rank || a.tie - b.tie)

    const parts: string[] = []
    let last = 0
    let shift = 0
    for (const x of ins) {
      parts.push(source.slice(last, x.at))
      x.pos = x.at + shift
      parts.push(x.text)
      shift += x.text.length
      last = x.at
    }
    parts.push(source.slice(last))
    const body = parts.join('')
    if (!verify(body, args, modes, ins, escapes, plain)) return body
    if (escapes.exhausted) return null
  }
  return null
}

/** Blocks the verifying parse may skip (src/emit/scope.ts), and which units carry only ids a mark holds as they are. */
interface Plain {
  roots: Root[]
  blocks: Block[]
  simple: Uint8Array
}

const SIMPLE_ID = /^[\p{L}\p{N}_-]+$/u
/** SIMPLE_ID for ASCII ids (nearly all): a plain class, no Unicode properties to look up per character. */
const SIMPLE_ASCII_ID = /^[A-Za-z0-9_-]+$/

const simpleId = (id: string): boolean => SIMPLE_ASCII_ID.test(id) || SIMPLE_ID.test(id)

/** Whether every relation target is a simple id (a plain loop: this runs for every unit). */
function simpleTargets(out: readonly Relation[] | undefined): boolean {
  if (out) for (const r of out) if (!simpleId(r.to)) return false
  return true
}

function plainUnits(source: string, parsed: Parsed | undefined, args: readonly Unit[], outgoing: ReadonlyMap<string, Relation[]>): Plain {
  const simple = new Uint8Array(args.length)
  const all = parsed ? roots(parsed) : null
  if (!parsed || !all) return { roots: [], blocks: [], simple }
  const blocks = replaceableBlocks(source, parsed)
  let b = 0
  args.forEach((u, i) => {
    while (b < blocks.length && blocks[b]!.end < u.start.offset) b++
    const block = blocks[b]
    if (!block || !simpleId(u.id) || !simpleTargets(outgoing.get(u.id))) return
    if (markReadsBack(source, block, u.start.offset, u.end.offset)) simple[i] = 1
  })
  return { roots: all, blocks, simple }
}

/**
 * The annotated document. `parsed`, when given, must be the parse of `source`
 * (src/parse): it lets the verifying parse skip plain-text paragraphs
 * (src/emit/scope.ts); the output is the same with or without it.
 */
export function annotate(source: string, map: ArgumentMap, parsed?: Parsed): string {
  const args = map.units.filter((u) => u.role !== 'none').sort((a, b) => a.start.offset - b.start.offset)
  for (const u of args) {
    if (source.slice(u.start.offset, u.end.offset) !== u.text) {
      throw new Error(`annotate: unit ${u.id} does not match the source at ${u.start.offset}-${u.end.offset}`)
    }
  }
  const outgoing = new Map<string, Relation[]>()
  for (const r of map.relations) {
    const list = outgoing.get(r.from)
    if (list) list.push(r)
    else outgoing.set(r.from, [r])
  }
  // First with every unit wrapped, falling back unit by unit; if marks keep
  // changing the document's structure under each other, with every unit
  // recorded in the trailer only (the text then changes by escapes alone,
  // and only where the document's own parse reads a mark or escape token).
  // Author text that reads as a mark or an escape token needs escapes whose reading depends on far context: verify all of it then.
  const literals = literalEscapes(source)
  const plain = plainUnits(source, literals.size ? undefined : parsed, args, outgoing)
  // Last, if escapes chosen literal by literal kept swallowing each other (one's `-->` closing an author's
  // unclosed `<!--` that another sits in), every escape in one form, each form in turn.
  const uniform = (escapes: Map<number, number>, form: number): Map<number, number> => new Map([...escapes.keys()].map((k) => [k, form]))
  const attempts: Array<{ initial: 'wrap' | 'unplaced'; escapes: () => Map<number, number> }> = [
    { initial: 'wrap', escapes: () => literals },
    { initial: 'unplaced', escapes: () => parsedEscapes(source) },
  ]
  if (literals.size) {
    const positions = new Map(literals)
    for (let form = 1; form < ESCAPES.length; form++) {
      attempts.push({ initial: 'wrap', escapes: () => uniform(positions, form) }, { initial: 'unplaced', escapes: () => uniform(parsedEscapes(source), form) })
    }
  }
  for (const { initial, escapes } of attempts) {
    const modes: Mode[] = args.map((u) => (initial === 'wrap' && unbalanced(u.text) ? 'point' : initial))
    const body = place(source, args, outgoing, modes, plain, escapes())
    if (body === null) continue
    const unplaced = new Map<string, Unplaced>()
    args.forEach((u, i) => {
      if (modes[i] === 'unplaced') unplaced.set(u.id, { role: u.role, start: u.start.offset, length: u.end.offset - u.start.offset })
    })
    const eol = /\r\n|\n|\r/.exec(source)?.[0] ?? '\n'
    const finalNewline = /[\r\n]$/.test(source)
    const sep = source === '' ? '' : finalNewline ? eol : eol + eol
    return body + sep + trailer(map, finalNewline, eol, unplaced)
  }
  throw new Error('annotate: could not place marks that read back exactly; please report this document')
}

/**
 * Parse the annotated body and compare what remark-directive sees with what
 * was inserted. Adjusts `modes` and `escapes` for the next pass; returns
 * whether anything failed.
 */
function verify(body: string, args: readonly Unit[], modes: Mode[], ins: readonly Insertion[], escapes: EscapeState, plain: Plain): boolean {
  const expected: Expected[] = []
  const expectedEscapes = new Map<number, Insertion | number>()
  const opens = new Map<number, Insertion>()
  // Wrap marks with simple ids in plain paragraphs read back as inserted: those paragraphs are not parsed.
  let scope = plain.blocks.length
    ? new Scope(body, plain.roots, plain.blocks, ins, (x) => x.owner !== -1 && plain.simple[x.owner] === 1 && modes[x.owner] === 'wrap' && !x.text.startsWith(ESCAPE))
    : null
  let found = scan(scope ? scope.text : body)
  if (scope && !scope.holds(found.blocks)) {
    // An insertion changed the block structure around a skipped block: verify the whole body.
    scope = null
    found = scan(body)
  }
  for (const x of ins) {
    if (scope?.skipped.has(x.owner)) continue
    if (x.owner === -1) {
      expectedEscapes.set(x.pos, x)
      continue
    }
    const guard = x.text.startsWith(ESCAPE) ? x.pos : null
    if (guard !== null) expectedEscapes.set(guard, x.owner)
    const start = x.pos + (guard === null ? 0 : ESCAPE.length)
    if (modes[x.owner] === 'point') {
      expected.push({ unit: x.owner, start, end: x.pos + x.text.length, label: null, guard })
    } else if (x.rank === 2) {
      opens.set(x.owner, x)
    } else {
      const open = opens.get(x.owner)!
      const openGuard = open.text.startsWith(ESCAPE) ? open.pos : null
      expected.push({
        unit: x.owner,
        start: open.pos + (openGuard === null ? 0 : ESCAPE.length),
        end: x.pos + x.text.length,
        label: { start: open.pos + open.text.length, end: x.pos },
        guard: openGuard,
      })
    }
  }

  if (scope) {
    const at = (p: number): number => scope.toBody(p)
    for (const m of found.marks) {
      m.start = at(m.start)
      m.end = at(m.end)
      if (m.label) m.label = { start: at(m.label.start), end: at(m.label.end) }
    }
    for (const e of found.escapes) {
      e.start = at(e.start)
      e.end = at(e.end)
    }
  }
  const marks = new Map(found.marks.map((m) => [m.start, m]))
  const foundEscapes = new Set(found.escapes.map((e) => e.start))
  const failedUnits = new Set<number>()
  let failed = false

  for (const e of expected) {
    const u = args[e.unit]!
    const m = marks.get(e.start)
    marks.delete(e.start)
    const ok =
      m !== undefined &&
      m.name === u.role &&
      m.attributes.id === u.id &&
      m.end === e.end &&
      (e.label === null ? m.label === null : m.label !== null && m.label.start === e.label.start && m.label.end === e.label.end) &&
      (e.guard === null || foundEscapes.has(e.guard))
    if (!ok) failedUnits.add(e.unit)
  }
  for (const [pos, x] of expectedEscapes) {
    if (foundEscapes.has(pos)) {
      foundEscapes.delete(pos)
    } else if (typeof x !== 'number') {
      // Not read as HTML: either not needed here (code, a URL...) or swallowed
      // by an unclosed construct; dropped, and retried in the next form if
      // the literal then reads as a mark.
      escapes.failed.set(x.escape!, escapes.live.get(x.escape!)!)
      escapes.live.delete(x.escape!)
      failed = true
    }
  }

  // Marks and escape tokens nobody inserted: author text we failed to escape,
  // or a piece of one of our marks read differently.
  const locate = (pos: number): { owner: number } | { original: number } => {
    const at = lastAtOrBefore(ins, pos, (x) => x.pos)
    if (at === -1) return { original: pos }
    const x = ins[at]!
    if (pos < x.pos + x.text.length) return { owner: x.owner }
    return { original: x.at + (pos - x.pos - x.text.length) }
  }
  const stray = (pos: number): void => {
    const where = locate(pos)
    failed = true
    if ('owner' in where) {
      if (where.owner >= 0) failedUnits.add(where.owner)
    } else {
      const at = where.original + 1
      const form = (escapes.failed.get(at) ?? -1) + 1
      if (form >= ESCAPES.length) escapes.exhausted = true
      else escapes.live.set(at, form)
    }
  }
  for (const pos of marks.keys()) stray(pos)
  for (const pos of foundEscapes) stray(pos)

  for (const i of failedUnits) {
    modes[i] = modes[i] === 'wrap' ? 'point' : 'unplaced'
    failed = true
  }
  return failed
}
