import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import { assignIds } from '../src/model/ids.js'
import type { ArgumentMap, RelationType, Role, Unit } from '../src/model/types.js'
import { LineIndex } from '../src/parse/index.js'
import { parseAnnotated, readMarks } from '../src/read/marks.js'
import { scan } from '../src/syntax/scan.js'
import { strip } from '../src/read/strip.js'

type Spec = [text: string, role: Role]

/** A hand-made map over `source`: units found by indexOf in order, ids from their text. */
export function handMap(source: string, specs: Spec[], relations: Array<[from: number, type: RelationType, to: number]> = []): ArgumentMap {
  const lines = new LineIndex(source)
  const ids = assignIds(specs.map(([t]) => t))
  let from = 0
  const units: Unit[] = specs.map(([text, role], i) => {
    const start = source.indexOf(text, from)
    if (start < 0) throw new Error(`not in source: ${text}`)
    from = start + text.length
    return {
      id: ids[i]!,
      role,
      text,
      start: lines.point(start),
      end: lines.point(start + text.length),
      paragraph: 0,
      confidence: 0.5 + i / 100,
      signals: [`test:${i}`],
    }
  })
  return {
    schema: 'argmap/1',
    source: { path: 'test.md', sha256: createHash('sha256').update(source).digest('hex'), title: null },
    units,
    relations: relations.map(([a, type, b]) => ({ from: ids[a]!, to: ids[b]!, type, confidence: 0.7, signals: ['test:rel'] })),
  }
}

const body = (annotated: string): string => annotated.slice(0, annotated.indexOf('<!-- argmap:begin'))

