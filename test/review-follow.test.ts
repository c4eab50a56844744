import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import { checkForest } from '../src/model/forest.js'
import type { ArgumentMap } from '../src/model/types.js'
import { analyze } from '../src/pipeline.js'
import { acceptCorrections } from '../src/review/accept.js'
import { applyCorrections } from '../src/review/apply.js'
import type { Sidecar } from '../src/review/sidecar.js'
import { opEdPath } from './helpers.js'

/** Corrections follow their sentence through edits of the source. */
const source = readFileSync(opEdPath, 'utf8')
const STANDS = 'China stands to lose in both.'
const EVIDENCE = 'This is evidenced by the establishment of the Belt and Road initiative and the Asian Investment Infrastructure Bank.'
const CONCLUSION_ID = 'anxious-to-assert-its-regional-9cffc3'
const sidecar: Sidecar = {
  schema: 'argmap-review/1',
  source: 'china-north-korea.md',
  corrections: [
    {
      id: 'china-stands-to-lose-in-e8f7d5',
      text: STANDS,
      role: 'premise',
      relation: { type: 'support', to: CONCLUSION_ID, toText: 'Anxious to assert its regional presence' },
      machine: { role: 'claim', relation: null },
    },
    {
      id: 'this-is-evidenced-by-the-6afd5d',
      text: EVIDENCE,
      role: 'premise',
      relation: { type: 'attack', to: 'china-stands-to-lose-in-e8f7d5', toText: STANDS },
      machine: null,
    },
  ],
}
const PATH = 'corpus/china-north-korea.review.json'
const apply = (text: string) => applyCorrections(analyze(text, { path: 'corpus/china-north-korea.md' }), sidecar, text, { path: PATH })
const byText = (map: ArgumentMap, t: string) => map.units.find((u) => u.text === t)!
const out = (map: ArgumentMap, id: string) => map.relations.find((r) => r.from === id)

function sound(text: string, map: ArgumentMap): void {
  expect(checkForest(map.units, map.relations)).toEqual([])
  for (const u of map.units) expect(text.slice(u.start.offset, u.end.offset)).toBe(u.text)
}

