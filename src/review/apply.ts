/**
 * Applying a sidecar on top of the machine's map. A correction on an
 * unchanged sentence applies and marks the unit (and its relation)
 * `reviewed`; on a sentence reworded slightly it is carried over and
 * `flagged`; on a sentence that is gone it is orphaned (reported, never
 * applied elsewhere). A correction that cannot apply (unknown target, a cycle,
 * a forest rule) is reported and skipped; the rest still apply. Machine
 * decisions then yield to reviewed ones (see repair.ts). Pure.
 */
import { findCycle } from '../model/forest.js'
import type { ArgumentMap, Relation, RelationType, Role, Unit } from '../model/types.js'
import { LineIndex } from '../parse/index.js'
import { repairForest } from './repair.js'
import { resolveUnits } from './resolve.js'
import { type Correction, describeProblem, type EntryProblem, type Sidecar } from './sidecar.js'
import { splitAt } from './spans.js'

export interface ApplyOptions {
  /** The sidecar's path, named in messages. */
  path?: string
  /** Malformed entries found when parsing the sidecar, reported with the rest. */
  problems?: readonly EntryProblem[]
}

export interface ApplyResult {
  map: ArgumentMap
  /** Corrections applied as recorded (unchanged sentences). */
  applied: string[]
  /** Corrections carried to a reworded sentence: recorded id → current id. */
  flagged: Array<{ id: string; to: string; text: string }>
  /** Corrections whose sentence (or relation target) is gone. */
  orphaned: Array<{ id: string; text: string; reason: string }>
  /** Corrections that cannot apply, with the reason. */
  invalid: Array<{ id: string | null; reason: string }>
  /** One line per flagged, orphaned or invalid correction, naming the sidecar. */
  messages: string[]
  /** Each correction that applied (carried or not), with the id of the unit it decided. */
  decided: Array<{ entry: Correction; unit: string }>
}

interface Decision {
  entry: Correction
  unit: Unit
  carried: boolean
  relation: { type: RelationType; to: Unit; carried: boolean } | null | undefined
  problem: string | null
}

const excerpt = (t: string): string => {
  const s = t.replace(/\s+/g, ' ').trim()
  return JSON.stringify(s.length > 70 ? `${s.slice(0, 69)}…` : s)
}

export function applyCorrections(map: ArgumentMap, sidecar: Sidecar, source: string, options: ApplyOptions = {}): ApplyResult {
  const path = options.path ?? 'review file'
  const result: ApplyResult = { map, applied: [], flagged: [], orphaned: [], invalid: [], messages: [], decided: [] }
  for (const p of options.problems ?? []) {
    result.invalid.push({ id: p.id, reason: p.reason })
    result.messages.push(`${describeProblem(path, p)} (not applied)`)
  }
  let units: Unit[] = map.units.map((u) => ({ ...u, signals: [...u.signals] }))
  const removed = new Map<string, string>()
  const orphan = (e: Correction, reason: string): void => {
    result.orphaned.push({ id: e.id, text: e.text, reason })
    result.messages.push(`${path}: correction for ${e.id} is orphaned: ${reason}; it was not applied and stays in the file`)
  }
  const invalid = (e: Correction, reason: string): void => {
    result.invalid.push({ id: e.id, reason })
    result.messages.push(`${path}: correction for ${e.id} not applied: ${reason}`)
  }

  // 1. new spans: split the units they overlap
  const lines = new LineIndex(source)
  const spanUnit = new Map<Correction, Unit>()
  for (const e of sidecar.corrections.filter((c) => c.span)) {
    const at = source.indexOf(e.text)
    if (at === -1) {
      orphan(e, `its marked text ${excerpt(e.text)} is no longer in the document`)
      continue
    }
    const split = splitAt(source, units, at, at + e.text.length, e.id, lines)
    if (!split) {
      invalid(e, `its marked text ${excerpt(e.text)} is not in the document's prose`)
      continue
    }
    units = split.units
    for (const id of split.removed) removed.set(id, split.unit.id)
    spanUnit.set(e, split.unit)
  }

  // 2. follow every other correction (and every relation target) to its current unit
  const wanted: Array<{ id: string; text: string }> = []
  for (const e of sidecar.corrections) {
    if (!e.span) wanted.push({ id: e.id, text: e.text })
    if (e.relation) wanted.push({ id: e.relation.to, text: e.relation.toText })
  }
  const resolved = resolveUnits(wanted, units)
  const decisions: Decision[] = []
  for (const e of sidecar.corrections) {
    const unit = e.span ? spanUnit.get(e) : resolved.get(e.id)?.unit
    if (!unit) {
      if (!e.span) orphan(e, `its sentence ${excerpt(e.text)} is no longer in the document`)
      continue
    }
    const carried = !e.span && resolved.get(e.id)?.identical === false
    let relation: Decision['relation'] = e.relation === null ? null : undefined
    if (e.relation) {
      const target = resolved.get(e.relation.to)
      if (!target) {
        orphan(e, `the unit it ${e.relation.type === 'support' ? 'supports' : 'attacks'} (${e.relation.to}, ${excerpt(e.relation.toText)}) is no longer in the document`)
        continue
      }
      relation = { type: e.relation.type, to: target.unit, carried: !target.identical }
    }
    decisions.push({ entry: e, unit, carried, relation, problem: null })
  }
  const order = new Map(units.map((u, i) => [u.id, i]))
  decisions.sort((a, b) => order.get(a.unit.id)! - order.get(b.unit.id)!)

  // 3. validate against each other until stable (an invalid one changes what the others see)
  validate(decisions, units, map.relations)
  for (const d of decisions) if (d.problem) invalid(d.entry, d.problem)

  // 4. apply the valid ones
  const byId = new Map(units.map((u) => [u.id, u]))
  const reviewedRelations: Relation[] = []
  const decidedFrom = new Set<string>()
  for (const d of decisions) {
    if (d.problem) continue
    const u = byId.get(d.unit.id)!
    const changed = u.role !== d.entry.role
    u.role = d.entry.role
    u.confidence = 1
    u.signals = [changed ? 'review:corrected' : 'review:confirmed', ...u.signals.filter((s) => !s.startsWith('review:'))]
    u.reviewed = true
    if (d.carried) u.flagged = true
    result.decided.push({ entry: d.entry, unit: u.id })
    if (d.relation !== undefined) {
      decidedFrom.add(u.id)
      if (d.relation) {
        const r: Relation = { from: u.id, to: d.relation.to.id, type: d.relation.type, confidence: 1, signals: ['review:reviewer'], reviewed: true }
        if (d.carried || d.relation.carried) r.flagged = true
        reviewedRelations.push(r)
      }
    }
    if (d.carried) {
      result.flagged.push({ id: d.entry.id, to: u.id, text: u.text })
      result.messages.push(
        `${path}: correction for ${d.entry.id} carried over to the reworded sentence ${excerpt(u.text)} (flagged: check it and run \`argmap review accept\` again)`,
      )
    } else if (d.relation && d.relation.carried) {
      result.messages.push(`${path}: correction for ${d.entry.id}: its target was reworded; relation carried over to ${d.relation.to.id} (flagged)`)
      result.applied.push(d.entry.id)
    } else result.applied.push(d.entry.id)
  }
  // machine relations: none out of a unit a reviewer decided or a unit a new span replaced; into a replaced unit → its span
  const machine = map.relations
    .filter((r) => !decidedFrom.has(r.from) && !removed.has(r.from))
    .map((r) => ({ ...r, signals: [...r.signals], to: removed.get(r.to) ?? r.to }))
    .filter((r) => byId.has(r.from) && byId.has(r.to) && r.from !== r.to)
  const relations = repairForest(units, [...machine, ...reviewedRelations])
  result.map = { ...map, units, relations: sortRelations(relations, order) }
  return result
}

