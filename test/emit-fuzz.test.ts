import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import type { ArgumentMap, Role, Unit } from '../src/model/types.js'
import { LineIndex } from '../src/parse/index.js'
import { readMarks } from '../src/read/marks.js'
import { strip } from '../src/read/strip.js'
import { rng } from './helpers.js'
import { seeds } from './env.js'


const PIECES = [
  'word', 'China', ' ', ' ', ' ', '. ', ', ', '[', ']', '*', '**', '_', '`', ':', ':claim', ':premise[x]{#y}', ':conclusion',
  '<!--argmap-->', '<b>', '</b>', '\\', '{', '}', '#', '"', '&amp;', 'http://x.y/a', '[link](http://u.v)', '![img](u)',
  '<!--', '-->', '\n', '\r\n', '\n> ', '\n- ', '\n| a | b |\n|---|---|\n| ', ' | c |', '\n# ', '~~', '$', '\u00a0', 'é', '😀',
  '[^1]', '\n[^1]: note ', '<http://a.b>', '\n```\n', '\n    ', 'Re:claim', '::claim', '\\:claim',
]

function makeCase(seed: number): { src: string; map: ArgumentMap } {
  const random = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  let src = random() < 0.2 ? '\uFEFF' : ''
  const n = 20 + Math.floor(random() * 60)
  for (let i = 0; i < n; i++) src += pick(PIECES)
  const lines = new LineIndex(src)
  const units: Unit[] = []
  let at = 0
  const roles: Role[] = ['conclusion', 'claim', 'premise', 'none']
  while (at < src.length) {
    const start = at + Math.floor(random() * 8)
    const end = start + 1 + Math.floor(random() * 25)
    if (end > src.length) break
    const text = src.slice(start, end)
    at = end
    if (/\S/.test(text) && !/\n[ \t]*\n/.test(text)) {
      units.push({
        id: `u-${units.length}-${seed.toString(16)}`,
        role: pick(roles),
        text,
        start: lines.point(start),
        end: lines.point(end),
        paragraph: 0,
        confidence: 0.5,
        signals: [],
      })
    }
  }
  const relations = units.slice(1).map((u, i) => ({ from: u.id, to: units[i]!.id, type: i % 2 ? ('attack' as const) : ('support' as const), confidence: 1, signals: [] }))
  return { src, map: { schema: 'argmap/1', source: { path: 'fuzz.md', sha256: '0'.repeat(64), title: null }, units, relations } }
}

describe('annotate on generated markdown with awkward spans (units anywhere, even across code fences)', () => {
  it(`always strips back to the exact bytes and every mark reads back to its unit (${seeds(40)} of 40 cases)`, () => {
    const kinds: Record<string, number> = { span: 0, point: 0, data: 0 }
    for (let seed = 1; seed <= seeds(40); seed++) {
      const { src, map } = makeCase(seed)
      const out = annotate(src, map)
      expect(strip(out), `seed ${seed}`).toBe(src)
      const marks = readMarks(out)
      const args = map.units.filter((u) => u.role !== 'none')
      expect(marks.map((m) => [m.id, m.role, m.start, m.end]), `seed ${seed}`).toEqual(
        args.map((u) => [u.id, u.role, u.start.offset, u.end.offset]),
      )
      for (const m of marks) kinds[m.kind]!++
    }
    // The generator is hard enough to exercise both fallbacks.
    expect(kinds.span).toBeGreaterThan(30)
    expect(kinds.point).toBeGreaterThan(10)
    expect(kinds.data).toBeGreaterThan(10)
  })
})
