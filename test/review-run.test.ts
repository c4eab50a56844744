import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reviewAccept } from '../src/cli/commands/review.js'
import { runCorpus } from '../src/engine/run.js'
import type { ArgumentMap } from '../src/model/types.js'
import { applyEdits } from './fixtures/review/edit.js'
import { captureIo, opEdPath, tempDir } from './helpers.js'

/** The whole loop through the real corpus run, in a temp checkout: run → edit → accept → run → reword → run. */
describe('review through argmap run', () => {
  it('a correction survives the run and a reword of its sentence; pages and index are written', () => {
    const dir = tempDir('argmap-review-run-')
    mkdirSync(join(dir, 'corpus'))
    copyFileSync(opEdPath, join(dir, 'corpus/op-ed.md'))
    const run = () => runCorpus({ paths: ['corpus'], cwd: dir, out: 'out' })
    const map = (): ArgumentMap => JSON.parse(readFileSync(join(dir, 'out/op-ed.argmap.json'), 'utf8'))
    expect(run().errors).toEqual([])
    for (const f of ['op-ed.html', 'index.html']) expect(readFileSync(join(dir, 'out', f), 'utf8')).toMatch(/^<!DOCTYPE html>/)

    const annotated = join(dir, 'out/op-ed.annotated.md')
    writeFileSync(annotated, applyEdits(readFileSync(annotated, 'utf8'), [{ kind: 'role', id: 'china-stands-to-lose-in-e8f7d5', role: 'premise' }]))
    expect(reviewAccept({ file: 'out/op-ed.annotated.md' }, captureIo(dir), { by: () => 'R', now: () => new Date(0) })).toBe(0)
    const first = run()
    expect(first.errors).toEqual([])
    expect(map().units.find((u) => u.id === 'china-stands-to-lose-in-e8f7d5')).toMatchObject({ role: 'premise', reviewed: true })
    expect(readFileSync(join(dir, 'out/op-ed.html'), 'utf8')).toMatch(/<span class="u r-premise reviewed" data-id="china-stands-to-lose-in-e8f7d5"/)
    expect(runCorpus({ paths: ['corpus'], cwd: dir, out: 'out', check: true }).stale).toEqual([])

    const src = join(dir, 'corpus/op-ed.md')
    writeFileSync(src, readFileSync(src, 'utf8').replace('China stands to lose in both.', 'China stands to lose in both cases.'))
    const second = run()
    expect(second.warnings).toEqual([expect.stringMatching(/^corpus\/op-ed\.review\.json: correction for china-stands-to-lose-in-e8f7d5 carried over to the reworded sentence "China stands to lose in both cases\."/)])
    expect(map().units.find((u) => u.text === 'China stands to lose in both cases.')).toMatchObject({ role: 'premise', reviewed: true, flagged: true })
  })

  it('a broken sidecar fails its document with a clear message and is left as is', () => {
    const dir = tempDir('argmap-review-run-')
    mkdirSync(join(dir, 'corpus'))
    copyFileSync(opEdPath, join(dir, 'corpus/op-ed.md'))
    writeFileSync(join(dir, 'corpus/op-ed.review.json'), '{"schema": "argmap-review/2", "corrections": []}')
    const r = runCorpus({ paths: ['corpus'], cwd: dir, out: 'out' })
    expect(r.errors).toEqual([
      { path: 'corpus/op-ed.md', message: 'corpus/op-ed.review.json: unknown review file version "argmap-review/2", expected "argmap-review/1" (a newer argmap may read it); the file was left as is' },
    ])
    expect(readFileSync(join(dir, 'corpus/op-ed.review.json'), 'utf8')).toBe('{"schema": "argmap-review/2", "corrections": []}')
  })
})