describe('annotate', () => {
  it('wraps units in place as text directives with id and relation', () => {
    const src = '# Title\n\nChina must act. Because it stands to lose in both.\n'
    const map = handMap(src, [['China must act.', 'conclusion'], ['Because it stands to lose in both.', 'premise']], [[1, 'support', 0]])
    const out = annotate(src, map)
    const [c, p] = map.units
    expect(body(out)).toBe(
      `# Title\n\n:conclusion[China must act.]{#${c!.id}} :premise[Because it stands to lose in both.]{#${p!.id} supports=${c!.id}}\n\n`,
    )
    expect(strip(out)).toBe(src)
  })

  it('writes the outline and the data block in the trailer', () => {
    const src = 'A is true. B is false.'
    const map = handMap(src, [['A is true.', 'claim'], ['B is false.', 'premise']], [[1, 'attack', 0]])
    map.units[1]!.reviewed = true
    const out = annotate(src, map)
    const trailer = out.slice(out.indexOf('<!-- argmap:begin'))
    expect(trailer).toMatch(/^<!-- argmap:begin final-newline=no /)
    expect(trailer).toContain('## Argument map')
    expect(trailer).toContain(`claim ${map.units[0]!.id}: A is true.\n  - premise ${map.units[1]!.id}: B is false.\n`)
    expect(trailer).toContain(`\n${map.units[1]!.id} 0.51 !reviewed test:1\n`)
    expect(trailer).toContain(`\n${map.units[1]!.id} attack ${map.units[0]!.id} 0.7 test:rel\n`)
    expect(strip(out)).toBe(src)
  })

  it('marks literal directives in author text so they stay text', () => {
    const src = 'Write :claim[x]{#y} to mark. Re:claim form is here. The :premise directive.\n'
    const map = handMap(src, [['Re:claim form is here.', 'claim']])
    const out = annotate(src, map)
    const marks = scan(body(out)).marks
    expect(marks).toHaveLength(1)
    expect(marks[0]!.attributes.id).toBe(map.units[0]!.id)
    expect(strip(out)).toBe(src)
    expect(readMarks(out).map((m) => [m.role, m.start, m.end])).toEqual([['claim', map.units[0]!.start.offset, map.units[0]!.end.offset]])
  })

  it('escapes a literal mark after unclosed raw HTML that would swallow the first escape forms', () => {
    // The unclosed <!-- ends at <!--argmap-->'s -->, the unclosed <? at <?argmap?>'s ?>: the third form holds.
    const src = 'We must act now, because costs grow. <!--<?]:claim] and Therefore we should vote.\n\n:claim\n'
    const map = handMap(src, [['We must act now, because costs grow.', 'premise'], ['Therefore we should vote.', 'conclusion']], [[0, 'support', 1]])
    const out = annotate(src, map)
    expect(body(out)).toContain(':<x-argmap/>claim]')
    expect(strip(out)).toBe(src)
    expect(readMarks(out).map((m) => [m.role, m.start])).toEqual(map.units.map((u) => [u.role, u.start.offset]))
  })

  it('falls back to a point mark when the label would not map back', () => {
    // A `]` inside a code span closes a directive label early.
    const src = 'Use `a]b` here, it is right. Next one.\n'
    const map = handMap(src, [['Use `a]b` here, it is right.', 'claim'], ['Next one.', 'premise']], [[1, 'support', 0]])
    const out = annotate(src, map)
    const u = map.units[0]!
    expect(body(out)).toContain(`:claim{#${u.id} len=${u.text.length}}Use \`a]b\``)
    expect(body(out)).toContain(`:premise[Next one.]{#`)
    expect(strip(out)).toBe(src)
    const marks = readMarks(out)
    expect(marks.map((m) => [m.kind, m.start, m.end])).toEqual([
      ['point', u.start.offset, u.end.offset],
      ['span', map.units[1]!.start.offset, map.units[1]!.end.offset],
    ])
  })

  it('guards a unit that follows a colon', () => {
    const src = 'Note:This is key. Done.\n'
    const map = handMap(src, [['This is key.', 'claim']])
    const out = annotate(src, map)
    expect(body(out)).toContain('Note:<!--argmap-->:claim[This is key.]')
    expect(strip(out)).toBe(src)
  })

  it('handles units crossing emphasis, links and unbalanced brackets', () => {
    const src = 'He said [it] was *fine. But* it [was not. See [docs](http://x.y/a_(b)) now.\n'
    const map = handMap(src, [['He said [it] was *fine.', 'premise'], ['But* it [was not.', 'claim'], ['See [docs](http://x.y/a_(b)) now.', 'none']])
    const out = annotate(src, map)
    expect(strip(out)).toBe(src)
    expect(readMarks(out).map((m) => [m.start, m.end])).toEqual(map.units.slice(0, 2).map((u) => [u.start.offset, u.end.offset]))
  })

  it('returns the exact bytes for CRLF, BOM, no final newline and trailing spaces', () => {
    for (const src of ['\uFEFF# T\r\n\r\nOne claim here.  \r\nTwo.\r\n', 'One claim here.', 'One claim here.\n\n\n', 'x\rOne claim here.\r']) {
      const map = handMap(src, [['One claim here.', 'claim']])
      const out = annotate(src, map)
      expect(strip(out)).toBe(src)
      expect(readMarks(out)[0]).toMatchObject({ start: map.units[0]!.start.offset, end: map.units[0]!.end.offset })
    }
  })

  it('uses the document line ending in the trailer', () => {
    const src = 'A claim.\r\nMore.\r\n'
    const out = annotate(src, handMap(src, [['A claim.', 'claim']]))
    expect(out.slice(out.indexOf('<!-- argmap:begin')).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
  })

  it('annotates an empty map and an empty document', () => {
    expect(strip(annotate('', handMap('', [])))).toBe('')
    const src = 'Just prose.\n'
    const out = annotate(src, handMap(src, [['Just prose.', 'none']]))
    expect(out).toContain('(no argumentative units)')
    expect(strip(out)).toBe(src)
  })

  it('refuses a map that does not belong to the source', () => {
    const map = handMap('A claim.', [['A claim.', 'claim']])
    expect(() => annotate('B claim.', map)).toThrow(/does not match/)
  })
})

describe('annotate golden', () => {
  const src = [
    '# Should cities ban cars?',
    '',
    'Cities should ban cars. *Streets* are [public](http://x.y) space.',
    '',
    '- Air pollution kills, because engines burn fuel.',
    '- Noise harms sleep :smile: {really}.',
    '',
    '> Critics say shops suffer.',
    '> However, sales rose',
    '> after cars left.',
    '',
    '| Measure | Effect |',
    '| --- | --- |',
    '| Charge | Traffic fell. |',
    '',
  ].join('\n')
  const map = handMap(
    src,
    [
      ['Should cities ban cars?', 'none'],
      ['Cities should ban cars.', 'conclusion'],
      ['*Streets* are [public](http://x.y) space.', 'premise'],
      ['because engines burn fuel.', 'premise'],
      ['Noise harms sleep :smile: {really}.', 'premise'],
      ['Critics say shops suffer.', 'claim'],
      ['However, sales rose\n> after cars left.', 'premise'],
      ['Traffic fell.', 'premise'],
    ],
    [
      [2, 'support', 1],
      [3, 'support', 1],
      [4, 'support', 1],
      [5, 'attack', 1],
      [6, 'attack', 5],
      [7, 'support', 6],
    ],
  )

  it('marks every structure in place and reads back', () => {
    const out = annotate(src, map)
    const id = (i: number) => map.units[i]!.id
    expect(body(out)).toBe(
      [
        '# Should cities ban cars?',
        '',
        `:conclusion[Cities should ban cars.]{#${id(1)}} :premise[*Streets* are [public](http://x.y) space.]{#${id(2)} supports=${id(1)}}`,
        '',
        `- Air pollution kills, :premise[because engines burn fuel.]{#${id(3)} supports=${id(1)}}`,
        `- :premise[Noise harms sleep :smile: {really}.]{#${id(4)} supports=${id(1)}}`,
        '',
        `> :claim[Critics say shops suffer.]{#${id(5)} attacks=${id(1)}}`,
        '> :premise[However, sales rose',
        `> after cars left.]{#${id(6)} attacks=${id(5)}}`,
        '',
        '| Measure | Effect |',
        '| --- | --- |',
        `| Charge | :premise[Traffic fell.]{#${id(7)} supports=${id(6)}} |`,
        '',
        '',
      ].join('\n'),
    )
    expect(strip(out)).toBe(src)
    const marks = readMarks(out)
    expect(marks.map((m) => [m.role, m.id, m.kind, src.slice(m.start, m.end)])).toEqual(
      map.units.filter((u) => u.role !== 'none').map((u) => [u.role, u.id, 'span', u.text]),
    )
    expect(marks.find((m) => m.role === 'claim')!.relations).toEqual([{ type: 'attack', to: id(1) }])
  })

  it('reports a mark renamed to something that is not a role, and leaves it in the text', () => {
    const out = annotate(src, map).replace(':claim[Critics', ':thesis[Critics')
    const parsed = parseAnnotated(out)
    expect(parsed.unknown).toEqual([expect.objectContaining({ name: 'thesis', id: map.units[5]!.id })])
    expect(parsed.original).toContain(':thesis[Critics say shops suffer.]{#')
  })
})

describe('trailer data block', () => {
  it('carries confidence, signals, flags and the path through any characters', () => {
    const src = 'A claim. A premise.'
    const map = handMap(src, [['A claim.', 'claim'], ['A premise.', 'premise']], [[1, 'support', 0]])
    map.source.path = 'dir with space/"odd" -->name.md'
    map.units[0]!.signals = ['marker:for example', '100%', '!bang', 'a-->b', 'ünï', '']
    map.units[0]!.reviewed = false
    map.units[1]!.flagged = true
    map.relations[0]!.reviewed = true
    map.relations[0]!.signals = ['x y']
    const out = annotate(src, map)
    const trailer = out.slice(out.indexOf('<!-- argmap:data'))
    expect(trailer.indexOf('-->')).toBe(trailer.length - 4)
    const { data } = parseAnnotated(out)
    expect(data!.path).toBe(map.source.path)
    expect(data!.units).toEqual([
      { id: map.units[0]!.id, confidence: 0.5, signals: map.units[0]!.signals, reviewed: false },
      { id: map.units[1]!.id, confidence: 0.51, signals: ['test:1'], flagged: true },
    ])
    expect(data!.relations).toEqual([{ from: map.units[1]!.id, type: 'support', to: map.units[0]!.id, confidence: 0.7, signals: ['x y'], reviewed: true }])
    expect(strip(out)).toBe(src)
  })
})

describe('emphasis across unit boundaries', () => {
  it('uses point marks so the author’s emphasis still renders', () => {
    const src = '*This is italic. So is this.* And `code. spans` too.\n'
    const map = handMap(src, [['*This is italic.', 'claim'], ['So is this.*', 'premise'], ['And `code. spans` too.', 'premise']])
    const out = annotate(src, map)
    const [a, b, c] = map.units
    expect(body(out)).toBe(
      `:claim{#${a!.id} len=16}*This is italic. :premise{#${b!.id} len=12}So is this.* :premise[And \`code. spans\` too.]{#${c!.id}}\n\n`,
    )
    expect(strip(out)).toBe(src)
  })
})
