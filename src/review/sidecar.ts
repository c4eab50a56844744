/**
 * The review sidecar (`corpus/<name>.review.json`): a reviewer's corrections
 * to the machine's map of one source, keyed by stable unit ids, with each
 * unit's text so a correction can follow its sentence through edits. Plain,
 * diff-friendly JSON: fixed key order, entries sorted by id, one trailing
 * newline. Pure: reading and writing files is in ./files.ts.
 */
import { basename, dirname, extname, join } from 'node:path'
import { RELATION_TYPES, ROLES, type RelationType, type Role } from '../model/types.js'
import { isUnitId } from './ids.js'

export const SIDECAR_SCHEMA = 'argmap-review/1' as const

export interface CorrectionRelation {
  type: RelationType
  /** Id of the unit it supports or attacks. */
  to: string
  /** That unit's text, to follow it through edits. */
  toText: string
}

export interface Correction {
  /** Stable id of the corrected unit. */
  id: string
  /** The unit's source text when the correction was made. */
  text: string
  /** True for a span the machine did not have as a unit (a reviewer's new mark). */
  span?: true
  /** The reviewer's role for the unit. */
  role: Role
  /** The reviewer's outgoing relation (null: none). `accept` always writes it; an entry without it keeps the machine's. */
  relation?: CorrectionRelation | null
  /** What the machine said at the time (for readers of the file; never used to apply). */
  machine: { role: Role; relation: { type: RelationType; to: string } | null } | null
  /** Who made it (git user.name or $USER) and when (ISO 8601), when known. */
  by?: string
  at?: string
}

export interface Sidecar {
  schema: typeof SIDECAR_SCHEMA
  /** The source file's name, for people reading the file. */
  source: string
  corrections: Correction[]
}

/** A sidecar that cannot be used at all (unreadable, invalid JSON, unknown version). Its file is never touched. */
export class SidecarError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`)
    this.name = 'SidecarError'
  }
}

/** An entry that cannot apply; the rest of the sidecar still does. */
export interface EntryProblem {
  /** Index in `corrections` as written. */
  index: number
  id: string | null
  reason: string
}

/** The sidecar beside a source: `dir/name.md` → `dir/name.review.json`. */
export function sidecarPath(sourcePath: string): string {
  const base = basename(sourcePath)
  const ext = extname(base)
  return join(dirname(sourcePath), `${ext ? base.slice(0, -ext.length) : base}.review.json`)
}

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset)
  const line = before.split('\n').length
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v)
const isType = (v: unknown): v is RelationType => typeof v === 'string' && (RELATION_TYPES as readonly string[]).includes(v)

function entryProblem(e: unknown): string | null {
  if (!isObject(e)) return 'expected an object'
  if (typeof e.id !== 'string' || !e.id) return 'missing "id" (the unit id it corrects)'
  if (!isUnitId(e.id)) return `invalid "id" ${JSON.stringify(e.id)}: expected lower-case letters and digits in hyphen-separated runs`
  if (typeof e.text !== 'string' || !e.text.trim()) return 'missing "text" (the unit text it corrects)'
  if (!isRole(e.role)) return `unknown role ${JSON.stringify(e.role)}, expected one of ${ROLES.join(', ')}`
  if (e.relation !== undefined && e.relation !== null) {
    const r = e.relation
    if (!isObject(r)) return '"relation" must be an object or null'
    if (!isType(r.type)) return `unknown relation type ${JSON.stringify(r.type)}, expected one of ${RELATION_TYPES.join(', ')}`
    if (typeof r.to !== 'string' || !r.to) return 'relation is missing "to" (the target unit id)'
    if (!isUnitId(r.to)) return `invalid relation "to" ${JSON.stringify(r.to)}: expected lower-case letters and digits in hyphen-separated runs`
    if (typeof r.toText !== 'string') return 'relation is missing "toText" (the target unit text)'
  }
  if (e.span !== undefined && e.span !== true) return '"span" must be true when present'
  return null
}

/**
 * Parse a sidecar's text. Throws SidecarError for invalid JSON or an unknown
 * version; entries that are malformed are returned as problems, not thrown.
 */
export function parseSidecar(text: string, path: string): { sidecar: Sidecar; problems: EntryProblem[] } {
  let raw: unknown
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch (e) {
    const msg = (e as Error).message
    const at = /position (\d+)/.exec(msg)
    const where = at ? ` at ${lineColumn(text, Number(at[1]))}` : ''
    throw new SidecarError(path, `invalid JSON${where} (${msg}); fix or remove the file, it was left as is`)
  }
  if (!isObject(raw)) throw new SidecarError(path, 'expected a JSON object with "schema" and "corrections"; the file was left as is')
  if (raw.schema !== SIDECAR_SCHEMA) {
    throw new SidecarError(
      path,
      `unknown review file version ${JSON.stringify(raw.schema ?? null)}, expected "${SIDECAR_SCHEMA}" (a newer argmap may read it); the file was left as is`,
    )
  }
  if (!Array.isArray(raw.corrections)) throw new SidecarError(path, '"corrections" must be an array; the file was left as is')
  const problems: EntryProblem[] = []
  const corrections: Correction[] = []
  raw.corrections.forEach((e: unknown, index: number) => {
    const problem = entryProblem(e)
    if (problem) {
      problems.push({ index, id: isObject(e) && typeof e.id === 'string' && e.id ? e.id : null, reason: problem })
      return
    }
    corrections.push(e as unknown as Correction)
  })
  return { sidecar: { schema: SIDECAR_SCHEMA, source: typeof raw.source === 'string' ? raw.source : '', corrections }, problems }
}

function orderedEntry(c: Correction): Correction {
  const out = { id: c.id, text: c.text } as Correction
  if (c.span) out.span = true
  out.role = c.role
  if (c.relation !== undefined) out.relation = c.relation === null ? null : { type: c.relation.type, to: c.relation.to, toText: c.relation.toText }
  out.machine = c.machine === null ? null : { role: c.machine.role, relation: c.machine.relation ? { type: c.machine.relation.type, to: c.machine.relation.to } : null }
  if (c.by !== undefined) out.by = c.by
  if (c.at !== undefined) out.at = c.at
  return out
}

const byId = (a: Correction, b: Correction): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0)

/** Deterministic text: fixed key order, entries sorted by id, 2-space indent, trailing newline. */
export function serializeSidecar(sidecar: Sidecar): string {
  const out = { schema: SIDECAR_SCHEMA, source: sidecar.source, corrections: [...sidecar.corrections].sort(byId).map(orderedEntry) }
  return `${JSON.stringify(out, null, 2)}\n`
}

export function emptySidecar(source: string): Sidecar {
  return { schema: SIDECAR_SCHEMA, source, corrections: [] }
}

/** "sidecar: entry 3 (id): reason" */
export function describeProblem(path: string, p: EntryProblem): string {
  return `${path}: correction ${p.index + 1}${p.id ? ` (${p.id})` : ''}: ${p.reason}`
}
