import { describe, expect, it } from 'vitest'
import { alignById, alignUnits } from '../src/diff/align.js'
import { textSimilarity } from '../src/diff/similarity.js'

const u = (id: string, text: string) => ({ id, text })

describe('alignUnits', () => {
  it('matches identical ids first, then similar text, one-to-one', () => {
    const a = alignUnits(
      [u('a', 'The cat sat on the mat today.'), u('b', 'Dogs bark at the moon every night.'), u('c', 'Unrelated words here entirely.')],
      [u('b', 'Dogs bark at the moon every night.'), u('x', 'The cat sat on a mat today.'), u('y', 'The cat sat on the mat yesterday.')],
    )
    expect(a.pairs.map((p) => [p.old, p.new, p.identical])).toEqual([
      [1, 0, true],
      [0, 1, false],
    ])
    expect(a.oldToNew).toEqual([1, 0, -1])
    expect(a.newToOld).toEqual([1, 0, -1])
  })

  it('matches identical normalised text even when occurrence ids shifted', () => {
    const a = alignUnits([u('yes-1', 'Yes.'), u('no-1', 'No, *never*.')], [u('yes-2', 'Yes!'), u('no-9', 'No never')])
    expect(a.pairs.every((p) => p.identical && p.score === 1)).toBe(true)
  })

  it('ignores link targets and emphasis when comparing', () => {
    expect(textSimilarity('See [the report](https://example.com/a/b) for **details**.', 'See the report for details')).toBe(1)
  })

  it('rejects pairs below the threshold and follows a stricter threshold', () => {
    const old = [u('a', 'China stands to lose in both.')]
    const neu = [u('b', 'China would lose either way.')]
    expect(alignUnits(old, neu).pairs).toEqual([])
    expect(alignUnits(old, [u('c', 'China stands to lose in either case.')]).pairs).toHaveLength(1)
    expect(alignUnits(old, [u('c', 'China stands to lose in either case.')], { threshold: 0.9, slotThreshold: 0.9 }).pairs).toEqual([])
  })

  it('uses the gap between anchors for short rewordings', () => {
    // dice 0.46 here: accepted in the same gap, not elsewhere
    const old = [u('a', 'First anchor sentence stays.'), u('b', 'China stands to lose in both.'), u('c', 'Last anchor sentence stays.')]
    const inGap = [old[0]!, u('x', 'Either way, China is going to lose.'), old[2]!]
    expect(alignUnits(old, inGap).pairs.map((p) => [p.old, p.new])).toContainEqual([1, 1])
    const elsewhere = [u('x', 'Either way, China is going to lose.'), old[0]!, old[2]!]
    expect(alignUnits(old, elsewhere).pairs.map((p) => [p.old, p.new])).not.toContainEqual([1, 0])
  })

  it('gives each unit to its best match, deterministically', () => {
    const old = [u('a', 'alpha beta gamma delta epsilon'), u('b', 'alpha beta gamma delta zeta')]
    const neu = [u('x', 'alpha beta gamma delta zeta eta')]
    const a = alignUnits(old, neu)
    expect(a.pairs).toEqual([{ old: 1, new: 0, score: expect.any(Number), identical: false }])
  })

  it('alignById maps old ids to new ids', () => {
    const m = alignById([u('a', 'The cat sat on the mat today.')], [u('z', 'The cat sat on a mat today.')])
    expect(m.get('a')).toMatchObject({ id: 'z', identical: false })
  })

  it('stays fast on thousands of units (no all-pairs)', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`)
    const sentence = (i: number) => `the ${words[i % 3000]} of ${words[(i * 7) % 3000]} and ${words[(i * 13) % 3000]} is ${words[(i * 31) % 3000]} today.`
    const old = Array.from({ length: 2000 }, (_, i) => u(`o${i}`, sentence(i)))
    // every unit reworded (one word changed), so nothing matches by id
    const neu = old.map((x, i) => u(`n${i}`, x.text.replace('today', 'now')))
    const stats = { comparisons: 0 }
    const a = alignUnits(old, neu, { stats })
    expect(a.pairs).toHaveLength(2000)
    expect(a.pairs.every((p) => p.old === p.new)).toBe(true)
    // bounded candidates per unit: all pairs would be 4 million
    expect(stats.comparisons).toBeLessThan(2000 * 41)
    expect(stats.comparisons).toBeGreaterThanOrEqual(2000)
  })
})
