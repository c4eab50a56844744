import { describe, expect, it } from 'vitest'
import { diffMaps } from '../src/diff/diff.js'
import { formatMarkdown } from '../src/diff/format/markdown.js'
import { formatTerminal } from '../src/diff/format/terminal.js'
import type { ArgumentDiff } from '../src/diff/types.js'
import { makeMap, type RelSpec, type UnitSpec } from './fixtures/diff/make-map.js'

const BASE: UnitSpec[] = [
  ['We should raise the minimum wage.', 'conclusion', 0],
  ['Low pay traps families in poverty.', 'claim', 1],
  ['Studies show that most low-paid workers support children.', 'premise', 1],
  ['Higher wages also raise consumer spending.', 'premise', 1],
  ['Critics warn that small businesses will close.', 'premise', 2],
  ['The weather was nice on the day of the vote.', 'none', 2],
]
const RELS: RelSpec[] = [
  [1, 0, 'support'],
  [2, 1, 'support'],
  [3, 1, 'support'],
  [4, 0, 'attack'],
]
const base = makeMap(BASE, RELS)

const changed = (d: ArgumentDiff) => d.relations.filter((r) => r.status !== 'unchanged')

function edit(fn: (u: UnitSpec[], r: RelSpec[]) => void) {
  const u = BASE.map((x) => [...x] as UnitSpec)
  const r = RELS.map((x) => [...x] as RelSpec)
  fn(u, r)
  return makeMap(u, r)
}

