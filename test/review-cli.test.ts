import { copyFileSync, mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reviewAccept, reviewStatus } from '../src/cli/commands/review.js'
import { annotate } from '../src/emit/annotated.js'
import { analyze } from '../src/pipeline.js'
import { applyEdits } from './fixtures/review/edit.js'
import { captureIo, opEdPath, tempDir } from './helpers.js'

const env = { by: () => 'Ada Reviewer', now: () => new Date('2026-05-06T07:08:09.123Z') }

/** A temp checkout: corpus/op-ed.md and out/op-ed.annotated.md with one reviewer edit. */
function setup(): string {
  const dir = tempDir('argmap-review-')
  mkdirSync(join(dir, 'corpus'))
  mkdirSync(join(dir, 'out'))
  copyFileSync(opEdPath, join(dir, 'corpus/op-ed.md'))
  const text = readFileSync(opEdPath, 'utf8')
  const annotated = annotate(text, analyze(text, { path: 'corpus/op-ed.md' }))
  writeFileSync(join(dir, 'out/op-ed.annotated.md'), applyEdits(annotated, [{ kind: 'role', id: 'china-stands-to-lose-in-e8f7d5', role: 'premise' }]))
  return dir
}

describe('argmap review accept', () => {
  it('writes the sidecar beside the source, naming who and when', () => {
    const dir = setup()
    const io = captureIo(dir)
    expect(reviewAccept({ file: 'out/op-ed.annotated.md' }, io, env)).toBe(0)
    expect(io.err()).toBe('')
    expect(io.out()).toMatch(/^corpus\/op-ed\.review\.json: 1 correction \(1 new or changed, 0 dropped, 0 orphaned kept\)\n  china-stands-to-lose-in-e8f7d5: claim\b.* → premise\b/)
    const sidecar = JSON.parse(readFileSync(join(dir, 'corpus/op-ed.review.json'), 'utf8'))
    expect(sidecar).toMatchObject({ schema: 'argmap-review/1', source: 'op-ed.md' })
    expect(sidecar.corrections).toMatchObject([{ id: 'china-stands-to-lose-in-e8f7d5', role: 'premise', by: 'Ada Reviewer', at: '2026-05-06T07:08:09Z' }])
    // accepting the same file again changes nothing, byte for byte
    const before = readFileSync(join(dir, 'corpus/op-ed.review.json'), 'utf8')
    expect(reviewAccept({ file: 'out/op-ed.annotated.md' }, captureIo(dir), { ...env, by: () => 'Someone Else' })).toBe(0)
    expect(readFileSync(join(dir, 'corpus/op-ed.review.json'), 'utf8')).toBe(before)
  })

  it('never overwrites a broken sidecar: clear error, exit 1, content kept', () => {
    const dir = setup()
    const broken = '{ "schema": "argmap-review/1", "corrections": [ {"id": "a", } ] }\n'
    writeFileSync(join(dir, 'corpus/op-ed.review.json'), broken)
    const io = captureIo(dir)
    expect(reviewAccept({ file: 'out/op-ed.annotated.md' }, io, env)).toBe(1)
    expect(io.err()).toMatch(/^argmap: corpus\/op-ed\.review\.json: invalid JSON at line 1, column \d+ .*it was left as is\nargmap: nothing was recorded; fix the review file and accept again\n$/)
    expect(readFileSync(join(dir, 'corpus/op-ed.review.json'), 'utf8')).toBe(broken)
  })

  it('refuses to drop malformed entries: exit 1 and the file is kept', () => {
    const dir = setup()
    const bad = JSON.stringify({ schema: 'argmap-review/1', source: 'op-ed.md', corrections: [{ id: 'x', text: 'y', role: 'thesis' }] })
    writeFileSync(join(dir, 'corpus/op-ed.review.json'), bad)
    const io = captureIo(dir)
    expect(reviewAccept({ file: 'out/op-ed.annotated.md' }, io, env)).toBe(1)
    expect(io.err()).toContain('argmap: corpus/op-ed.review.json: correction 1 (x): unknown role "thesis"')
    expect(readFileSync(join(dir, 'corpus/op-ed.review.json'), 'utf8')).toBe(bad)
  })

  it('reports a missing annotated file, and an annotated file without a source path', () => {
    const dir = setup()
    const io = captureIo(dir)
    expect(reviewAccept({ file: 'out/nope.annotated.md' }, io, env)).toBe(1)
    expect(io.err()).toBe('argmap: out/nope.annotated.md: no such file\n')
    const io2 = captureIo(dir, ':claim[Cats are better than dogs.]{#cats} Because they purr.\n')
    expect(reviewAccept({ file: '-' }, io2, env)).toBe(2)
    expect(io2.err()).toBe('argmap: -: the file does not say which source it was made from; pass --source PATH\n')
    expect(existsSync(join(dir, 'corpus/op-ed.review.json'))).toBe(false)
  })
})

describe('argmap review status', () => {
  it('prints reviewed, orphaned and flagged counts and the lowest-confidence unreviewed units', () => {
    const dir = setup()
    reviewAccept({ file: 'out/op-ed.annotated.md' }, captureIo(dir), env)
    // a second correction whose sentence is then deleted from the source: orphaned
    const path = join(dir, 'corpus/op-ed.review.json')
    const sidecar = JSON.parse(readFileSync(path, 'utf8'))
    sidecar.corrections.push({ id: 'gone-000000', text: 'A sentence the author deleted later.', role: 'claim', machine: null })
    writeFileSync(path, JSON.stringify(sidecar))
    const io = captureIo(dir)
    expect(reviewStatus({ paths: ['corpus'], limit: 3 }, io)).toBe(0)
    const lines = io.out().split('\n')
    expect(lines[0]).toMatch(/^corpus\/op-ed\.md: 1 of \d+ units reviewed; 2 corrections, 1 orphaned, 0 flagged, 0 invalid$/)
    expect(lines[1]).toBe('  lowest-confidence unreviewed units:')
    const confidences = lines.slice(2, 5).map((l) => Number(/^ {4}(\d\.\d\d) /.exec(l)![1]))
    expect(confidences).toEqual([...confidences].sort((a, b) => a - b))
    expect(lines[5]).toMatch(/^ {2}corpus\/op-ed\.review\.json: correction for gone-000000 is orphaned: /)
  })

  it('a broken sidecar fails that document with a clear message', () => {
    const dir = setup()
    writeFileSync(join(dir, 'corpus/op-ed.review.json'), '{"schema":"argmap-review/0","corrections":[]}')
    const io = captureIo(dir)
    expect(reviewStatus({ paths: ['corpus'] }, io)).toBe(1)
    expect(io.err()).toBe(
      'argmap: corpus/op-ed.review.json: unknown review file version "argmap-review/0", expected "argmap-review/1" (a newer argmap may read it); the file was left as is\n',
    )
  })
})
