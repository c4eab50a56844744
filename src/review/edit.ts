/**
 * One reviewer action on the corrected map (set a role, link, unlink, accept
 * the machine's reading) as a new sidecar: the unit's entry is replaced by
 * one holding its whole decision, like `review accept` records it. The new
 * sidecar is applied before it is returned, so an action the forest rules
 * refuse (a premise that supports nothing, a cycle, a second conclusion) is
 * an error with the reason and changes nothing. Pure; used by `review serve`.
 */
import { ARGUMENT_ROLES, type ArgumentMap, RELATION_TYPES, type RelationType, type Role, ROLES } from '../model/types.js'
import { type ApplyResult, applyCorrections } from './apply.js'
import { isUnitId } from './ids.js'
import { type Correction, emptySidecar, type Sidecar } from './sidecar.js'

export type ReviewAction =
  | { op: 'role'; id: string; role: Role }
  | { op: 'link'; from: string; to: string; type: RelationType }
  | { op: 'unlink'; from: string }
  | { op: 'accept'; id: string }

export class ActionError extends Error {}

/** Check an action that came over the wire; throws ActionError naming what is wrong. */
export function parseAction(raw: unknown): ReviewAction {
  const o = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  const id = (k: string): string => {
    if (!isUnitId(o[k])) throw new ActionError(`"${k}" must be a unit id`)
    return o[k] as string
  }
  switch (o.op) {
    case 'role':
      if (!(ROLES as readonly unknown[]).includes(o.role)) throw new ActionError(`unknown role ${JSON.stringify(o.role)}, expected one of ${ROLES.join(', ')}`)
      return { op: 'role', id: id('id'), role: o.role as Role }
    case 'link':
      if (!(RELATION_TYPES as readonly unknown[]).includes(o.type)) throw new ActionError(`unknown relation type ${JSON.stringify(o.type)}, expected one of ${RELATION_TYPES.join(', ')}`)
      return { op: 'link', from: id('from'), to: id('to'), type: o.type as RelationType }
    case 'unlink':
      return { op: 'unlink', from: id('from') }
    case 'accept':
      return { op: 'accept', id: id('id') }
    default:
      throw new ActionError(`unknown op ${JSON.stringify(o.op)}, expected role, link, unlink or accept`)
  }
}

export interface ActionContext {
  machine: ArgumentMap
  source: string
  sidecar: Sidecar | null
  /** The sidecar's file name for a new sidecar. */
  sourceName: string
  by?: string
  at?: string
}

/** The sidecar after `action`, and the map it gives. Throws ActionError when the action cannot apply. */
export function applyAction(action: ReviewAction, ctx: ActionContext): { sidecar: Sidecar; result: ApplyResult } {
  const base = ctx.sidecar ?? emptySidecar(ctx.sourceName)
  const current = applyCorrections(ctx.machine, base, ctx.source)
  const map = current.map
  const byId = new Map(map.units.map((u) => [u.id, u]))
  const unitId = action.op === 'link' || action.op === 'unlink' ? action.from : action.id
  const unit = byId.get(unitId)
  if (!unit) throw new ActionError(`no unit ${unitId} in this document`)
  const out = map.relations.find((r) => r.from === unit.id)
  const machineUnit = ctx.machine.units.find((u) => u.id === unit.id)
  const machineOut = ctx.machine.relations.find((r) => r.from === unit.id)
  const entry: Correction = {
    id: unit.id,
    text: unit.text,
    role: unit.role,
    relation: out ? { type: out.type, to: out.to, toText: byId.get(out.to)?.text ?? '' } : null,
    machine: machineUnit ? { role: machineUnit.role, relation: machineOut ? { type: machineOut.type, to: machineOut.to } : null } : null,
  }
  if (unit.signals.includes('review:remainder')) entry.span = true
  if (action.op === 'role') {
    entry.role = action.role
    if (action.role === 'none' || action.role === 'conclusion') entry.relation = null
  } else if (action.op === 'link') {
    const target = byId.get(action.to)
    if (!target) throw new ActionError(`no unit ${action.to} in this document`)
    if (target.id === unit.id) throw new ActionError('a unit cannot support or attack itself')
    if (!(ARGUMENT_ROLES as readonly Role[]).includes(target.role)) throw new ActionError('the target is not argumentative (role none): set its role first')
    if (entry.role === 'none' || entry.role === 'conclusion') entry.role = 'premise'
    entry.relation = { type: action.type, to: target.id, toText: target.text }
  } else if (action.op === 'unlink') {
    entry.relation = null
    if (entry.role === 'premise') entry.role = 'claim'
  }
  if (ctx.by !== undefined) entry.by = ctx.by
  if (ctx.at !== undefined) entry.at = ctx.at
  // the entries that decided this unit before give way to the new one
  const replaced = new Set(current.decided.filter((d) => d.unit === unit.id).map((d) => d.entry))
  const sidecar: Sidecar = { ...base, corrections: [...base.corrections.filter((c) => !replaced.has(c)), entry] }
  const result = applyCorrections(ctx.machine, sidecar, ctx.source)
  const bad = result.invalid.find((i) => i.id === entry.id)
  if (bad) throw new ActionError(bad.reason)
  return { sidecar, result }
}
