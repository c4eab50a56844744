import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkForest } from '../src/model/forest.js'
import { analyze } from '../src/pipeline.js'
import { applyAction, parseAction } from '../src/review/edit.js'
import { opEdPath } from './helpers.js'

/** The review app's actions as sidecar changes (src/review/edit.ts). */
const source = readFileSync(opEdPath, 'utf8')
const machine = analyze(source, { path: 'corpus/op-ed.md' })
const ctx = { machine, source, sidecar: null, sourceName: 'op-ed.md', by: 'R', at: '2026-01-01T00:00:00Z' }
const conclusion = machine.units.find((u) => u.role === 'conclusion')!
const premise = machine.units.find((u) => u.role === 'premise' && machine.relations.some((r) => r.from === u.id))!
const claim = machine.units.find((u) => u.role === 'claim' && machine.relations.some((r) => r.from === u.id))!
const none = machine.units.find((u) => u.role === 'none')!

describe('review actions', () => {
  it('role: keeps the relation; none drops it; the map stays a forest', () => {
    const { sidecar, result } = applyAction({ op: 'role', id: premise.id, role: 'claim' }, ctx)
    expect(sidecar.corrections).toMatchObject([{ id: premise.id, role: 'claim', machine: { role: 'premise' }, by: 'R' }])
    expect(sidecar.corrections[0]!.relation).toMatchObject({ to: machine.relations.find((r) => r.from === premise.id)!.to })
    expect(checkForest(result.map.units, result.map.relations)).toEqual([])
    const gone = applyAction({ op: 'role', id: claim.id, role: 'none' }, ctx)
    expect(gone.sidecar.corrections[0]).toMatchObject({ role: 'none', relation: null })
  })

  it('link from a none unit makes it a premise; a second action on a unit replaces its entry', () => {
    const first = applyAction({ op: 'link', from: none.id, to: conclusion.id, type: 'attack' }, ctx)
    expect(first.sidecar.corrections).toMatchObject([{ id: none.id, role: 'premise', relation: { type: 'attack', to: conclusion.id } }])
    const second = applyAction({ op: 'unlink', from: none.id }, { ...ctx, sidecar: first.sidecar })
    expect(second.sidecar.corrections).toMatchObject([{ id: none.id, role: 'claim', relation: null }])
    expect(second.sidecar.corrections).toHaveLength(1)
  })

  it('refuses what the forest rules refuse, with the reason, and malformed actions', () => {
    expect(() => applyAction({ op: 'link', from: claim.id, to: claim.id, type: 'support' }, ctx)).toThrow(/itself/)
    expect(() => applyAction({ op: 'link', from: claim.id, to: none.id, type: 'support' }, ctx)).toThrow(/role none/)
    expect(() => parseAction({ op: 'role', id: 'x"><img>', role: 'claim' })).toThrow(/unit id/)
    expect(() => parseAction({ op: 'role', id: 'a-1', role: 'thesis' })).toThrow(/unknown role/)
    expect(() => parseAction({ op: 'link', from: 'a-1', to: 'b-2', type: 'refutes' })).toThrow(/relation type/)
    expect(() => parseAction({ op: 'drop' })).toThrow(/unknown op/)
  })
})