describe('diffMaps', () => {
  it('reports identical maps as the same', () => {
    const d = diffMaps(base, makeMap(BASE, RELS))
    expect(d.same).toBe(true)
    expect(d.units.map((c) => c.status)).toEqual(Array(6).fill('unchanged'))
    expect(d.relations.map((r) => r.status)).toEqual(Array(4).fill('unchanged'))
    expect(d.summary.relations.unchanged).toBe(4)
    expect(d.headlines.conclusion.status).toBe('same')
  })

  it('treats changed emphasis as no change (ids come from plain text)', () => {
    const d = diffMaps(base, edit((u) => (u[0]![0] = 'We *should* raise the minimum wage.')))
    expect(d.same).toBe(true)
    expect(d.summary.reworded).toBe(0)
  })

  it('reports a reworded unit with a word diff, hidden by ignoreRewording', () => {
    const next = edit((u) => (u[2]![0] = 'Studies show that most low-paid workers are raising children.'))
    const d = diffMaps(base, next)
    expect(d.same).toBe(false)
    expect(d.summary).toMatchObject({ reworded: 1, added: 0, removed: 0, roleChanged: 0 })
    const c = d.units.find((x) => x.status === 'reworded')!
    expect(c.words!.filter((w) => w.op === 'delete').map((w) => w.text.trim())).toContain('support')
    expect(c.words!.filter((w) => w.op === 'insert').map((w) => w.text).join(' ')).toMatch(/are\s+raising/)
    expect(changed(d)).toEqual([]) // relations follow the aligned unit
    const quiet = diffMaps(base, next, { ignoreRewording: true })
    expect(quiet.same).toBe(true)
    expect(quiet.summary.reworded).toBe(0)
  })

  it('matches a typo fix in a short unit by edit distance', () => {
    const d = diffMaps(base, edit((u) => (u[1]![0] = 'Low pay traps familes in povrty.')))
    expect(d.summary).toMatchObject({ reworded: 1, added: 0, removed: 0 })
  })

  it('reports an added premise and its relation', () => {
    const d = diffMaps(base, edit((u, r) => {
      u.splice(4, 0, ['Rents have risen faster than wages for a decade.', 'premise', 1])
      for (const x of r) for (const k of [0, 1] as const) if (x[k] >= 4) x[k]++
      r.push([4, 1, 'support'])
    }))
    expect(d.same).toBe(false)
    expect(d.summary).toMatchObject({ added: 1, removed: 0, reworded: 0, moved: 0 })
    expect(changed(d)).toEqual([{ status: 'added', old: null, new: expect.objectContaining({ type: 'support' }) }])
    expect(d.units[4]!.status).toBe('added')
  })

  it('reports a deleted claim with its premises, and the conclusion losing support', () => {
    const d = diffMaps(base, makeMap([BASE[0]!, BASE[4]!, BASE[5]!], [[1, 0, 'attack']]))
    expect(d.summary).toMatchObject({ removed: 3, added: 0 })
    expect(changed(d).map((r) => r.status)).toEqual(['removed', 'removed', 'removed'])
    expect(d.headlines.conclusion.status).toBe('same')
    expect(d.headlines.lostSupport).toEqual([base.units[0]!.id])
    // removed units are listed where they were
    expect(d.units.map((c) => c.status)).toEqual(['unchanged', 'removed', 'removed', 'removed', 'unchanged', 'unchanged'])
  })

  it('reports premises left dangling when their claim vanished', () => {
    const d = diffMaps(base, makeMap([BASE[0]!, BASE[2]!, BASE[3]!, BASE[4]!, BASE[5]!], [[3, 0, 'attack']]))
    expect(d.headlines.dangling.map((x) => x.id)).toEqual([base.units[2]!.id, base.units[3]!.id])
    expect(d.headlines.dangling.every((x) => x.formerTarget === base.units[1]!.id)).toBe(true)
  })

  it('reports support turned into attack as a flip, and a new attack on the conclusion', () => {
    const d = diffMaps(base, edit((u, r) => {
      u[1]![0] = 'However, low pay traps families in poverty.'
      r[0]![2] = 'attack'
    }))
    expect(changed(d)).toHaveLength(1)
    expect(changed(d)[0]).toMatchObject({ status: 'flipped', old: { type: 'support' }, new: { type: 'attack' } })
    expect(d.headlines.newAttacksOnConclusion).toHaveLength(1)
    expect(d.headlines.lostSupport).toEqual([base.units[0]!.id])
    expect(d.summary.reworded).toBe(1)
  })

  it('reports a unit that now supports something else as retargeted', () => {
    const d = diffMaps(base, edit((_, r) => (r[2]![1] = 0)))
    expect(changed(d)).toEqual([
      { status: 'retargeted', old: expect.objectContaining({ to: base.units[1]!.id }), new: expect.objectContaining({ to: base.units[0]!.id }) },
    ])
    expect(d.same).toBe(false)
  })

  it('reports a changed conclusion and the role changes', () => {
    const d = diffMaps(base, edit((u) => {
      u[0]![1] = 'claim'
      u[1]![1] = 'conclusion'
    }))
    expect(d.headlines.conclusion).toEqual({ status: 'changed', old: [base.units[0]!.id], new: [base.units[1]!.id] })
    expect(d.summary.roleChanged).toBe(2)
    expect(d.units[1]!.role).toEqual({ from: 'claim', to: 'conclusion' })
  })

  it('reports a reworded conclusion as reworded, not changed', () => {
    const d = diffMaps(base, edit((u) => (u[0]![0] = 'We should raise the national minimum wage.')))
    expect(d.headlines.conclusion.status).toBe('reworded')
    expect(diffMaps(base, edit((u) => (u[0]![0] = 'We should raise the national minimum wage.')), { ignoreRewording: true }).headlines.conclusion.status).toBe('same')
  })

  it('reports a moved paragraph as a move, without role changes', () => {
    const moved = makeMap([BASE[0]!, [BASE[4]![0], 'premise', 1], [BASE[5]![0], 'none', 1], [BASE[1]![0], 'claim', 2], [BASE[2]![0], 'premise', 2], [BASE[3]![0], 'premise', 2]],
      [[3, 0, 'support'], [4, 3, 'support'], [5, 3, 'support'], [1, 0, 'attack']])
    const d = diffMaps(base, moved)
    expect(d.same).toBe(false)
    expect(d.summary).toMatchObject({ moved: 2, roleChanged: 0, added: 0, removed: 0, reworded: 0 })
    expect(d.paragraphs.moved).toEqual([{ from: 2, to: 1, units: 2 }])
    expect(changed(d)).toEqual([])
  })

  it('reports a sentence moved to another paragraph as a paragraph move', () => {
    const d = diffMaps(base, makeMap([BASE[0]!, BASE[1]!, BASE[3]!, BASE[4]!, [BASE[2]![0], 'premise', 2], BASE[5]!], RELS.map(([f, t, ty]) => [f === 2 ? 4 : f === 3 ? 2 : f === 4 ? 3 : f, t, ty] as RelSpec)))
    const moved = d.units.filter((c) => c.moved)
    expect(moved).toHaveLength(1)
    expect(moved[0]!.moved).toEqual({ kind: 'paragraph', from: 1, to: 2 })
    expect(d.paragraphs.moved).toEqual([])
  })

  it('reports a sentence reordered inside its paragraph', () => {
    const d = diffMaps(base, makeMap([BASE[0]!, BASE[1]!, BASE[3]!, BASE[2]!, BASE[4]!, BASE[5]!], RELS.map(([f, t, ty]) => [f === 2 ? 3 : f === 3 ? 2 : f, t, ty] as RelSpec)))
    expect(d.units.filter((c) => c.moved).map((c) => c.moved)).toEqual([{ kind: 'order', from: 1, to: 1 }])
    expect(d.paragraphs.moved).toEqual([])
    expect(formatTerminal(d)).toContain('moved within its paragraph')
  })

  it('reports large confidence changes only', () => {
    const d = diffMaps(base, edit((u) => {
      u[2]![3] = 0.4
      u[3]![3] = 0.7
    }))
    expect(d.summary.confidenceChanged).toBe(1)
    expect(d.units[2]!.confidence).toEqual({ from: 0.8, to: 0.4 })
    expect(d.same).toBe(true) // confidence is not structure
  })

  it('is deterministic', () => {
    const next = edit((u) => (u[2]![0] = 'Studies show most low-paid workers support kids.'))
    expect(JSON.stringify(diffMaps(base, next))).toBe(JSON.stringify(diffMaps(base, next)))
  })
})

