import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import { assignIds } from '../src/model/ids.js'
import { validateMap } from '../src/model/schema.js'
import type { ArgumentMap } from '../src/model/types.js'
import { analyze } from '../src/pipeline.js'
import { readMarks } from '../src/read/marks.js'
import { readAnnotated } from '../src/read/read.js'
import { strip } from '../src/read/strip.js'
import { segment } from '../src/segment/index.js'

const root = resolve(import.meta.dirname, '..')
const fixtures = resolve(root, 'test/fixtures')
const inputs = readdirSync(fixtures)
  .map((name) => ({ name, file: resolve(fixtures, name, 'input.md') }))
  .filter((f) => existsSync(f.file))
  .map((f) => ({ name: f.name, text: readFileSync(f.file, 'utf8') }))
inputs.push({ name: 'op-ed', text: readFileSync(resolve(root, 'corpus/china-north-korea.md'), 'utf8') })

describe('every fixture and corpus document', () => {
  it.each(inputs.map((i) => [i.name, i.text] as const))('%s: strip(annotate) is exact and read gives the map back', (_name, text) => {
    const map = analyze(text, { path: `${_name}.md` })
    const annotated = annotate(text, map)
    expect(strip(annotated)).toBe(text)
    const back = readAnnotated(annotated)
    expect(back).toEqual(map)
    expect(validateMap(back)).toEqual([])
    expect(annotate(text, map)).toBe(annotated)
  })
})

/** A small annotated document and its map, for editing by hand. */
function sample(): { src: string; map: ArgumentMap; annotated: string } {
  const src = '# Bans\n\nCities should ban cars. Because cars pollute the air. Some say shops suffer. The weather was nice.\n'
  const map = analyze(src, { path: 'bans.md' })
  const byText = (t: string) => map.units.find((u) => u.text === t)!
  // Give the sample a known shape whatever the tagger decides today.
  const c = byText('Cities should ban cars.')
  const p = byText('Because cars pollute the air.')
  const a = byText('Some say shops suffer.')
  for (const u of map.units) u.role = 'none'
  c.role = 'conclusion'
  p.role = 'premise'
  a.role = 'claim'
  map.relations = [
    { from: p.id, to: c.id, type: 'support', confidence: 0.8, signals: ['marker:because'] },
    { from: a.id, to: c.id, type: 'attack', confidence: 0.6, signals: ['marker:some-say'] },
  ]
  return { src, map, annotated: annotate(src, map) }
}

describe('reading a reviewer’s edits', () => {
  it('reads the unedited sample back exactly', () => {
    const { map, annotated } = sample()
    expect(readAnnotated(annotated)).toEqual(map)
  })

  it('a renamed mark changes the role and keeps id, confidence and signals', () => {
    const { map, annotated } = sample()
    const back = readAnnotated(annotated.replace(':claim[Some say', ':premise[Some say'))
    const a = back.units.find((u) => u.text === 'Some say shops suffer.')!
    expect(a).toMatchObject({ role: 'premise', id: map.units.find((u) => u.text === a.text)!.id })
    expect(a.signals).toEqual(map.units.find((u) => u.text === a.text)!.signals)
  })

  it('a retyped relation reads back with the new type', () => {
    const { map, annotated } = sample()
    const back = readAnnotated(annotated.replace(/attacks=/, 'supports='))
    const a = map.units.find((u) => u.text === 'Some say shops suffer.')!
    expect(back.relations.find((r) => r.from === a.id)).toMatchObject({ type: 'support', confidence: 1, signals: [] })
  })

  it('a deleted mark makes the unit none and drops its relation', () => {
    const { map, annotated } = sample()
    const a = map.units.find((u) => u.text === 'Some say shops suffer.')!
    const edited = annotated.replace(`:claim[Some say shops suffer.]{#${a.id} attacks=${map.relations[1]!.to}}`, 'Some say shops suffer.')
    expect(edited).not.toBe(annotated)
    expect(strip(edited)).toBe(strip(annotated))
    const back = readAnnotated(edited)
    expect(back.units.find((u) => u.id === a.id)).toMatchObject({ role: 'none', confidence: a.confidence })
    expect(back.relations.map((r) => r.from)).not.toContain(a.id)
  })

  it('a new mark without an id gets the id the pipeline gives that sentence', () => {
    const { src, annotated } = sample()
    const edited = annotated.replace('The weather was nice.', ':premise[The weather was nice.]{supports=x}')
    expect(strip(edited)).toBe(src)
    const back = readAnnotated(edited)
    const segs = segment(src)
    const ids = assignIds(segs.map((s) => s.plain))
    const i = segs.findIndex((s) => s.text === 'The weather was nice.')
    expect(back.units.find((u) => u.text === 'The weather was nice.')).toMatchObject({ role: 'premise', id: ids[i] })
    expect(back.relations.at(-1)).toMatchObject({ from: ids[i], to: 'x', type: 'support' })
  })

  it('a mark over part of a sentence keeps the rest as a none unit', () => {
    const { src, annotated } = sample()
    const edited = annotated.replace('The weather was nice.', 'The :claim[weather was nice]{}.')
    const back = readAnnotated(edited)
    const texts = back.units.map((u) => [u.role, u.text])
    expect(texts).toContainEqual(['claim', 'weather was nice'])
    expect(texts).toContainEqual(['none', 'The'])
    for (const u of back.units) expect(src.slice(u.start.offset, u.end.offset)).toBe(u.text)
  })

  it('readMarks lists marks with original spans, ids and relations', () => {
    const { src, map, annotated } = sample()
    const marks = readMarks(annotated)
    expect(marks.map((m) => [m.role, m.id, src.slice(m.start, m.end), m.kind])).toEqual(
      map.units.filter((u) => u.role !== 'none').map((u) => [u.role, u.id, u.text, 'span']),
    )
    expect(marks[1]!.relations).toEqual([{ type: 'support', to: map.units.find((u) => u.role === 'conclusion')!.id }])
  })

  it('without a trailer only marks with an id count, and the path argument is used', () => {
    const text = 'Re:claim form. :claim[Cars pollute.]{#cars-pollute-123456}\n'
    expect(strip(text)).toBe('Re:claim form. Cars pollute.\n')
    const back = readAnnotated(text, 'given.md')
    expect(back.source.path).toBe('given.md')
    expect(back.units.find((u) => u.role === 'claim')).toMatchObject({ id: 'cars-pollute-123456', text: 'Cars pollute.' })
  })
})
