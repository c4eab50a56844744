/**
 * `review accept`: the differences between a reviewer's annotated file and
 * the machine's map of the same text, as sidecar corrections. The machine
 * map is a fresh `analyze()` of the stripped text; the reviewer's map is
 * `readAnnotated()` of the file. Units are matched by their exact span.
 * A unit gets an entry when the reviewer's role or relation differs from the
 * machine's, or when the existing sidecar already decided it (the reviewer's
 * decision stays pinned even when the machine comes to agree). Existing
 * entries whose sentence is gone (orphaned) are kept as they are. Pure.
 */
import type { ArgumentMap, Relation, RelationType, Unit } from '../model/types.js'
import { analyze } from '../pipeline.js'
import { readAnnotated } from '../read/read.js'
import { strip } from '../read/strip.js'
import { resolveUnits } from './resolve.js'
import { type Correction, type CorrectionRelation, emptySidecar, type Sidecar } from './sidecar.js'

export interface AcceptOptions {
  /** The current sidecar, if any: its decisions are kept (with their who/when) when unchanged. */
  existing?: Sidecar | null
  /** Who is accepting (git user.name or $USER), when known. */
  by?: string
  /** When, ISO 8601. */
  at?: string
  /** The source's file name, recorded in a new sidecar. */
  source?: string
}

export interface AcceptResult {
  sidecar: Sidecar
  /** Entries new or changed by this accept. */
  recorded: Correction[]
  /** Entries dropped because the annotated file now agrees with the machine and nothing had pinned them. */
  dropped: Correction[]
  /** Existing entries whose sentence is gone, kept untouched. */
  orphaned: Correction[]
  warnings: string[]
  machine: ArgumentMap
  edited: ArgumentMap
}

type Rel = { type: RelationType; to: string } | null

const sameRel = (a: Rel | undefined, b: Rel | undefined): boolean =>
  (a ?? null) === null ? (b ?? null) === null : b != null && a!.type === b.type && a!.to === b.to

function sameDecision(a: Correction, b: Correction): boolean {
  if (a.role !== b.role || Boolean(a.span) !== Boolean(b.span)) return false
  if ((a.relation === undefined) !== (b.relation === undefined)) return false
  return a.relation === undefined || sameRel(a.relation, b.relation)
}

const outgoing = (relations: readonly Relation[]): Map<string, Relation> => {
  const m = new Map<string, Relation>()
  for (const r of relations) if (!m.has(r.from)) m.set(r.from, r)
  return m
}

export function acceptCorrections(annotated: string, options: AcceptOptions = {}): AcceptResult {
  const edited = readAnnotated(annotated)
  const original = strip(annotated)
  const machine = analyze(original, { path: edited.source.path })
  const warnings: string[] = []
  const existing = options.existing ?? null

  const machineBySpan = new Map(machine.units.map((u) => [`${u.start.offset}:${u.end.offset}`, u]))
  const machineOut = outgoing(machine.relations)
  const editedById = new Map(edited.units.map((u) => [u.id, u]))
  /** Edited unit id → machine unit (same span). */
  const same = new Map<string, Unit>()
  for (const u of edited.units) {
    const m = machineBySpan.get(`${u.start.offset}:${u.end.offset}`)
    if (m) same.set(u.id, m)
  }
  const idOf = (editedId: string): string => same.get(editedId)?.id ?? editedId

  for (const u of edited.units) {
    const n = edited.relations.filter((r) => r.from === u.id).length
    if (n > 1) warnings.push(`${u.id} has ${n} outgoing relations; a unit supports or attacks at most one: keeping the first`)
  }
  const editedOut = outgoing(edited.relations)

  // existing entries: which current unit each belongs to (the same following-through as applying)
  const entryFor = new Map<string, Correction>()
  const orphaned: Correction[] = []
  if (existing) {
    const plain = existing.corrections.filter((c) => !c.span)
    const resolved = resolveUnits(plain.map((c) => ({ id: c.id, text: c.text })), machine.units)
    for (const c of plain) {
      const r = resolved.get(c.id)
      if (r) entryFor.set(r.unit.id, c)
      else orphaned.push(c)
    }
    for (const c of existing.corrections.filter((x) => x.span)) {
      const u = edited.units.find((x) => x.text === c.text && !same.has(x.id))
      if (u) entryFor.set(u.id, c)
      else if (!original.includes(c.text)) orphaned.push(c)
    }
  }

  const entries: Correction[] = []
  const recorded: Correction[] = []
  const used = new Set<Correction>()
  const stamp = (c: Correction, prior: Correction | undefined): Correction => {
    if (prior) used.add(prior)
    if (prior && prior.id === c.id && prior.text === c.text && sameDecision(prior, c)) return prior
    if (options.by !== undefined) c.by = options.by
    if (options.at !== undefined) c.at = options.at
    recorded.push(c)
    return c
  }
  for (const u of edited.units) {
    const er = editedOut.get(u.id)
    let rel: CorrectionRelation | null = null
    if (er) {
      const target = editedById.get(er.to)
      if (!target) warnings.push(`${u.id} ${er.type === 'support' ? 'supports' : 'attacks'} ${er.to}, which is not a unit of this document: relation ignored`)
      else rel = { type: er.type, to: idOf(er.to), toText: target.text }
    }
    const m = same.get(u.id)
    if (!m) {
      if (u.role === 'none') continue
      const c: Correction = { id: u.id, text: u.text, span: true, role: u.role, relation: rel, machine: null }
      entries.push(stamp(c, entryFor.get(u.id)))
      continue
    }
    const mr = machineOut.get(m.id)
    const mRel: Rel = mr ? { type: mr.type, to: mr.to } : null
    const prior = entryFor.get(m.id)
    const relDiffers = !sameRel(rel, mRel) && !(er && !rel)
    if (u.role === m.role && !relDiffers && !prior) continue
    const c: Correction = { id: m.id, text: m.text, role: u.role, machine: { role: m.role, relation: mRel } }
    if (relDiffers || prior?.relation !== undefined) c.relation = rel
    entries.push(stamp(c, prior))
  }
  const dropped = existing ? existing.corrections.filter((c) => !used.has(c) && !orphaned.includes(c)) : []
  if (orphaned.length) {
    warnings.push(`kept ${orphaned.length} orphaned correction${orphaned.length === 1 ? '' : 's'} whose sentence is gone: ${orphaned.map((c) => c.id).join(', ')}`)
  }
  const sidecar: Sidecar = {
    ...(existing ?? emptySidecar(options.source ?? '')),
    corrections: [...entries, ...orphaned],
  }
  if (options.source) sidecar.source = options.source
  return { sidecar, recorded, dropped, orphaned, warnings, machine, edited }
}
