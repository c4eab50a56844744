import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toAIF, toAIFObject } from '../src/emit/aif.js'
import { toArgdown } from '../src/emit/argdown.js'
import { formats } from '../src/emit/index.js'
import { toMermaid } from '../src/emit/mermaid.js'
import { toOutline } from '../src/emit/outline.js'
import type { ArgumentMap, Role, Unit } from '../src/model/types.js'
import { analyze } from '../src/pipeline.js'

/** conclusion C <- supported by P1 (<- attacked by A1), attacked by A2; plus a none unit. */
function small(): ArgumentMap {
  const texts: Array<[string, Role]> = [
    ['Cities should ban cars.', 'conclusion'],
    ['Because cars pollute the **air** [badly](http://x.y).', 'premise'],
    ['Some say #1 "EVs" <fix> it; {see} [A] // or /* not */.', 'claim'],
    ['Shops may suffer.', 'premise'],
    ['The weather was nice.', 'none'],
  ]
  let at = 0
  const units: Unit[] = texts.map(([text, role], i) => {
    const start = at
    at += text.length + 1
    return {
      id: ['c-000001', 'p-000002', 'a-000003', 'b-000004', 'n-000005'][i]!,
      role,
      text,
      start: { line: 1, column: start + 1, offset: start },
      end: { line: 1, column: start + text.length + 1, offset: start + text.length },
      paragraph: 0,
      confidence: 0.5,
      signals: [],
    }
  })
  return {
    schema: 'argmap/1',
    source: { path: 'small.md', sha256: createHash('sha256').update('x').digest('hex'), title: 'Car bans' },
    units,
    relations: [
      { from: 'p-000002', to: 'c-000001', type: 'support', confidence: 0.9, signals: [] },
      { from: 'a-000003', to: 'p-000002', type: 'attack', confidence: 0.6, signals: [] },
      { from: 'b-000004', to: 'c-000001', type: 'attack', confidence: 0.6, signals: [] },
    ],
  }
}

describe('outline', () => {
  it('puts the conclusion first and nests supporters and attackers with +/-', () => {
    expect(toOutline(small())).toBe(
      [
        'conclusion c-000001: Cities should ban cars.',
        '  + premise p-000002: Because cars pollute the air badly.',
        '    - claim a-000003: Some say #1 "EVs" it; {see} [A] // or /* not */.',
        '  - premise b-000004: Shops may suffer.',
        '',
      ].join('\n'),
    )
  })

  it('shortens long unit text at a word boundary', () => {
    const map = small()
    map.units[0]!.text = 'word '.repeat(60).trim()
    const first = toOutline(map, { width: 40 }).split('\n')[0]!
    expect(first).toMatch(/^conclusion c-000001: (word ){6,}word…$/)
    expect(first.length).toBeLessThanOrEqual('conclusion c-000001: '.length + 40)
  })
})

describe('AIF', () => {
  const aif = toAIFObject(small())
  const byId = new Map(aif.nodes.map((n) => [n.nodeID, n]))
  const out = (id: string) => aif.edges.filter((e) => e.fromID === id).map((e) => byId.get(e.toID)!)
  const iNode = (prefix: string) => aif.nodes.find((n) => n.type === 'I' && n.text.startsWith(prefix))!

  it('has I, L and YA nodes per argumentative unit, numeric-string ids, and locutions', () => {
    expect(aif.nodes.filter((n) => n.type === 'I')).toHaveLength(4)
    expect(aif.nodes.filter((n) => n.type === 'L')).toHaveLength(4)
    expect(aif.nodes.filter((n) => n.type === 'YA').every((n) => n.text === 'Asserting')).toBe(true)
    for (const n of aif.nodes) expect(n.nodeID).toMatch(/^[1-9][0-9]*$/)
    for (const e of aif.edges) expect(e).toEqual({ edgeID: expect.stringMatching(/^\d+$/), fromID: expect.any(String), toID: expect.any(String), formEdgeID: null })
    expect(aif.locutions.map((l) => byId.get(l.nodeID)!.type)).toEqual(['L', 'L', 'L', 'L'])
    for (const l of aif.nodes.filter((n) => n.type === 'L')) {
      const [ya] = out(l.nodeID)
      expect(ya!.type).toBe('YA')
      expect(out(ya!.nodeID).map((n) => n.type)).toEqual(['I'])
    }
    expect(iNode('Because')!.text).toBe('Because cars pollute the air badly.')
  })

  it('wires support as I→RA→I and attack as I→CA→I', () => {
    const [ra] = out(iNode('Because').nodeID)
    expect(ra!.type).toBe('RA')
    expect(out(ra!.nodeID)).toEqual([iNode('Cities')])
    const [ca] = out(iNode('Some say').nodeID)
    expect(ca!.type).toBe('CA')
    expect(out(ca!.nodeID)).toEqual([iNode('Because')])
    expect(aif.nodes.filter((n) => n.type === 'RA')).toHaveLength(1)
    expect(aif.nodes.filter((n) => n.type === 'CA')).toHaveLength(2)
  })

  it('is deterministic JSON', () => {
    const text = toAIF(small())
    expect(text).toBe(toAIF(small()))
    expect(JSON.parse(text)).toEqual(aif)
  })
})