describe('diffMaps paragraphs', () => {
  it('does not report units as moved when a paragraph is inserted before them', () => {
    const shifted = makeMap(
      [BASE[0]!, ['A new paragraph of background that argues nothing.', 'none', 1], ...BASE.slice(1).map(([t, r, p]) => [t, r, p + 1] as UnitSpec)],
      RELS.map(([f, t, ty]) => [f === 0 ? 0 : f + 1, t === 0 ? 0 : t + 1, ty] as RelSpec),
    )
    const d = diffMaps(base, shifted)
    expect(d.summary).toMatchObject({ added: 1, moved: 0, removed: 0 })
    expect(d.paragraphs.moved).toEqual([])
  })
})

describe('report formats', () => {
  const next = edit((u, r) => {
    u[2]![0] = 'Studies show that most low-paid workers are raising children.'
    u.splice(5, 1)
    r[1]![2] = 'attack'
  })
  const d = diffMaps(base, next)

  it('terminal: headlines first, plain word diff without colour, ANSI with it', () => {
    const plain = formatTerminal(d)
    expect(plain.indexOf('Headlines')).toBeLessThan(plain.indexOf('Units'))
    expect(plain).toContain('[-support-]{+are raising+}')
    expect(plain).not.toMatch(/\x1b\[/)
    const colour = formatTerminal(d, { color: true })
    expect(colour).toMatch(/\x1b\[31;9msupport/)
    expect(colour).not.toContain('[-support-]')
  })

  it('markdown: tables and a Mermaid graph whose styles point at real edges and nodes', () => {
    const md = formatMarkdown(d)
    expect(md).toMatch(/^## Argument diff: `doc\.md` → `doc\.md`/)
    const graph = md.slice(md.indexOf('```mermaid\n') + 11, md.lastIndexOf('```'))
    const lines = graph.trim().split('\n').map((l) => l.trim())
    expect(lines[0]).toBe('flowchart BT')
    const nodes = new Set(lines.filter((l) => /^[nr]\d+[[(]/.test(l)).map((l) => l.match(/^[nr]\d+/)![0]))
    const edges = lines.filter((l) => /^[nr]\d+ (-->|--x|-\.->|-\.-x) [nr]\d+$/.test(l))
    expect(nodes.size).toBe(5) // the five argumentative units; the removed unit was `none`, so it is not drawn
    expect(edges).toHaveLength(4)
    for (const e of edges) for (const n of e.split(/ \S+ /)) expect(nodes.has(n)).toBe(true)
    const styled = lines.filter((l) => l.startsWith('linkStyle')).map((l) => Number(l.split(' ')[1]))
    expect(styled.every((i) => i < edges.length)).toBe(true)
    expect(lines).toContain('n2 --x n1') // the flipped relation, drawn as an attack
    expect(lines.some((l) => /^n2\[.*\]:::changed$/.test(l))).toBe(true)
  })
})

