import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffCommand } from '../src/cli/commands/diff.js'
import { documentCommand } from '../src/cli/commands/single-file.js'
import { reviewedMapOf } from '../src/cli/commands/reviewed.js'
import { readReviewed } from '../src/cli/commands/read.js'
import { annotate } from '../src/emit/annotated.js'
import { formats } from '../src/emit/index.js'
import { analyze } from '../src/pipeline.js'
import { captureIo, opEdPath, tempDir } from './helpers.js'

/** Issue 16 #5: `map`, its exports, `read` and `diff` (files, directories, --git) apply the sidecar; --no-review does not. */
const STANDS = 'China stands to lose in both.'
const CONCLUSION = 'anxious-to-assert-its-regional-9cffc3'
const sidecar = `${JSON.stringify(
  {
    schema: 'argmap-review/1',
    source: 'op-ed.md',
    corrections: [
      {
        id: 'china-stands-to-lose-in-e8f7d5',
        text: STANDS,
        role: 'premise',
        relation: { type: 'attack', to: CONCLUSION, toText: 'x' },
        machine: { role: 'claim', relation: null },
      },
    ],
  },
  null,
  2,
)}\n`

function setup(withSidecar = true): string {
  const dir = tempDir('argmap-everywhere-')
  mkdirSync(join(dir, 'corpus'))
  copyFileSync(opEdPath, join(dir, 'corpus/op-ed.md'))
  if (withSidecar) writeFileSync(join(dir, 'corpus/op-ed.review.json'), sidecar)
  return dir
}

const text = readFileSync(opEdPath, 'utf8')
const stands = (json: string) => JSON.parse(json).units.find((u: { text: string }) => u.text === STANDS)

describe('corrections everywhere', () => {
  it('map (json and every export) applies the sidecar; --no-review shows the machine', () => {
    const dir = setup()
    const io = captureIo(dir)
    expect(documentCommand(join(dir, 'corpus/op-ed.md'), io, undefined, (t, p, s) => formats.json(reviewedMapOf(io, true)(t, p, s)))).toBe(0)
    expect(stands(io.out())).toMatchObject({ role: 'premise', reviewed: true })
    const machine = captureIo(dir)
    documentCommand(join(dir, 'corpus/op-ed.md'), machine, undefined, (t, p, s) => formats.json(reviewedMapOf(machine, false)(t, p, s)))
    expect(stands(machine.out()).role).toBe('claim')
    for (const f of ['outline', 'argdown', 'mermaid', 'aif'] as const) {
      const on = captureIo(dir)
      const off = captureIo(dir)
      documentCommand(join(dir, 'corpus/op-ed.md'), on, undefined, (t, p, s) => formats[f](reviewedMapOf(on, true)(t, p, s)))
      documentCommand(join(dir, 'corpus/op-ed.md'), off, undefined, (t, p, s) => formats[f](reviewedMapOf(off, false)(t, p, s)))
      expect(on.out(), f).not.toBe(off.out())
    }
  })

  it('read applies the sidecar beside the source the annotated file names', () => {
    const dir = setup()
    const annotated = annotate(text, analyze(text, { path: 'corpus/op-ed.md' }))
    const io = captureIo(dir)
    const map = readReviewed(annotated, 'out/op-ed.annotated.md', io, true)
    expect(map.units.find((u) => u.text === STANDS)).toMatchObject({ role: 'premise', reviewed: true })
    expect(readReviewed(annotated, 'out/op-ed.annotated.md', io, false).units.find((u) => u.text === STANDS)!.role).toBe('claim')
  })

  it('diff of two files and two directories: a review added between them shows; --no-review hides it', async () => {
    const dir = setup(false)
    mkdirSync(join(dir, 'new'))
    copyFileSync(opEdPath, join(dir, 'new/op-ed.md'))
    writeFileSync(join(dir, 'new/op-ed.review.json'), sidecar)
    for (const [a, b] of [['corpus/op-ed.md', 'new/op-ed.md'], ['corpus', 'new']]) {
      const io = captureIo(dir)
      expect(await diffCommand({ old: a, new: b, format: 'json' }, io), `${a} ${b}`).toBe(1)
      expect(io.out()).toContain('"roleChanged": 1')
      expect(await diffCommand({ old: a, new: b, format: 'json', review: false }, captureIo(dir))).toBe(0)
    }
    // the report marks the changes that touch reviewed units
    const io = captureIo(dir)
    await diffCommand({ old: 'corpus/op-ed.md', new: 'new/op-ed.md', color: false }, io)
    expect(io.out()).toMatch(/role claim → premise .*· reviewed \(new\)/)
  })

  it('diff --git applies the sidecar as it was at each revision', async () => {
    const dir = setup(false)
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: dir, stdio: 'pipe' })
    git('init', '-q')
    git('add', '.')
    git('commit', '-qm', 'one')
    writeFileSync(join(dir, 'corpus/op-ed.review.json'), sidecar)
    git('add', '.')
    git('commit', '-qm', 'reviewed')
    const io = captureIo(dir)
    expect(await diffCommand({ old: 'corpus/op-ed.md', git: 'HEAD~1..HEAD', format: 'json' }, io)).toBe(1)
    expect(io.out()).toContain('"roleChanged": 1')
    expect(await diffCommand({ old: 'corpus/op-ed.md', git: 'HEAD', format: 'json' }, captureIo(dir))).toBe(0)
  })
})

describe('issue 16 #6: diff of directories follows symlinks (git difftool -d)', () => {
  it('a symlinked file is the file, not a removal', async () => {
    const dir = setup(false)
    mkdirSync(join(dir, 'links'))
    symlinkSync(join(dir, 'corpus/op-ed.md'), join(dir, 'links/op-ed.md'))
    const io = captureIo(dir)
    expect(await diffCommand({ old: 'corpus', new: 'links', format: 'json' }, io)).toBe(0)
    expect(JSON.parse(io.out()).files.map((f: { status: string; new: string }) => [f.status, f.new])).toEqual([['same', 'op-ed.md']])
  })
})
