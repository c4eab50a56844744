import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkForest } from '../src/model/forest.js'
import { assignIds } from '../src/model/ids.js'
import type { Relation, Unit } from '../src/model/types.js'
import { relate } from '../src/relate/index.js'
import { segment } from '../src/segment/index.js'
import { tag, type Tagged } from '../src/tag/index.js'
import { hasShared, sharedDir } from './env.js'

/** Tag and relate a markdown text; relations rendered as "from-start -type-> to-start" (first words of each unit). */
function mapOf(source: string, title: string | null = null) {
  const segments = segment(source)
  const ids = assignIds(segments.map((s) => s.plain))
  const tagged = tag(segments, { paragraphCount: segments.at(-1)!.paragraph + 1, title })
  const relations = relate(segments, tagged, ids)
  const units: Unit[] = segments.map((s, i) => ({
    id: ids[i]!, role: tagged[i]!.role, text: s.plain, start: { line: 1, column: 1, offset: s.start }, end: { line: 1, column: 1, offset: s.end },
    paragraph: s.paragraph, confidence: tagged[i]!.confidence, signals: tagged[i]!.signals,
  }))
  const text = new Map(units.map((u) => [u.id, u.text.split(' ').slice(0, 3).join(' ')]))
  const edges = relations.map((r) => `${text.get(r.from)} -${r.type}-> ${text.get(r.to)}`)
  return { units, relations, tagged, edges, role: (start: string) => units.find((u) => u.text.startsWith(start))!.role }
}

function expectForest(units: Unit[], relations: Relation[], tagged: Tagged[]) {
  expect(checkForest(units, relations)).toEqual([])
  // Roles agree with the structure: targets are claims or the conclusion; the conclusion is the only root.
  const targets = new Set(relations.map((r) => r.to))
  const from = new Set(relations.map((r) => r.from))
  units.forEach((u, i) => {
    if (u.role === 'premise') expect(targets.has(u.id), u.text).toBe(false)
    if (u.role === 'claim') expect(targets.has(u.id), u.text).toBe(true)
    if (u.role !== 'none' && u.role !== 'conclusion') expect(from.has(u.id), u.text).toBe(true)
    expect(tagged[i]!.confidence).toBeGreaterThanOrEqual(0)
    expect(tagged[i]!.confidence).toBeLessThanOrEqual(1)
  })
  // Deterministic order: by the from-unit's position.
  const order = new Map(units.map((u, i) => [u.id, i]))
  const seq = relations.map((r) => order.get(r.from)!)
  expect([...seq].sort((a, b) => a - b)).toEqual(seq)
}