describe('corrections follow the text', () => {
  it('keep: an edit elsewhere leaves both corrections applied, reviewed, not flagged', () => {
    const text = source.replace('Go back', 'Back to the list of articles')
    const r = apply(text)
    sound(text, r.map)
    expect(r.applied.sort()).toEqual(['china-stands-to-lose-in-e8f7d5', 'this-is-evidenced-by-the-6afd5d'])
    expect(r.messages).toEqual([])
    expect(byText(r.map, STANDS)).toMatchObject({ role: 'premise', reviewed: true })
    expect(byText(r.map, STANDS).flagged).toBeUndefined()
    expect(out(r.map, 'this-is-evidenced-by-the-6afd5d')).toMatchObject({ type: 'attack', to: 'china-stands-to-lose-in-e8f7d5', reviewed: true })
  })

  it('move: the sentence moved to another paragraph keeps its correction (same id), unflagged', () => {
    const text = source.replace(` ${STANDS}`, '').replace('Go back\n', `Go back\n\n${STANDS}\n`)
    expect(text.indexOf(STANDS)).toBeLessThan(source.indexOf(STANDS))
    const r = apply(text)
    sound(text, r.map)
    const u = byText(r.map, STANDS)
    expect(u).toMatchObject({ id: 'china-stands-to-lose-in-e8f7d5', role: 'premise', reviewed: true, paragraph: 1 })
    expect(u.flagged).toBeUndefined()
    expect(out(r.map, u.id)).toMatchObject({ to: CONCLUSION_ID, type: 'support', reviewed: true })
  })

  it('reword: a slightly reworded sentence gets the correction carried over and flagged, with a message', () => {
    const reworded = 'This is shown by the establishment of the Belt and Road initiative and the Asian Investment Infrastructure Bank.'
    const text = source.replace(EVIDENCE, reworded)
    const r = apply(text)
    sound(text, r.map)
    const u = byText(r.map, reworded)
    expect(u.id).not.toBe('this-is-evidenced-by-the-6afd5d')
    expect(u).toMatchObject({ role: 'premise', reviewed: true, flagged: true })
    expect(out(r.map, u.id)).toMatchObject({ type: 'attack', to: 'china-stands-to-lose-in-e8f7d5', reviewed: true, flagged: true })
    expect(r.flagged).toEqual([{ id: 'this-is-evidenced-by-the-6afd5d', to: u.id, text: reworded }])
    expect(r.messages).toEqual([expect.stringMatching(/^corpus\/china-north-korea\.review\.json: correction for this-is-evidenced-by-the-6afd5d carried over to the reworded sentence "This is shown by/)])
  })

  it('reword, then accept: the carried correction is re-keyed to the new sentence and no longer flagged', () => {
    const reworded = 'This is shown by the establishment of the Belt and Road initiative and the Asian Investment Infrastructure Bank.'
    const text = source.replace(EVIDENCE, reworded)
    const accepted = acceptCorrections(annotate(text, apply(text).map), { existing: sidecar, by: 'R', at: '2026-03-01T00:00:00Z' })
    const entry = accepted.sidecar.corrections.find((c) => c.text === reworded)!
    expect(entry).toMatchObject({ role: 'premise', relation: { type: 'attack', to: 'china-stands-to-lose-in-e8f7d5' }, by: 'R' })
    expect(accepted.sidecar.corrections.some((c) => c.id === 'this-is-evidenced-by-the-6afd5d')).toBe(false)
    const again = applyCorrections(analyze(text, { path: 'x' }), accepted.sidecar, text)
    expect(again.flagged).toEqual([])
    expect(byText(again.map, reworded)).toMatchObject({ reviewed: true })
    expect(byText(again.map, reworded).flagged).toBeUndefined()
  })

  it('reword of a relation target: the relation follows it and is flagged', () => {
    const text = source.replace(STANDS, 'China stands to lose in both cases.')
    const r = apply(text)
    sound(text, r.map)
    const target = byText(r.map, 'China stands to lose in both cases.')
    expect(target).toMatchObject({ role: 'premise', flagged: true })
    expect(out(r.map, 'this-is-evidenced-by-the-6afd5d')).toMatchObject({ to: target.id, type: 'attack', flagged: true })
  })

  it('delete: the correction is orphaned, reported naming the sidecar and entry, and applied nowhere else', () => {
    const text = source.replace(` ${STANDS}`, '')
    const machine = analyze(text, { path: 'corpus/china-north-korea.md' })
    const r = apply(text)
    sound(text, r.map)
    expect(r.orphaned.map((o) => o.id)).toEqual(['china-stands-to-lose-in-e8f7d5', 'this-is-evidenced-by-the-6afd5d'])
    expect(r.messages).toContain(
      `${PATH}: correction for china-stands-to-lose-in-e8f7d5 is orphaned: its sentence "China stands to lose in both." is no longer in the document; it was not applied and stays in the file`,
    )
    // the correction whose relation pointed at the deleted sentence waits too, rather than guess a new target
    expect(r.messages).toContain(
      `${PATH}: correction for this-is-evidenced-by-the-6afd5d is orphaned: the unit it attacks (china-stands-to-lose-in-e8f7d5, "China stands to lose in both.") is no longer in the document; it was not applied and stays in the file`,
    )
    expect(r.map.units.filter((u) => u.reviewed)).toEqual([])
    expect(r.map.relations.filter((r) => r.reviewed)).toEqual([])
    expect(r.map).toEqual(machine)
  })
})

describe('issue 16 #1: a flagged carry-over, accepted again', () => {
  it('re-keys relations that point at the reworded sentence, so the next run orphans nothing', () => {
    const reworded = 'China stands to lose in both cases.'
    const text = source.replace(STANDS, reworded)
    const first = apply(text)
    expect(first.orphaned).toEqual([])
    const accepted = acceptCorrections(annotate(text, first.map), { existing: sidecar, by: 'R', at: '2026-03-01T00:00:00Z' })
    const newId = byText(first.map, reworded).id
    expect(accepted.sidecar.corrections.map((c) => c.id).sort()).toEqual([newId, 'this-is-evidenced-by-the-6afd5d'].sort())
    const evidence = accepted.sidecar.corrections.find((c) => c.id === 'this-is-evidenced-by-the-6afd5d')!
    expect(evidence.relation).toMatchObject({ type: 'attack', to: newId, toText: reworded })
    const again = applyCorrections(analyze(text, { path: 'x' }), accepted.sidecar, text)
    expect(again.orphaned).toEqual([])
    expect(again.flagged).toEqual([])
    expect(out(again.map, byText(again.map, EVIDENCE).id)).toMatchObject({ type: 'attack', to: newId, reviewed: true })
    expect(out(again.map, byText(again.map, EVIDENCE).id)?.flagged).toBeUndefined()
  })
})
