import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diffCommand, type DiffArgs } from '../src/cli/commands/diff.js'
import { parseRange } from '../src/diff/load.js'
import type { ArgumentDiff } from '../src/diff/types.js'
import { analyze } from '../src/pipeline.js'
import { withDefaultModel } from './helpers.js'

const ROOT = resolve(import.meta.dirname, '..')
const OPED = readFileSync(join(ROOT, 'corpus/china-north-korea.md'), 'utf8')
const REWORD: [string, string] = ['Yet this preoccupation on Eurasia could have given', 'Yet this preoccupation with Eurasia may have given']
const HOWEVER: [string, string] = ['Faced with two possibilities, China risked', 'However, faced with two possibilities, China risked']

async function run(args: DiffArgs, cwd: string, isTTY = false) {
  let out = ''
  let err = ''
  const code = await diffCommand(args, { cwd, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) }, isTTY })
  return { code, out, err }
}

let tmp: string
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'argmap-diff-'))
})
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe('the README', () => {
  it('shows what `argmap diff` prints for its worked example', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const command = '$ argmap diff corpus/china-north-korea.md test/fixtures/diff/edited/new.md; echo "exit $?"\n'
    const start = readme.indexOf(command)
    expect(start).toBeGreaterThan(0)
    const shown = readme.slice(start + command.length, readme.indexOf('```', start))
    // The README shows what a user gets: the default model.
    const { code, out } = await withDefaultModel(() => run({ old: 'corpus/china-north-korea.md', new: 'test/fixtures/diff/edited/new.md' }, ROOT))
    expect(shown).toBe(`${out}exit ${code}\n`)
  })
})

describe('argmap diff inputs and exit codes', () => {
  it('reads .argmap.json maps and gives the same diff as the markdown', async () => {
    const edited = OPED.replace(...REWORD)
    writeFileSync(join(tmp, 'a.md'), OPED)
    writeFileSync(join(tmp, 'b.md'), edited)
    writeFileSync(join(tmp, 'a.argmap.json'), JSON.stringify(analyze(OPED, { path: 'a.md' })))
    writeFileSync(join(tmp, 'b.argmap.json'), JSON.stringify(analyze(edited, { path: 'b.md' })))
    const fromMd = JSON.parse((await run({ old: 'a.md', new: 'b.md', format: 'json' }, tmp)).out) as ArgumentDiff
    const fromJson = JSON.parse((await run({ old: 'a.argmap.json', new: 'b.argmap.json', format: 'json' }, tmp)).out) as ArgumentDiff
    expect(fromJson.units).toEqual(fromMd.units)
    expect(fromJson.relations).toEqual(fromMd.relations)
    expect(fromJson.summary.reworded).toBe(1)
  })

  it('--quiet prints nothing and keeps the exit code', async () => {
    writeFileSync(join(tmp, 'q1.md'), OPED)
    writeFileSync(join(tmp, 'q2.md'), OPED.replace(...HOWEVER))
    expect(await run({ old: 'q1.md', new: 'q2.md', quiet: true }, tmp)).toEqual({ code: 1, out: '', err: '' })
    expect(await run({ old: 'q1.md', new: 'q1.md', quiet: true }, tmp)).toEqual({ code: 0, out: '', err: '' })
  })

  it('colours on a terminal, not otherwise, and --no-color wins', async () => {
    const args = { old: 'q1.md', new: 'q2.md' }
    const esc = /\x1b\[/
    expect((await run(args, tmp, true)).out).toMatch(esc)
    expect((await run(args, tmp, false)).out).not.toMatch(esc)
    expect((await run({ ...args, color: false }, tmp, true)).out).not.toMatch(esc)
    expect((await run({ ...args, color: true }, tmp, false)).out).toMatch(esc)
  })

  it('reads one side from standard input with -', async () => {
    let out = ''
    const code = await diffCommand(
      { old: '-', new: 'q2.md' },
      { cwd: tmp, stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, stdin: () => Buffer.from(OPED) },
    )
    expect(code).toBe(1)
    expect(out).toContain('argmap diff - → q2.md')
  })

  it('FILE DIR compares FILE with DIR/FILE, like diff(1)', async () => {
    mkdirSync(join(tmp, 'dir'), { recursive: true })
    writeFileSync(join(tmp, 'dir/q1.md'), OPED)
    const r = await run({ old: 'q1.md', new: 'dir' }, tmp)
    expect(r.code).toBe(0)
    expect(r.out).toContain('q1.md → dir/q1.md')
  })

  it('exits 2 with a message naming the file on bad input', async () => {
    const missing = await run({ old: 'q1.md', new: 'nope.md' }, tmp)
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/^argmap diff: nope\.md: no such file/)
    writeFileSync(join(tmp, 'bad.argmap.json'), '{"schema": "argmap/1", "units": ')
    const bad = await run({ old: 'bad.argmap.json', new: 'a.argmap.json' }, tmp)
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/bad\.argmap\.json: invalid JSON/)
    writeFileSync(join(tmp, 'other.json'), '{"schema": "something/2"}')
    expect((await run({ old: 'other.json', new: 'a.argmap.json' }, tmp)).err).toMatch(/other\.json: not an argument map/)
    const mixed = await run({ old: 'dir', new: 'q1.md' }, tmp)
    expect(mixed.code).toBe(2)
    expect(mixed.err).toMatch(/dir: is a directory/)
    expect((await run({ old: 'q1.md' }, tmp)).code).toBe(2)
    expect((await run({ git: 'HEAD' }, tmp)).err).toMatch(/--git needs a PATH/)
  })
})