describe('Argdown', () => {
  it('titles statements by id and nests <+ support and <- attack under their targets', () => {
    const lines = toArgdown(small()).split('\n')
    expect(lines.slice(0, 4)).toEqual(['===', 'title: "Car bans"', 'source: "small.md"', '==='])
    expect(lines[5]).toBe('[c-000001]: Cities should ban cars. #conclusion')
    expect(lines[6]).toBe('    <+ [p-000002]: Because cars pollute the air badly. #premise')
    expect(lines[7]).toBe('        <- [a-000003]: Some say \\#1 "EVs" it; \\{see\\} \\[A\\] \\// or \\/\\* not \\*/. #claim')
    expect(lines[8]).toBe('    <- [b-000004]: Shops may suffer. #premise')
    expect(toArgdown(small())).not.toContain('n-000005')
  })
})

describe('Mermaid', () => {
  it('draws a node per argumentative unit, solid support and dashed red attack arrows', () => {
    const text = toMermaid(small())
    const lines = text.trimEnd().split('\n')
    expect(lines[0]).toBe('flowchart BT')
    expect(lines.filter((l) => /^ {2}classDef (conclusion|claim|premise) /.test(l))).toHaveLength(3)
    const nodes = lines.filter((l) => /^ {2}n\d+\[/.test(l))
    expect(nodes).toHaveLength(4)
    expect(nodes[0]).toBe('  n0["conclusion: Cities should ban cars."]:::conclusion')
    expect(nodes[2]).toBe('  n2["claim: Some say #35;1 #34;EVs#34; it; {see} [A] // or /* not */."]:::claim')
    expect(lines.filter((l) => l.includes('-->|supports|'))).toEqual(['  n1 -->|supports| n0'])
    expect(lines.filter((l) => l.includes('-.->|attacks|'))).toEqual(['  n2 -.->|attacks| n1', '  n3 -.->|attacks| n0'])
    expect(lines.at(-1)).toBe('  linkStyle 1,2 stroke:#dc2626,stroke-width:2px,color:#dc2626')
    for (const n of nodes) expect(n.slice(n.indexOf('"') + 1, n.lastIndexOf('"'))).not.toMatch(/["<>]/)
  })
})

describe('formats', () => {
  it('renders every `map --format` of the op-ed deterministically', () => {
    const src = readFileSync(resolve(import.meta.dirname, '../corpus/china-north-korea.md'), 'utf8')
    const map = analyze(src, { path: 'corpus/china-north-korea.md' })
    expect(Object.keys(formats).sort()).toEqual(['aif', 'argdown', 'json', 'mermaid', 'outline'])
    for (const render of Object.values(formats)) expect(render(map)).toBe(render(structuredClone(map)))
    const args = map.units.filter((u) => u.role !== 'none').length
    // one entry per argumentative unit (its text wrapped onto indented continuation lines)
    expect(formats.outline(map).trimEnd().split('\n').filter((l) => /^\s*(?:[+-] )?\w+ \[[0-9a-f]{6}/.test(l))).toHaveLength(args)
    expect(JSON.parse(formats.aif(map)).nodes.filter((n: { type: string }) => n.type === 'I')).toHaveLength(args)
  })
})
