import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkForest } from '../src/model/forest.js'
import { analyze } from '../src/pipeline.js'
import { applyCorrections } from '../src/review/apply.js'
import { type Correction, parseSidecar, SidecarError, type Sidecar } from '../src/review/sidecar.js'
import { opEdPath } from './helpers.js'

const source = readFileSync(opEdPath, 'utf8')
const machine = analyze(source, { path: 'corpus/china-north-korea.md' })
const PATH = 'corpus/china-north-korea.review.json'
const text = (id: string) => machine.units.find((u) => u.id === id)!.text
const STANDS = 'china-stands-to-lose-in-e8f7d5'
const EVIDENCE = 'this-is-evidenced-by-the-6afd5d'
const SINCE = 'since-2008-in-order-to-117040'
const GO_BACK = 'go-back-5886bf'
const CONCLUSION = 'anxious-to-assert-its-regional-9cffc3'

const entry = (id: string, role: Correction['role'], to?: string | null, type: 'support' | 'attack' = 'support'): Correction => ({
  id,
  text: text(id),
  role,
  ...(to === undefined ? {} : { relation: to === null ? null : { type, to, toText: machine.units.find((u) => u.id === to)?.text ?? 'A sentence that is not in this document at all.' } }),
  machine: null,
})
const sidecar = (...corrections: Correction[]): Sidecar => ({ schema: 'argmap-review/1', source: 'china-north-korea.md', corrections })
const apply = (s: Sidecar) => applyCorrections(machine, s, source, { path: PATH })

/** A valid correction that must still apply beside the broken one. */
const good = entry(STANDS, 'claim', CONCLUSION)

function appliedBeside(r: ReturnType<typeof apply>): void {
  expect(r.applied).toContain(STANDS)
  expect(r.map.units.find((u) => u.id === STANDS)).toMatchObject({ role: 'claim', reviewed: true })
  expect(checkForest(r.map.units, r.map.relations)).toEqual([])
}

describe('corrections that cannot apply are reported, the rest apply', () => {
  it('a relation to an id that is not in the document', () => {
    const r = apply(sidecar(good, entry(EVIDENCE, 'premise', 'no-such-unit-000000')))
    appliedBeside(r)
    expect(r.messages).toEqual([
      `${PATH}: correction for ${EVIDENCE} is orphaned: the unit it supports (no-such-unit-000000, "A sentence that is not in this document at all.") is no longer in the document; it was not applied and stays in the file`,
    ])
  })

  it('a relation that would close a cycle among reviewed relations', () => {
    const r = apply(sidecar(good, entry(SINCE, 'claim', EVIDENCE), entry(EVIDENCE, 'premise', SINCE)))
    appliedBeside(r)
    expect(r.invalid).toHaveLength(1)
    expect(r.messages).toHaveLength(1)
    expect(r.messages[0]).toMatch(new RegExp(`^${PATH}: correction for (${SINCE}|${EVIDENCE}) not applied: it would create a cycle \\(`))
  })

  it('forest rules: a none unit with a relation, a premise supporting nothing, a second conclusion, a none target, itself', () => {
    const r = apply(
      sidecar(
        good,
        entry(GO_BACK, 'none', CONCLUSION),
        entry(EVIDENCE, 'premise', null),
        entry(CONCLUSION, 'conclusion', null),
        entry(SINCE, 'conclusion', null),
        entry('the-first-being-the-ecf25b', 'premise', GO_BACK),
        entry('if-north-korea-agrees-to-92a936', 'premise', 'if-north-korea-agrees-to-92a936'),
      ),
    )
    appliedBeside(r)
    const why = Object.fromEntries(r.invalid.map((i) => [i.id, i.reason]))
    expect(why).toEqual({
      [GO_BACK]: 'a `none` unit cannot support another unit (forest rule)',
      [EVIDENCE]: 'a premise must support or attack another unit (forest rule); give it supports= or attacks=',
      [CONCLUSION]: `it would make a second conclusion (${SINCE} is already the reviewed conclusion)`,
      'the-first-being-the-ecf25b': `its target ${GO_BACK} is not argumentative (role none)`,
      'if-north-korea-agrees-to-92a936': 'a unit cannot support or attack itself',
    })
    // the first reviewed conclusion in document order wins
    const conclusions = r.map.units.filter((u) => u.role === 'conclusion')
    expect(conclusions.map((u) => u.id)).toEqual([SINCE])
    for (const m of r.messages) expect(m).toMatch(new RegExp(`^${PATH}: correction for \\S+ not applied: `))
  })

  it('malformed entries are reported with their position and reason; the others apply', () => {
    const raw = JSON.stringify({
      schema: 'argmap-review/1',
      source: 'x.md',
      corrections: [{ text: 'no id here', role: 'claim' }, good, { id: 'x', text: 'y', role: 'thesis' }, { id: 'z', text: 'w', role: 'claim', relation: { type: 'refutes', to: 'q', toText: '' } }],
    })
    const { sidecar: s, problems } = parseSidecar(raw, PATH)
    expect(problems.map((p) => [p.index, p.id, p.reason])).toEqual([
      [0, null, 'missing "id" (the unit id it corrects)'],
      [2, 'x', 'unknown role "thesis", expected one of conclusion, claim, premise, none'],
      [3, 'z', 'unknown relation type "refutes", expected one of support, attack, restates'],
    ])
    const r = applyCorrections(machine, s, source, { path: PATH, problems })
    appliedBeside(r)
    expect(r.messages).toEqual([
      `${PATH}: correction 1: missing "id" (the unit id it corrects) (not applied)`,
      `${PATH}: correction 3 (x): unknown role "thesis", expected one of conclusion, claim, premise, none (not applied)`,
      `${PATH}: correction 4 (z): unknown relation type "refutes", expected one of support, attack, restates (not applied)`,
    ])
  })
})

describe('broken sidecars give clear errors', () => {
  const error = (text: string): SidecarError => {
    try {
      parseSidecar(text, PATH)
    } catch (e) {
      if (e instanceof SidecarError) return e
      throw e
    }
    throw new Error('no error')
  }

  it('invalid JSON names the file, the place and says the file is left as is', () => {
    const e = error('{\n  "schema": "argmap-review/1",\n  "corrections": [ { "id": "a" ]\n}\n')
    expect(e.message).toMatch(new RegExp(`^${PATH}: invalid JSON at line 3, column \\d+ \\(.+\\); fix or remove the file, it was left as is$`))
  })

  it('an unknown version', () => {
    expect(error('{"schema":"argmap-review/9","corrections":[]}').message).toBe(
      `${PATH}: unknown review file version "argmap-review/9", expected "argmap-review/1" (a newer argmap may read it); the file was left as is`,
    )
    expect(error('[]').message).toBe(`${PATH}: expected a JSON object with "schema" and "corrections"; the file was left as is`)
    expect(error('{"schema":"argmap-review/1","corrections":{}}').message).toBe(`${PATH}: "corrections" must be an array; the file was left as is`)
  })
})