describe('relate', () => {
  it('attaches a because-clause to the clause it explains', () => {
    const m = mapOf('We should continue hunting, because it provides a sustainable resource. Hunting thins the herd and makes it healthier.')
    expect(m.role('We should continue hunting')).toBe('conclusion')
    expect(m.edges).toContain('because it provides -support-> We should continue')
    expectForest(m.units, m.relations, m.tagged)
  })

  it('reads a concession and its rebuttal: "Some argue X, but Y"', () => {
    const m = mapOf(
      'We should continue hunting. It provides a sustainable resource. Some would argue that hunting puts a species at risk of extinction, but good wildlife management practices mitigate this risk.',
    )
    expect(m.edges).toContain('Some would argue -attack-> We should continue')
    expect(m.edges).toContain('but good wildlife -attack-> Some would argue')
    expect(m.role('Some would argue')).toBe('claim')
    expectForest(m.units, m.relations, m.tagged)
  })

  it('makes what precedes "therefore" its premises', () => {
    const m = mapOf(
      'Dog owners should pay higher fines. Dirt is everywhere on the pavements. Children play on the pavements every day. Therefore the pavements are a health risk. For example, worms spread through dog dirt.',
    )
    expect(m.role('Dog owners should')).toBe('conclusion')
    expect(m.edges).toContain('Therefore the pavements -support-> Dog owners should')
    expect(m.edges).toContain('Children play on -support-> Therefore the pavements')
    expect(m.edges).toContain('For example, worms -support-> Therefore the pavements')
    expectForest(m.units, m.relations, m.tagged)
  })

  it('turns a granted point into an attack when "however" answers it', () => {
    const m = mapOf('The city must build more flats. Rents have risen every year. Building costs money. However, empty flats cost the city far more.')
    expect(m.edges).toContain('Building costs money. -attack-> The city must')
    expect(m.edges).toContain('However, empty flats -attack-> Building costs money.')
    expectForest(m.units, m.relations, m.tagged)
  })

  it('hangs each paragraph claim under the conclusion and the paragraph under its claim', () => {
    const m = mapOf(
      [
        'Cities should ban cars from their centres.',
        'Cars make city air unhealthy. If traffic falls, asthma cases fall too. This is evidenced by data from Madrid.',
        'Some argue that shops will lose customers. Yet walkers spend more than drivers. Studies show that footfall rises after a ban.',
      ].join('\n\n'),
    )
    expect(m.edges).toContain('Cars make city -support-> Cities should ban')
    expect(m.edges).toContain('If traffic falls, -support-> Cars make city')
    expect(m.edges).toContain('This is evidenced -support-> If traffic falls,')
    expect(m.edges).toContain('Yet walkers spend -support-> Cities should ban')
    expect(m.edges).toContain('Some argue that -attack-> Yet walkers spend')
    expectForest(m.units, m.relations, m.tagged)
  })

  it('reads an essay: scene-setting opening, "First,/Moreover," paragraph points, an example of the main clause', () => {
    const m = mapOf(
      [
        '# Should cities ban cars from their centres?',
        'Every year, millions of people move into cities. Traffic has grown with them.',
        'City centres should be free of private cars. The reasons are health, space and money.',
        'First, cars poison the air we breathe. Exhaust fumes cause asthma, and children suffer most because they breathe faster. For example, a study in London linked traffic to early deaths.',
        'Moreover, cars waste space. A parked car occupies ten square metres for most of the day.',
        'Critics argue that shops will lose customers. However, pedestrians spend more over a month than drivers do.',
        'In conclusion, every city should ban cars from its centre.',
      ].join('\n\n'),
      'Should cities ban cars from their centres?',
    )
    expect(m.role('Every year')).toBe('none')
    expect(m.role('In conclusion')).toBe('conclusion')
    expect(m.edges).toContain('First, cars poison -support-> In conclusion, every')
    expect(m.edges).toContain('Exhaust fumes cause -support-> First, cars poison')
    expect(m.edges).toContain('because they breathe -support-> Exhaust fumes cause')
    expect(m.edges).toContain('For example, a -support-> Exhaust fumes cause')
    expect(m.edges).toContain('Moreover, cars waste -support-> In conclusion, every')
    expect(m.edges).toContain('Critics argue that -attack-> However, pedestrians spend')
    expectForest(m.units, m.relations, m.tagged)
  })

  it('hangs figures under the general statement they back, but not a mere date', () => {
    const m = mapOf('Cities should ban cars. Traffic kills people. About 1,200 people died on the roads of one country alone. Since 2019 more cities have tried such a ban.')
    expect(m.edges).toContain('About 1,200 people -support-> Traffic kills people.')
    expect(m.edges).toContain('Since 2019 more -support-> Cities should ban')
    expectForest(m.units, m.relations, m.tagged)
  })

  it('never attaches to a unit a reviewer made a premise: it climbs to the nearest claim', () => {
    const source = 'We should continue hunting. Some would argue that hunting puts a species at risk, but good management mitigates this risk, because herds are counted every year.'
    const segments = segment(source)
    const ids = assignIds(segments.map((s) => s.plain))
    const tagged = tag(segments, { paragraphCount: 1, title: null })
    const k = segments.findIndex((s) => s.plain.startsWith('but good management'))
    expect(tagged[k]!.role).toBe('claim')
    const corrected = tagged.map((t, i) => (i === k ? { ...t, role: 'premise' as const } : t))
    const relations = relate(segments, corrected, ids)
    const because = relations.find((r) => r.from === ids[k + 1])!
    expect(because.to).toBe(ids[k - 1])
  })

  it('leaves none units out and returns nothing without argumentative units', () => {
    const m = mapOf('Go back\n\nPublished 30 Apr 2018')
    expect(m.units.map((u) => u.role)).toEqual(['none', 'none'])
    expect(m.relations).toEqual([])
  })
})

describe.skipIf(!hasShared)('relate on real argumentative texts (../shared/gold)', () => {
  it('gives a valid forest whose roles match its structure on every gold text', () => {
    let docs = 0
    for (const file of ['microtexts.jsonl', 'microtexts2.jsonl']) {
      for (const line of readFileSync(join(sharedDir, 'gold', file), 'utf8').split('\n')) {
        if (!line.trim()) continue
        const doc = JSON.parse(line) as { text: string; paragraphs: Array<[number, number]> }
        const source = doc.paragraphs.map(([a, b]) => doc.text.slice(a, b)).join('\n\n')
        const m = mapOf(source)
        expect(m.units.filter((u) => u.role === 'conclusion')).toHaveLength(1)
        expectForest(m.units, m.relations, m.tagged)
        docs++
      }
    }
    expect(docs).toBe(283)
  })
})