describe('argmap diff --git', () => {
  let repo: string
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'pipe' }).toString()
  beforeAll(() => {
    repo = join(tmp, 'repo')
    mkdirSync(join(repo, 'docs/sub'), { recursive: true })
    git('init', '-q')
    git('config', 'user.email', 'test@example.com')
    git('config', 'user.name', 'Test')
    git('config', 'commit.gpgsign', 'false')
    writeFileSync(join(repo, 'docs/op-ed.md'), OPED)
    git('add', '.')
    git('commit', '-q', '-m', 'first')
    writeFileSync(join(repo, 'docs/op-ed.md'), OPED.replace(...REWORD))
    git('commit', '-q', '-am', 'reword')
    writeFileSync(join(repo, 'docs/op-ed.md'), OPED.replace(...REWORD).replace(...HOWEVER)) // uncommitted
  })

  it('REV..REV compares two revisions, from a path relative to a subdirectory', async () => {
    const r = await run({ git: 'HEAD~1..HEAD', path: '../op-ed.md', format: 'json' }, join(repo, 'docs/sub'))
    expect(r.err).toBe('')
    expect(r.code).toBe(1)
    const d = JSON.parse(r.out) as ArgumentDiff
    expect(d.old.path).toBe('HEAD~1:docs/op-ed.md')
    expect(d.new.path).toBe('HEAD:docs/op-ed.md')
    expect(d.summary).toMatchObject({ reworded: 1, added: 0, removed: 0 })
    expect(d.relations.every((x) => x.status === 'unchanged')).toBe(true)
  })

  it('REV alone compares that revision with the working tree', async () => {
    const r = await run({ git: 'HEAD', path: 'docs/op-ed.md' }, repo)
    expect(r.code).toBe(1)
    expect(r.out).toContain('argmap diff HEAD:docs/op-ed.md → docs/op-ed.md')
    expect(r.out).toMatch(/support → attack/)
    const same = await run({ git: 'HEAD~1..HEAD', path: 'docs/op-ed.md', ignoreRewording: true }, repo)
    expect(same.code).toBe(0)
  })

  it('a directory at two revisions', async () => {
    const r = await run({ git: 'HEAD~1..HEAD', path: 'docs', format: 'json' }, repo)
    expect(r.err).toBe('')
    const d = JSON.parse(r.out)
    expect(d.files.map((f: { status: string; new: string }) => [f.status, f.new])).toEqual([['changed', 'op-ed.md']])
  })

  it('names the file when git cannot read it', async () => {
    const r = await run({ git: 'HEAD~5', path: 'docs/op-ed.md' }, repo)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^argmap diff: HEAD~5:docs\/op-ed\.md: cannot read it from git/)
    const outside = await run({ git: 'HEAD', path: 'x.md' }, tmpdir())
    expect(outside.code).toBe(2)
  })

  it('parses revision ranges like git', () => {
    expect(parseRange('main')).toEqual({ old: 'main', new: null, mergeBase: false })
    expect(parseRange('a..b')).toEqual({ old: 'a', new: 'b', mergeBase: false })
    expect(parseRange('a..')).toEqual({ old: 'a', new: 'HEAD', mergeBase: false })
    expect(parseRange('main...topic')).toEqual({ old: 'main', new: 'topic', mergeBase: true })
  })
})
