import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import { toJSON } from '../src/emit/json.js'
import { checkForest } from '../src/model/forest.js'
import type { ArgumentMap } from '../src/model/types.js'
import { analyze } from '../src/pipeline.js'
import { acceptCorrections } from '../src/review/accept.js'
import { applyCorrections } from '../src/review/apply.js'
import { parseSidecar, serializeSidecar, type Sidecar } from '../src/review/sidecar.js'
import { applyEdits, type Edit } from './fixtures/review/edit.js'
import { opEdPath, repoRoot } from './helpers.js'

const fixture = join(repoRoot, 'test/fixtures/review/op-ed')
const source = readFileSync(opEdPath, 'utf8')
const path = 'corpus/china-north-korea.md'
const edits = JSON.parse(readFileSync(join(fixture, 'edits.json'), 'utf8')) as Edit[]
const stamp = { by: 'Test Reviewer', at: '2026-01-02T03:04:05Z', source: 'china-north-korea.md' }

/** What `argmap run` does with a sidecar: the machine's map, corrections on top. */
function run(text: string, sidecar: Sidecar | null): ArgumentMap {
  const map = analyze(text, { path })
  return sidecar ? applyCorrections(map, sidecar, text, { path: 'corpus/china-north-korea.review.json' }).map : map
}

const machine = run(source, null)
const edited = applyEdits(annotate(source, machine), edits)
const accepted = acceptCorrections(edited, stamp)
const text = serializeSidecar(accepted.sidecar)
const sidecar = parseSidecar(text, 'x').sidecar
const entry = (id: string) => sidecar.corrections.find((c) => c.id === id)
const unit = (map: ArgumentMap, id: string) => map.units.find((u) => u.id === id)
const relFrom = (map: ArgumentMap, id: string) => map.relations.filter((r) => r.from === id)

describe('review accept on the op-ed', () => {
  it('matches the golden sidecar (reviewer fields; UPDATE=1 rewrites it)', () => {
    const golden = join(fixture, 'expected.review.json')
    // the machine's side is for readers and moves with the tagger: compare the reviewer's decisions
    const strip = (s: string) => JSON.stringify({ ...JSON.parse(s), corrections: JSON.parse(s).corrections.map((c: Record<string, unknown>) => ({ ...c, machine: undefined })) }, null, 2)
    if (process.env.UPDATE || !existsSync(golden)) writeFileSync(golden, text)
    expect(strip(text)).toBe(strip(readFileSync(golden, 'utf8')))
    expect(accepted.warnings).toEqual([])
  })

  it('records a role change, with who and when', () => {
    const c = entry('china-stands-to-lose-in-e8f7d5')!
    expect(c).toMatchObject({ role: 'premise', text: 'China stands to lose in both.', by: 'Test Reviewer', at: '2026-01-02T03:04:05Z' })
    expect(c.machine?.role).not.toBe('premise')
  })

  it('records a retargeted and retyped relation with the target text', () => {
    expect(entry('this-is-evidenced-by-the-6afd5d')?.relation).toEqual({
      type: 'attack',
      to: 'china-stands-to-lose-in-e8f7d5',
      toText: 'China stands to lose in both.',
    })
  })

  it('records a removed mark as role none without relation', () => {
    expect(entry('the-first-being-the-ecf25b')).toMatchObject({ role: 'none', relation: null })
    expect(entry('the-first-being-the-ecf25b')?.machine?.role).not.toBe('none')
  })

  it('records a new mark over part of a sentence as a span, and a marked none sentence as a role change', () => {
    const span = sidecar.corrections.find((c) => c.span)!
    expect(span).toMatchObject({ text: 'China has watched in hopeless horror', role: 'premise', machine: null })
    expect(span.relation?.to).toBe('anxious-to-assert-its-regional-9cffc3')
    expect(entry('in-order-to-understand-bd4b12')).toMatchObject({ role: 'claim', machine: { role: 'none', relation: null } })
  })

  it('records nothing else: one entry per edited unit', () => {
    expect(sidecar.corrections.map((c) => c.id).sort()).toEqual(
      ['china-has-watched-in-hopeless-0fa416', 'china-stands-to-lose-in-e8f7d5', 'in-order-to-understand-bd4b12', 'the-first-being-the-ecf25b', 'this-is-evidenced-by-the-6afd5d'].sort(),
    )
    expect(text).toBe(serializeSidecar(parseSidecar(text, 'x').sidecar))
  })

  it('a run applies every correction and marks it reviewed; the map stays a forest with exact offsets', () => {
    const map = run(source, sidecar)
    expect(checkForest(map.units, map.relations)).toEqual([])
    for (const u of map.units) expect(source.slice(u.start.offset, u.end.offset)).toBe(u.text)
    expect(unit(map, 'china-stands-to-lose-in-e8f7d5')).toMatchObject({ role: 'premise', reviewed: true })
    expect(relFrom(map, 'china-stands-to-lose-in-e8f7d5')).toMatchObject([{ to: 'anxious-to-assert-its-regional-9cffc3', type: 'support', reviewed: true }])
    expect(entry('china-stands-to-lose-in-e8f7d5')?.relation).toMatchObject({ type: 'support', to: 'anxious-to-assert-its-regional-9cffc3' })
    expect(relFrom(map, 'this-is-evidenced-by-the-6afd5d')).toMatchObject([{ to: 'china-stands-to-lose-in-e8f7d5', type: 'attack', reviewed: true }])
    expect(unit(map, 'the-first-being-the-ecf25b')).toMatchObject({ role: 'none', reviewed: true })
    expect(relFrom(map, 'the-first-being-the-ecf25b')).toEqual([])
    expect(map.relations.filter((r) => r.to === 'the-first-being-the-ecf25b')).toEqual([])
    const span = unit(map, 'china-has-watched-in-hopeless-0fa416')!
    expect(span).toMatchObject({ role: 'premise', reviewed: true, text: 'China has watched in hopeless horror' })
    expect(unit(map, 'in-order-to-understand-bd4b12')).toMatchObject({ role: 'claim', reviewed: true })
    expect(map.units.filter((u) => u.reviewed)).toHaveLength(5)
    expect(map.units.some((u) => u.flagged)).toBe(false)
  })

  it('accept → run → accept records the same corrections (nothing new, who/when kept)', () => {
    const again = acceptCorrections(annotate(source, run(source, sidecar)), { ...stamp, existing: sidecar, by: 'Someone Else', at: '2030-01-01T00:00:00Z' })
    expect(again.recorded).toEqual([])
    expect(serializeSidecar(again.sidecar)).toBe(text)
    // and a second run gives byte-identical output
    expect(toJSON(run(source, again.sidecar))).toBe(toJSON(run(source, sidecar)))
  })

  it('machine decisions never overwrite a reviewed one: a later edit of another unit keeps the earlier corrections', () => {
    const applied = run(source, sidecar)
    const more = applyEdits(annotate(source, applied), [{ kind: 'role', id: 'since-2008-in-order-to-117040', role: 'premise' }])
    const next = acceptCorrections(more, { ...stamp, existing: sidecar, at: '2026-02-01T00:00:00Z' })
    expect(next.recorded.map((c) => c.id)).toEqual(['since-2008-in-order-to-117040'])
    for (const c of sidecar.corrections) expect(next.sidecar.corrections).toContainEqual(c)
  })
})
