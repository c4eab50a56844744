import { describe, expect, it } from 'vitest'
import { checkForest, findCycle, roots } from '../src/model/forest.js'
import type { Relation, Role, Unit } from '../src/model/types.js'

const P = { line: 1, column: 1, offset: 0 }
const unit = (id: string, role: Role): Unit => ({ id, role, text: id, start: P, end: P, paragraph: 0, confidence: 1, signals: ['test'] })
const rel = (from: string, to: string, type: Relation['type'] = 'support'): Relation => ({ from, to, type, confidence: 1, signals: [] })

describe('checkForest', () => {
  const units = [unit('c', 'conclusion'), unit('k', 'claim'), unit('p', 'premise'), unit('q', 'premise'), unit('n', 'none')]
  it('accepts a valid forest', () => {
    expect(checkForest(units, [rel('k', 'c'), rel('p', 'k'), rel('q', 'k', 'attack')])).toEqual([])
  })
  it('reports each broken invariant', () => {
    expect(checkForest(units, [rel('k', 'c'), rel('p', 'k'), rel('p', 'c'), rel('q', 'k')])).toEqual(['unit p has more than one outgoing relation'])
    expect(checkForest(units, [rel('k', 'c'), rel('p', 'k'), rel('q', 'n')])).toEqual(['none unit n has an incoming relation'])
    expect(checkForest(units, [rel('c', 'k'), rel('k', 'c'), rel('p', 'k'), rel('q', 'k')])).toEqual([
      'conclusion c has an outgoing relation',
      'cycle: c -> k -> c',
    ])
    expect(checkForest(units, [rel('k', 'c'), rel('p', 'k')])).toEqual(['premise q is a root (it supports or attacks nothing)'])
    expect(checkForest(units, [rel('k', 'c'), rel('p', 'x'), rel('q', 'k')])).toEqual([
      'relation to unknown unit x',
      'premise p is a root (it supports or attacks nothing)',
    ])
    expect(checkForest([...units, unit('c2', 'conclusion')], [rel('k', 'c'), rel('p', 'k'), rel('q', 'k')])).toEqual(['2 conclusions (expected at most one)'])
  })
})

describe('findCycle', () => {
  it('finds a cycle in a functional graph in linear time', () => {
    expect(findCycle(new Map([['a', 'b'], ['b', 'c'], ['c', 'a'], ['d', 'a']]))).toEqual(['a', 'b', 'c', 'a'])
    expect(findCycle(new Map([['a', 'b'], ['b', 'c'], ['d', 'b']]))).toBeNull()
    const long = new Map<string, string>()
    for (let i = 0; i < 20_000; i++) long.set(`u${i}`, `u${i + 1}`)
    expect(findCycle(long)).toBeNull()
  })
  it('lists roots', () => {
    const units = [unit('c', 'conclusion'), unit('k', 'claim'), unit('n', 'none')]
    expect(roots(units, []).map((u) => u.id)).toEqual(['c', 'k'])
  })
})

describe('restates (argmap/2)', () => {
  const unit = (id: string, role: Unit['role']): Unit => ({
    id,
    role,
    text: id,
    start: { line: 1, column: 1, offset: 0 },
    end: { line: 1, column: 1, offset: 0 },
    paragraph: 0,
    confidence: 1,
    signals: [],
  })
  const rel = (from: string, to: string, type: Relation['type']): Relation => ({ from, to, type, confidence: 1, signals: [] })

  it('lets a restatement of the thesis, itself a conclusion, point at the thesis', () => {
    const units = [unit('t', 'conclusion'), unit('p', 'premise'), unit('r', 'conclusion')]
    expect(checkForest(units, [rel('p', 't', 'support'), rel('r', 't', 'restates')])).toEqual([])
  })

  it('still allows one thesis, and restates only between conclusions', () => {
    const units = [unit('t', 'conclusion'), unit('r', 'conclusion'), unit('c', 'claim')]
    expect(checkForest(units, [])).toContain('2 conclusions (expected at most one)')
    expect(checkForest(units, [rel('c', 't', 'restates'), rel('r', 't', 'restates')])).toContain('restates c -> t must join two conclusions')
    expect(checkForest(units, [rel('r', 't', 'support')])).toContain('conclusion r has an outgoing relation')
  })
})
