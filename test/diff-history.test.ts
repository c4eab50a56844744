import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { expectation, judge, NO_MEANING, type PairReport, readHistory } from '../bench/diff-history.js'
import { diffMaps } from '../src/diff/diff.js'
import { analyze } from '../src/pipeline.js'
import { repoRoot } from './helpers.js'

/** Real edits of three Rust RFCs while under review (test/fixtures/rfc-history, MIT or Apache-2.0). */
const root = join(repoRoot, 'test/fixtures/rfc-history')

function pair(rfc: string, n: string): PairReport {
  const revisions = readHistory(join(root, rfc))
  const i = revisions.findIndex((r) => r.n === n)
  const [from, to] = [revisions[i - 1]!, revisions[i]!]
  const [a, b] = [readFileSync(from.file, 'utf8'), readFileSync(to.file, 'utf8')]
  return judge(rfc, from, to, a, b, diffMaps(analyze(a, { path: 'old.md' }), analyze(b, { path: 'new.md' })))
}

describe('argmap diff on real RFC edits', () => {
  it('classifies commit messages', () => {
    expect(NO_MEANING.test('fix: Typos')).toBe(true)
    expect(NO_MEANING.test('Increase heading level of all headings')).toBe(true)
    expect(NO_MEANING.test('styke: Formatting')).toBe(true)
    expect(expectation('fix: Add more prior art')).toBe('added')
    expect(expectation('fix: Remove a drawback as its future possibility')).toBe('removed')
    expect(expectation('refactor: Break up Rationale / Alts into smaller sections')).toBe('moved')
    expect(expectation('fix: Clarify dependency situation')).toBe('changed')
  })

  it.each([
    ['3502-cargo-script', '031', 'fix: Typo'],
    ['3503-frontmatter', '005', 'fix: Grammar'],
    ['3503-frontmatter', '015', 'fix: Remove redundant word'],
  ])('%s %s (%s): a reworded sentence, no change of role or relation', (rfc, n, message) => {
    const r = pair(rfc, n)
    expect(r.message).toBe(message)
    expect(r.expect).toBe('none')
    expect(r.units).toMatchObject({ added: 0, removed: 0, moved: 0 })
    expect(r.units.reworded).toBeGreaterThan(0)
    expect(r.roleChanged).toBe(0)
    expect(r.relationChanges).toBe(0)
  })

  it('heading levels raised throughout: no change at all', () => {
    const r = pair('3503-frontmatter', '061')
    expect(r.message).toBe('Increase heading level of all headings')
    expect(r.textChanged).toBe(true)
    expect(r.diff.same).toBe(true)
  })

  it('a new rationale section: units and relations added, the conclusion kept', () => {
    const r = pair('3503-frontmatter', '060')
    expect(r.message).toBe('feat(rationale): Step through why this needs to be in rustc')
    expect(r.units.added).toBeGreaterThan(10)
    expect(r.relationChanges).toBeGreaterThan(0)
    expect(r.matches).toBe(true)
    expect(r.conclusion).toBe('same')
  })
})
