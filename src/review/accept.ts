/**
 * `review accept`: a reviewer's edits to an annotated file, as sidecar
 * corrections. The baseline is what `argmap run` would write for the same
 * text: a fresh `analyze()` of the stripped text with the existing sidecar
 * applied. Every unit whose role or outgoing relation in the annotated file
 * differs from the baseline gets a correction (units matched by exact span);
 * existing corrections the reviewer left alone stay as they are (re-keyed
 * when they had been carried to a reworded sentence: accepting confirms
 * them), and orphaned or invalid ones are kept untouched. So accepting a
 * file that a run just wrote records nothing new.
 *
 * The file's trailer records what was generated (relations, and each unit's
 * confidence and signals). A relation counts as the reviewer's only when the
 * marks differ from the trailer; a role, only when the trailer's record of
 * the unit matches the baseline (otherwise the file was written by another
 * version of the machine, and the difference may be the machine's: it is
 * reported, not recorded). Pure.
 */
import type { ArgumentMap, Relation, RelationType, Unit } from '../model/types.js'
import { analyze } from '../pipeline.js'
import { parseAnnotated } from '../read/marks.js'
import { readAnnotated } from '../read/read.js'
import { applyCorrections } from './apply.js'
import { type Correction, type CorrectionRelation, emptySidecar, type Sidecar } from './sidecar.js'

export interface AcceptOptions {
  /** The current sidecar, if any. */
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
  /** Existing entries removed (a new mark the reviewer took out again, or replaced by a new entry). */
  dropped: Correction[]
  /** Existing entries that did not apply (orphaned or invalid), kept untouched. */
  orphaned: Correction[]
  warnings: string[]
  /** The machine's map of the stripped text, and the map the annotated file describes. */
  machine: ArgumentMap
  edited: ArgumentMap
}

type Rel = { type: RelationType; to: string } | null

function sameRel(a: Rel | undefined, b: Rel | undefined): boolean {
  if (!a || !b) return !a && !b
  return a.type === b.type && a.to === b.to
}

function outgoing(relations: readonly Relation[]): Map<string, Relation> {
  const m = new Map<string, Relation>()
  for (const r of relations) if (!m.has(r.from)) m.set(r.from, r)
  return m
}

const spanKey = (u: Unit): string => `${u.start.offset}:${u.end.offset}`