function sortRelations(relations: Relation[], order: ReadonlyMap<string, number>): Relation[] {
  return relations
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (order.get(a.r.from) ?? 0) - (order.get(b.r.from) ?? 0) || a.i - b.i)
    .map(({ r }) => r)
}

/** Mark decisions that cannot apply; loops because dropping one can break another. */
function validate(decisions: Decision[], units: readonly Unit[], machineRelations: readonly Relation[]): void {
  const machineRole = new Map(units.map((u) => [u.id, u.role]))
  const machineOut = new Map(machineRelations.map((r) => [r.from, r]))
  const seenUnit = new Set<string>()
  for (const d of decisions) {
    if (seenUnit.has(d.unit.id)) d.problem = `another correction in the file already decides ${d.unit.id}`
    seenUnit.add(d.unit.id)
  }
  for (let round = 0; round < decisions.length + 1; round++) {
    const live = decisions.filter((d) => !d.problem)
    const role = new Map<string, Role>(machineRole)
    for (const d of live) role.set(d.unit.id, d.entry.role)
    let changed = false
    const fail = (d: Decision, reason: string): void => {
      d.problem = reason
      changed = true
    }
    let conclusion: Decision | null = null
    for (const d of live) {
      const r = d.entry.role
      if (r === 'conclusion') {
        if (conclusion) fail(d, `it would make a second conclusion (${conclusion.unit.id} is already the reviewed conclusion)`)
        else conclusion = d
      }
      if (d.problem) continue
      const rel = d.relation
      if (rel) {
        if (rel.to.id === d.unit.id) fail(d, 'a unit cannot support or attack itself')
        else if (r === 'none' || r === 'conclusion') fail(d, `a ${r === 'none' ? '`none` unit' : 'conclusion'} cannot ${rel.type} another unit (forest rule)`)
        else if (role.get(rel.to.id) === 'none') fail(d, `its target ${rel.to.id} is not argumentative (role none)`)
      } else if (r === 'premise' && (rel === null || !machineOut.has(d.unit.id))) {
        fail(d, 'a premise must support or attack another unit (forest rule); give it supports= or attacks=')
      }
    }
    // cycles among reviewed relations: drop the last decision (in document order) on the cycle
    const parent = new Map<string, string>()
    for (const d of live) if (!d.problem && d.relation) parent.set(d.unit.id, d.relation.to.id)
    const cycle = findCycle(parent)
    if (cycle) {
      const on = new Set(cycle)
      const culprit = [...live].reverse().find((d) => !d.problem && d.relation && on.has(d.unit.id))
      if (culprit) fail(culprit, `it would create a cycle (${cycle.join(' -> ')})`)
    }
    if (!changed) return
  }
}
