import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyze } from '../src/pipeline.js'
import { repoRoot } from './helpers.js'
import { pipelineProblems } from './robust-invariants.js'

/**
 * Inputs that once broke an invariant (found by the spec, real-world and
 * property tests, shrunk by hand or by fast-check): each file under
 * test/fixtures/robust/ must pass every end-to-end invariant. Files are read
 * as bytes decoded to UTF-16 exactly as the CLI does (no normalisation), so
 * CRLF, BOMs and odd characters stay as they are.
 */
const dir = join(repoRoot, 'test/fixtures/robust')
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.md'))
  .sort()

describe('robust fixtures (shrunk counterexamples)', () => {
  it('has fixtures', () => expect(files.length).toBeGreaterThan(0))

  it.each(files)('%s passes every invariant', (file) => {
    const source = readFileSync(join(dir, file), 'utf8')
    expect(pipelineProblems(source, { path: file }).problems).toEqual([])
  })

  it('maps the autolink literal after an escape onto its whole source text', () => {
    const source = readFileSync(join(dir, 'autolink-literal-after-escape.md'), 'utf8')
    expect(analyze(source).units.map((u) => u.text)).toEqual(['<foo\\+@bar.example.com>'])
  })
})