export function acceptCorrections(annotated: string, options: AcceptOptions = {}): AcceptResult {
  const edited = readAnnotated(annotated)
  const { original, data } = parseAnnotated(annotated)
  const machine = analyze(original, { path: edited.source.path })
  const existing = options.existing ?? null
  const applied = existing ? applyCorrections(machine, existing, original) : null
  const baseline = applied?.map ?? machine
  const warnings: string[] = []

  const baseBySpan = new Map(baseline.units.map((u) => [spanKey(u), u]))
  const machineBySpan = new Map(machine.units.map((u) => [spanKey(u), u]))
  const baseOut = outgoing(baseline.relations)
  const baseById = new Map(baseline.units.map((u) => [u.id, u]))
  const machineOut = outgoing(machine.relations)
  const priorFor = new Map((applied?.decided ?? []).map((d) => [d.unit, d.entry]))
  const editedById = new Map(edited.units.map((u) => [u.id, u]))
  /** Edited unit id → the baseline (or machine) unit with the same span. */
  const same = new Map<string, Unit>()
  for (const u of edited.units) {
    const b = baseBySpan.get(spanKey(u)) ?? machineBySpan.get(spanKey(u))
    if (b) same.set(u.id, b)
  }
  const idOf = (editedId: string): string => same.get(editedId)?.id ?? editedId

  const counts = new Map<string, number>()
  for (const r of edited.relations) counts.set(r.from, (counts.get(r.from) ?? 0) + 1)
  for (const [id, n] of counts) {
    if (n > 1) warnings.push(`${id} has ${n} outgoing relations; a unit supports or attacks at most one: keeping the first`)
  }
  const editedOut = outgoing(edited.relations)
  const generatedOut = new Map<string, Rel>()
  for (const r of data?.relations ?? []) if (!generatedOut.has(r.from)) generatedOut.set(r.from, { type: r.type, to: r.to })
  const generatedUnit = new Map((data?.units ?? []).map((u) => [u.id, u]))
  /** The file was generated from another machine decision for this unit than the baseline's. */
  const drifted = (b: Unit): boolean => {
    if (!data) return false
    const g = generatedUnit.get(b.id)
    return !g || g.confidence !== b.confidence || g.signals.join(' ') !== b.signals.join(' ')
  }
  const skipped: string[] = []

  const entries: Correction[] = []
  const recorded: Correction[] = []
  const kept = new Set<Correction>()
  const record = (c: Correction): void => {
    if (options.by !== undefined) c.by = options.by
    if (options.at !== undefined) c.at = options.at
    entries.push(c)
    recorded.push(c)
  }
  const machineSide = (u: Unit | undefined): Correction['machine'] => {
    if (!u) return null
    const r = machineOut.get(u.id)
    return { role: u.role, relation: r ? { type: r.type, to: r.to } : null }
  }

  for (const u of edited.units) {
    const er = editedOut.get(u.id)
    let rel: CorrectionRelation | null = null
    let relKnown = true
    if (er) {
      const target = editedById.get(er.to)
      if (target) rel = { type: er.type, to: idOf(er.to), toText: target.text }
      else {
        relKnown = false
        warnings.push(`${u.id} ${er.type === 'support' ? 'supports' : 'attacks'} ${er.to}, which is not a unit of this document: relation ignored`)
      }
    }
    const b = same.get(u.id)
    if (!b) {
      if (u.role === 'none') continue
      const prior = priorFor.get(u.id)
      const c: Correction = { id: u.id, text: u.text, span: true, role: u.role, relation: rel, machine: null }
      if (prior && prior.span && prior.text === u.text && prior.role === c.role && sameRel(prior.relation, rel)) {
        kept.add(prior)
        entries.push(prior)
      } else record(c)
      continue
    }
    const br = baseOut.get(b.id)
    const baseRel: Rel = br ? { type: br.type, to: br.to } : null
    const prior = priorFor.get(b.id)
    const reviewerRel = !data || !sameRel(er ? { type: er.type, to: er.to } : null, generatedOut.get(u.id) ?? null)
    const relDiffers = relKnown && reviewerRel && !sameRel(rel, baseRel)
    let role = u.role
    if (role !== b.role && drifted(b)) {
      skipped.push(`${b.id} (${role} here, ${b.role} now)`)
      role = b.role
    }
    if (role === b.role && !relDiffers) {
      if (!prior) continue
      kept.add(prior)
      // Carried to a reworded sentence earlier, or its relation's target was: accepting confirms it under the
      // current ids and texts of both (a relation left under the target's old id would compete with the
      // target's own re-keyed entry for one unit, and lose: orphaned on the next run).
      const target = prior.relation && baseRel && baseRel.type === prior.relation.type ? baseById.get(baseRel.to) : undefined
      const relation = prior.relation && target ? { type: prior.relation.type, to: target.id, toText: target.text } : prior.relation
      const stale =
        prior.id !== b.id || prior.text !== b.text || (prior.relation && relation && (prior.relation.to !== relation.to || prior.relation.toText !== relation.toText))
      if (!stale) entries.push(prior)
      else {
        const c: Correction = { ...prior, id: b.id, text: b.text, machine: machineSide(machineBySpan.get(spanKey(u))) }
        if (relation !== undefined) c.relation = relation
        record(c)
      }
      continue
    }
    const c: Correction = { id: b.id, text: b.text, role, machine: machineSide(machineBySpan.get(spanKey(u))) }
    if (b.signals.includes('review:remainder')) c.span = true
    // an entry holds the unit's whole decision: its relation too, as the reviewer left it
    if (relDiffers) c.relation = rel
    else if (role === 'none' || role === 'conclusion') c.relation = null
    else if (baseRel) c.relation = { ...baseRel, toText: baseById.get(baseRel.to)?.text ?? '' }
    else c.relation = null
    if (prior) kept.add(prior)
    record(c)
  }
  if (skipped.length) {
    warnings.push(
      `the file was written from another machine map than argmap makes now (an older argmap, or before the last accept); ` +
        `these role differences may be the machine's, not yours, and were not recorded: ${skipped.join('; ')}. ` +
        'Re-run `argmap run` and make those edits again in the fresh file',
    )
  }
  const decidedEntries = new Set((applied?.decided ?? []).map((d) => d.entry))
  const orphaned = existing ? existing.corrections.filter((c) => !decidedEntries.has(c)) : []
  const dropped = existing ? existing.corrections.filter((c) => decidedEntries.has(c) && !entries.includes(c)) : []
  if (orphaned.length) {
    warnings.push(
      `kept ${orphaned.length} correction${orphaned.length === 1 ? '' : 's'} that did not apply (orphaned or invalid): ${orphaned.map((c) => c.id).join(', ')}`,
    )
  }
  const sidecar: Sidecar = { ...(existing ?? emptySidecar(options.source ?? '')), corrections: [...entries, ...orphaned] }
  if (options.source) sidecar.source = options.source
  return { sidecar, recorded, dropped, orphaned, warnings, machine, edited }
}
