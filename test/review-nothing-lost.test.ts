import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reviewAccept } from '../src/cli/commands/review.js'
import { runCommand } from '../src/cli/commands/run.js'
import { captureIo, opEdPath, tempDir } from './helpers.js'

/** Issue 16 #4: a run never overwrites an annotated file holding edits that were never accepted. */
const env = { by: () => 'R', now: () => new Date('2026-05-06T07:08:09Z') }
const FILE = 'out/op-ed.annotated.md'

function setup(): string {
  const dir = tempDir('argmap-lost-')
  mkdirSync(join(dir, 'corpus'))
  copyFileSync(opEdPath, join(dir, 'corpus/op-ed.md'))
  expect(runCommand({ paths: ['corpus'], out: 'out' }, captureIo(dir))).toBe(0)
  return dir
}

const editRole = (dir: string): string => {
  const path = join(dir, FILE)
  const edited = readFileSync(path, 'utf8').replace(':claim[China stands to lose in both.]', ':premise[China stands to lose in both.]')
  writeFileSync(path, edited)
  return edited
}

describe('nothing lost', () => {
  it('run refuses (exit 1, naming the file, leaving it as is); --check names it; accept, then run, goes through', () => {
    const dir = setup()
    // an unchanged run with no edits is fine and rewrites nothing
    expect(runCommand({ paths: ['corpus'], out: 'out' }, captureIo(dir))).toBe(0)
    const edited = editRole(dir)
    // the source changes too, so the run would rewrite the annotated file
    writeFileSync(join(dir, 'corpus/op-ed.md'), `${readFileSync(join(dir, 'corpus/op-ed.md'), 'utf8')}\nOne more sentence here.\n`)
    const check = captureIo(dir)
    expect(runCommand({ paths: ['corpus'], out: 'out', check: true }, check)).toBe(1)
    expect(check.err()).toMatch(/holding edits never accepted .*\n  out\/op-ed\.annotated\.md\n/)
    const io = captureIo(dir)
    expect(runCommand({ paths: ['corpus'], out: 'out' }, io)).toBe(1)
    expect(io.err()).toContain('out/op-ed.annotated.md: holds edits that were never accepted, so it was not overwritten')
    expect(readFileSync(join(dir, FILE), 'utf8')).toBe(edited)
    // record them; the next run applies them and overwrites nothing of the reviewer's
    expect(reviewAccept({ file: FILE }, captureIo(dir), env)).toBe(0)
    expect(runCommand({ paths: ['corpus'], out: 'out' }, captureIo(dir))).toBe(0)
    const map = JSON.parse(readFileSync(join(dir, 'out/op-ed.argmap.json'), 'utf8'))
    expect(map.units.find((u: { text: string }) => u.text === 'China stands to lose in both.')).toMatchObject({ role: 'premise', reviewed: true })
  })

  it('--discard-edits overwrites them', () => {
    const dir = setup()
    const edited = editRole(dir)
    expect(runCommand({ paths: ['corpus'], out: 'out', discardEdits: true }, captureIo(dir))).toBe(0)
    expect(readFileSync(join(dir, FILE), 'utf8')).not.toBe(edited)
    expect(readFileSync(join(dir, FILE), 'utf8')).toContain(':claim[China stands to lose in both.]')
  })

  it('a typo that accept would refuse counts as an edit to keep', () => {
    const dir = setup()
    const path = join(dir, FILE)
    writeFileSync(path, readFileSync(path, 'utf8').replace(':claim[China stands to lose in both.]', ':clam[China stands to lose in both.]'))
    const io = captureIo(dir)
    expect(runCommand({ paths: ['corpus'], out: 'out' }, io)).toBe(1)
    expect(io.err()).toContain('out/op-ed.annotated.md: holds edits that were never accepted')
  })
})
