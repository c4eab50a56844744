import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isOrdered, jsonPieces, ordered, toJSON } from '../src/emit/json.js'
import { validateMap } from '../src/model/schema.js'
import type { ArgumentMap } from '../src/model/types.js'
import { analyze } from '../src/pipeline.js'

const root = resolve(import.meta.dirname, '..')
const opEd = readFileSync(resolve(root, 'corpus/china-north-korea.md'), 'utf8')
const base = toJSON(analyze(opEd, { path: 'corpus/china-north-korea.md' }))
const good = (): ArgumentMap => JSON.parse(base) as ArgumentMap

describe('validateMap', () => {
  it('loads ajv only when first asked to validate', () => {
    const cache = createRequire(import.meta.url).cache
    const ajvLoaded = () => Object.keys(cache).some((k) => /[\\/]ajv[\\/]/.test(k))
    expect(ajvLoaded()).toBe(false)
    validateMap({})
    expect(ajvLoaded()).toBe(true)
  })

  it('accepts the op-ed map and an empty map', () => {
    expect(validateMap(good())).toEqual([])
    expect(validateMap(analyze('', { path: 'empty.md' }))).toEqual([])
  })

  it('accepts reviewed and flagged flags', () => {
    const map = good()
    map.units[0]!.reviewed = true
    map.units[0]!.flagged = false
    if (map.relations[0]) map.relations[0].reviewed = true
    expect(validateMap(map)).toEqual([])
  })

  it.each([
    ['wrong schema version', (m: any) => (m.schema = 'argmap/3'), '/schema'],
    ['unknown role', (m: any) => (m.units[0].role = 'thesis'), '/units/0/role'],
    ['unknown relation type', (m: any) => (m.relations[0].type = 'rebut'), '/relations/0/type'],
    ['bad id', (m: any) => (m.units[1].id = 'Has Spaces'), '/units/1/id'],
    ['confidence above 1', (m: any) => (m.units[2].confidence = 1.5), '/units/2/confidence'],
    ['missing signals', (m: any) => delete m.units[0].signals, '/units/0'],
    ['extra key', (m: any) => (m.units[0].score = 1), '/units/0'],
    ['bad sha256', (m: any) => (m.source.sha256 = 'abc'), '/source/sha256'],
    ['non-boolean reviewed', (m: any) => (m.units[0].reviewed = 'yes'), '/units/0/reviewed'],
  ])('rejects %s', (_name, spoil, path) => {
    const map = good()
    spoil(map)
    const problems = validateMap(map)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems.some((p) => p.startsWith(`${path}:`))).toBe(true)
  })

  it('rejects dangling relation ends, duplicate ids and text that does not fit its offsets', () => {
    const map = good()
    map.relations[0]!.to = 'no-such-unit-000000'
    map.units[3]!.id = map.units[2]!.id
    map.units[4]!.text += 'x'
    const problems = validateMap(map)
    expect(problems).toContain('/relations/0/to: unknown unit id no-such-unit-000000')
    expect(problems.some((p) => p.startsWith('/units/3/id: duplicate'))).toBe(true)
    expect(problems.some((p) => p.startsWith('/units/4: text length'))).toBe(true)
  })
})

describe('toJSON', () => {
  it('is deterministic, ordered, 2-space indented with a trailing newline', () => {
    const map = analyze(opEd, { path: 'corpus/china-north-korea.md' })
    const text = toJSON(map)
    expect(text).toBe(toJSON(JSON.parse(text)))
    expect(text.endsWith('}\n')).toBe(true)
    expect(text.split('\n')[1]).toBe('  "schema": "argmap/2",')
    const shuffled = { relations: map.relations, units: map.units.map((u) => ({ signals: u.signals, ...u })), source: map.source, schema: map.schema }
    expect(toJSON(shuffled as ArgumentMap)).toBe(text)
    expect(Object.keys(JSON.parse(text).units[0])).toEqual(['id', 'role', 'text', 'start', 'end', 'paragraph', 'confidence', 'signals'])
  })

  it('writes maps as the pipeline builds them without copying, and any other shape as its ordered copy', () => {
    const map = analyze(opEd, { path: 'corpus/china-north-korea.md' })
    // The pipeline's own map needs no copy (the fast path); it must serialise as the ordered copy would.
    expect(isOrdered(map)).toBe(true)
    const text = JSON.stringify(ordered(map), null, 2) + '\n'
    expect(toJSON(map)).toBe(text)
    class Point {
      constructor(
        readonly line: number,
        readonly column: number,
        readonly offset: number,
      ) {}
    }
    const variants: Array<[string, ArgumentMap]> = [
      ['an extra unit key', { ...map, units: map.units.map((u, i) => (i === 3 ? { ...u, note: 'x' } : u)) }],
      ['a unit key out of order', { ...map, units: map.units.map((u, i) => (i === 3 ? { role: u.role, ...u } : u)) }],
      ['a point out of order', { ...map, units: map.units.map((u, i) => (i === 3 ? { ...u, start: { offset: u.start.offset, line: u.start.line, column: u.start.column } } : u)) }],
      ['a point of a class', { ...map, units: map.units.map((u, i) => (i === 3 ? { ...u, end: new Point(u.end.line, u.end.column, u.end.offset) } : u)) }],
      ['an extra relation key', { ...map, relations: map.relations.map((r, i) => (i === 0 ? { ...r, weight: 2 } : r)) }],
      ['an extra source key', { ...map, source: { ...map.source, size: 1 } as ArgumentMap['source'] }],
    ]
    for (const [what, variant] of variants) {
      expect(isOrdered(variant), what).toBe(false)
      expect(toJSON(variant), what).toBe(text)
    }
  })

  it('keeps reviewed/flagged after the signals, only when set', () => {
    const map = analyze('A claim here.', { path: 'a.md' })
    map.units[0]!.flagged = true
    map.units[0]!.reviewed = true
    expect(Object.keys(JSON.parse(toJSON(map)).units[0]).slice(-3)).toEqual(['signals', 'reviewed', 'flagged'])
  })

  it('gives the same text in pieces (jsonPieces, what `argmap map` writes)', () => {
    const map = analyze(opEd, { path: 'corpus/china-north-korea.md' })
    const many = { ...map, units: Array.from({ length: 7 }, () => map.units).flat(), relations: Array.from({ length: 9 }, () => map.relations).flat() }
    const cases: Array<[string, ArgumentMap]> = [
      ['the op-ed', map],
      ['more units and relations than a piece holds', many],
      ['no relations', { ...map, relations: [] }],
      ['an empty map', analyze('', { path: 'empty.md' })],
      ['an unordered map', { relations: map.relations, units: map.units.map((u) => ({ signals: u.signals, ...u })), source: { ...map.source, size: 1 }, schema: map.schema } as ArgumentMap],
    ]
    for (const [what, m] of cases) expect([...jsonPieces(m)].join(''), what).toBe(toJSON(m))
    expect([...jsonPieces(many)].length).toBeGreaterThan(4)
  })
})
