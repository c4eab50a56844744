// Resource limits past the nesting guard (issue 19 items 4, 6, 14): footnotes, emphasis runs, link brackets and
// tables give one clear exit-1 error, the same whatever --jobs, instead of a stack overflow, a hang or an
// out-of-memory crash. (The same outcome with one worker and two: test/adversarial.test.ts runs these files both ways.)
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkResources, inlineNesting, MAX_INLINE_NESTING, nestingDepth, tableCells } from '../src/io/limits.js'
import { parseMarkdown } from '../src/parse/index.js'
import { repoRoot, tempDir } from './helpers.js'

const bin = join(repoRoot, 'dist/cli/bin.js')
const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 })

const HOSTILE: Record<string, string> = {
  'footnote-list': `A note.[^1]\n\n[^1]: ${'- '.repeat(4000)}x\n`,
  'footnote-quote': `[^1]\n\n[^1]: ${'> '.repeat(4000)}x\n`,
  'stars': `${'*'.repeat(4000)}a${'*'.repeat(4000)}\n`,
  'words-in-stars': `${'*a '.repeat(4000)}b${' c*'.repeat(4000)}\n`,
  'strike-stars': `${'*~~'.repeat(2000)}a${'~~*'.repeat(2000)}\n`,
  'brackets': `${'[a '.repeat(20000)}x${']'.repeat(20000)}\n`,
}

describe('limits past container nesting', () => {
  it('counts a footnote definition as a container', () => {
    expect(nestingDepth('[^1]: - - x\n')).toBe(3)
    expect(nestingDepth('[^note-1]: > > x\n')).toBe(3)
    expect(nestingDepth('[^1] is not a definition - - x\n')).toBe(0)
    expect(nestingDepth('[x]: - a link definition\n')).toBe(0)
  })

  it('estimates inline nesting per paragraph, over real emphasis and brackets', () => {
    expect(inlineNesting('*a* **b** _c_ ~~d~~ [e](f) [g]\n')).toEqual({ emphasis: 2, brackets: 1 })
    expect(inlineNesting('***a*** 2 * 3 * 4 snake_case_name a*b*c\n').emphasis).toBe(3)
    expect(inlineNesting(`${'*a '.repeat(300)}\n\nnext paragraph *b*\n`).emphasis).toBe(300)
    expect(inlineNesting(`${'[a '.repeat(5)}\n\n[b\n`).brackets).toBe(5)
    expect(inlineNesting('```\n' + '[[[['.repeat(100) + '\n```\n[a]\n').brackets).toBe(1)
    // At the limit: accepted, and parsed quickly.
    const edge = `${'*'.repeat(MAX_INLINE_NESTING)}a${'*'.repeat(MAX_INLINE_NESTING)}\n`
    expect(checkResources(edge, 4e9)).toBeNull()
    parseMarkdown(edge)
  })

  it('counts table cells with content', () => {
    expect(tableCells('| a | b |\n|---|:-:|\n| x | |\n\nno pipes\n')).toBe(3)
    expect(tableCells('a | b\n')).toBe(2)
  })

  it('refuses a 4 MB table that would not fit in memory (the estimate counts cells)', () => {
    const table = `|a|b|\n|-|-|\n${'|x y|z w|\n'.repeat(400_000)}`
    const limit = checkResources(table, 4.3e9)
    expect(limit?.code).toBe('too-large')
    expect(limit?.problem).toMatch(/^too large to map in memory: about \d+ sentences and table cells need about [\d.]+ GB/)
  })

  it('map and run refuse a 4 MB table at once with the documented error (it died at the heap limit after 102 s)', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'table.md'), `|a|b|\n|-|-|\n${'|x y|z w|\n'.repeat(400_000)}`)
    const map = cli(['map', 'table.md'], dir)
    expect(map.status).toBe(1)
    expect(map.stderr).toMatch(/^argmap: table\.md: too large to map in memory: about \d+ sentences and table cells need about/)
    const run = cli(['run', 'table.md', '--out', 'out', '--jobs', '2'], dir)
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(/too large to map in memory/)
  })

  it.each(Object.keys(HOSTILE))('%s: map exits 1 with the limit, quickly', (name) => {
    const dir = tempDir()
    writeFileSync(join(dir, `${name}.md`), HOSTILE[name]!)
    const t = Date.now()
    const r = cli(['map', `${name}.md`], dir)
    expect(r.status, r.stderr).toBe(1)
    expect(r.stderr).toMatch(new RegExp(`^argmap: ${name}\\.md: (block quotes or lists nested more than 256|emphasis nested more than 256|more than 256 unclosed \`\\[\`)`))
    expect(r.stdout).toBe('')
    expect(Date.now() - t).toBeLessThan(5000)
  })
})
