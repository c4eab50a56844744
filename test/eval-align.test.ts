import { describe, expect, it } from 'vitest'
import { align, isMatch } from '../src/eval/align.js'
import { allPremise, positionBaseline } from '../src/eval/baselines.js'
import type { GoldUnit, PredUnit, Prediction } from '../src/eval/types.js'

const gold = (id: string, ...spans: Array<[number, number]>): GoldUnit => ({
  id,
  role: 'premise',
  text: id,
  spans,
  implicit: spans.length === 0,
})
const pred = (id: string, start: number, end: number, paragraph = 0): PredUnit => ({
  id,
  role: 'claim',
  start,
  end,
  text: id,
  paragraph,
  confidence: 0.5,
  signals: [],
})
const pairs = (p: PredUnit[], g: GoldUnit[]) => align(p, g).pairs.map((x) => [x.pred, x.gold, x.overlap])

describe('align', () => {
  it('matches at exactly half of the longer unit, not below', () => {
    expect(isMatch(5, 10, 10)).toBe(true)
    expect(isMatch(4, 9, 10)).toBe(false)
    // gold [0,10): pred [5,15) shares 5 of the longer 10 -> match; [6,15) shares 4 of 10 -> none.
    expect(pairs([pred('p', 5, 15)], [gold('g', [0, 10])])).toEqual([['p', 'g', 5]])
    expect(pairs([pred('p', 6, 15)], [gold('g', [0, 10])])).toEqual([])
    // The predicted unit is the longer one: [0,8) holds all 4 chars of gold [0,4) -> 4*2 = 8 ok; [0,9) -> no.
    expect(pairs([pred('p', 0, 8)], [gold('g', [0, 4])])).toEqual([['p', 'g', 4]])
    expect(pairs([pred('p', 0, 9)], [gold('g', [0, 4])])).toEqual([])
  })

  it('takes the largest overlap first, even from a later unit', () => {
    // gold [0,10): p1 [0,6) shares 6, p2 [2,10) shares 8 -> p2.
    expect(pairs([pred('p1', 0, 6), pred('p2', 2, 10)], [gold('g', [0, 10])])).toEqual([['p2', 'g', 8]])
  })

  it('is one-to-one, with ties to the earlier gold unit', () => {
    // p [0,20) shares 10 with each of g1 [0,10) and g2 [10,20) (2*10 >= 20): tie -> g1.
    expect(pairs([pred('p', 0, 20)], [gold('g2', [10, 20]), gold('g1', [0, 10])])).toEqual([['p', 'g1', 10]])
    // q [10,19) (overlapping p) shares 9 with g2: p takes g1, q takes g2.
    const a = align([pred('q', 10, 19), pred('p', 0, 20)], [gold('g1', [0, 10]), gold('g2', [10, 20])])
    expect(a.pairs.map((x) => [x.pred, x.gold])).toEqual([['p', 'g1'], ['q', 'g2']])
    expect(a.predToGold.get('q')).toBe('g2')
    expect(a.goldToPred.get('g1')).toBe('p')
  })

  it('ties between predicted units go to the earlier one', () => {
    // gold [0,10): p1 [0,5) and p2 [5,10) both share 5 = half.
    expect(pairs([pred('p2', 5, 10), pred('p1', 0, 5)], [gold('g', [0, 10])])).toEqual([['p1', 'g', 5]])
  })

  it('sums overlap over the spans of a multi-span unit', () => {
    const g = gold('g', [0, 10], [20, 30]) // 20 chars
    expect(pairs([pred('p', 0, 10)], [g])).toEqual([['p', 'g', 10]]) // 10*2 >= 20
    expect(pairs([pred('p', 20, 29)], [g])).toEqual([]) // 9*2 < 20
    expect(pairs([pred('p', 0, 30)], [g])).toEqual([['p', 'g', 20]]) // 20*2 >= 30
    expect(pairs([pred('p', 5, 25)], [g])).toEqual([['p', 'g', 10]]) // 5 + 5, 10*2 >= 20
  })

  it('never aligns implicit units', () => {
    expect(pairs([pred('p', 0, 10)], [gold('implicit'), gold('g', [0, 10])])).toEqual([['p', 'g', 10]])
    expect(pairs([pred('p', 0, 0)], [gold('implicit')])).toEqual([])
  })

  it('finds matches among many disjoint units', () => {
    const p = Array.from({ length: 200 }, (_, i) => pred(`p${i}`, i * 10, i * 10 + 9))
    const g = Array.from({ length: 100 }, (_, i) => gold(`g${i}`, [i * 20 + 10, i * 20 + 19]))
    const a = align(p, g)
    expect(a.pairs.length).toBe(100)
    expect(a.goldToPred.get('g42')).toBe('p85')
  })
})

describe('baselines', () => {
  // Two paragraphs: u1 u2 u3 | u4 u5, listed out of order to check they sort by position.
  const units = [pred('u4', 30, 39, 1), pred('u1', 0, 9), pred('u3', 20, 29), pred('u5', 40, 49, 1), pred('u2', 10, 19)]
  const roles = (p: Prediction) => Object.fromEntries(p.units.map((u) => [u.id, u.role]))
  const edges = (p: Prediction) => p.relations.map((r) => `${r.from}->${r.to}:${r.type}`)

  it('all-premise: last unit the conclusion, every other unit a premise supporting it', () => {
    const b = allPremise({ units, relations: [] })
    expect(roles(b)).toEqual({ u1: 'premise', u2: 'premise', u3: 'premise', u4: 'premise', u5: 'conclusion' })
    expect(edges(b)).toEqual(['u1->u5:support', 'u2->u5:support', 'u3->u5:support', 'u4->u5:support'])
  })

  it('position: first unit the conclusion, paragraph openers claims, the rest under the nearest claim', () => {
    const b = positionBaseline({ units, relations: [] })
    expect(roles(b)).toEqual({ u1: 'conclusion', u2: 'premise', u3: 'premise', u4: 'claim', u5: 'premise' })
    expect(edges(b)).toEqual(['u2->u1:support', 'u3->u1:support', 'u4->u1:support', 'u5->u4:support'])
  })

  it('keep the units, replace roles, and handle an empty document', () => {
    const none = { ...pred('n', 0, 9), role: 'none' as const }
    expect(allPremise({ units: [none], relations: [] }).units).toMatchObject([{ id: 'n', role: 'conclusion', start: 0, end: 9 }])
    expect(positionBaseline({ units: [], relations: [] })).toEqual({ units: [], relations: [] })
  })
})
