// Ids from outside (issue 19): an annotated file's mark ids, relation targets and data block, and maps given
// to `diff`, are checked against the schema's id grammar; a bad one is an error with its place, never repaired.
import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import { toJSON } from '../src/emit/json.js'
import { analyze } from '../src/pipeline.js'
import { AnnotatedError } from '../src/read/ids.js'
import { readAnnotated } from '../src/read/read.js'
import { opEdPath, repoRoot, tempDir } from './helpers.js'

const bin = join(repoRoot, 'dist/cli/bin.js')
const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 })

const source = readFileSync(opEdPath, 'utf8')
const map = analyze(source, { path: 'op-ed.md' })
const annotated = annotate(source, map)
const TARGET = 'anxious-to-assert-its-regional-9cffc3'

function place(text: string, e: unknown): string {
  expect(e).toBeInstanceOf(AnnotatedError)
  const { line, column } = e as AnnotatedError
  return text.split('\n')[line - 1]!.slice(column - 1, column + 40)
}

describe('ids in annotated files', () => {
  it('reads a file with valid ids as before', () => {
    expect(readAnnotated(annotated).units.map((u) => u.id)).toEqual(map.units.map((u) => u.id))
  })

  it.each([
    ['a target with a space ("Note 1" read as two targets)', `supports=${TARGET}}`, 'supports="Note 1"}', /invalid unit id "Note" in supports=/],
    ['an id with markup', '{#china-stands-to-lose-in-e8f7d5 ', '{id="x&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" ', /invalid unit id "x\\"><img src=x onerror=alert\(1\)>" in :claim/],
    ['an upper-case id', '{#china-stands-to-lose-in-e8f7d5 ', '{#China-Stands ', /invalid unit id "China-Stands"/],
  ])('refuses %s, at the mark', (_, from, to, message) => {
    expect(annotated).toContain(from)
    const bad = annotated.replace(from, to)
    let error: unknown
    try {
      readAnnotated(bad)
    } catch (e) {
      error = e
    }
    expect((error as Error)?.message).toMatch(message)
    expect(place(bad, error)).toMatch(/^:(claim|premise|conclusion)\[/)
  })

  it('refuses a bad id in the data block, at its line', () => {
    const bad = annotated.replace(/^(units:.*\r?\n)/m, '$1  Bad-Id 0.5\n')
    expect(bad).not.toBe(annotated)
    let error: unknown
    try {
      readAnnotated(bad)
    } catch (e) {
      error = e
    }
    expect(place(bad, error)).toMatch(/^Bad-Id 0\.5/)
  })

  it('argmap read exits 1 with PATH:LINE:COLUMN', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.annotated.md'), annotated.replace(`supports=${TARGET}}`, 'supports="Note 1"}'))
    const r = cli(['read', 'a.annotated.md'], dir)
    expect(r.status).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^argmap: a\.annotated\.md:\d+:\d+: invalid unit id "Note" in supports=; expected lower-case/)
  })
})

describe('ids in maps given to diff', () => {
  it.each(['Note 1', 'x"><img src=x onerror=alert(1)>', ''])('refuses a map with the id %j, naming the place', (id) => {
    const dir = tempDir()
    const json = JSON.parse(toJSON(map))
    json.units[1].id = id
    writeFileSync(join(dir, 'bad.argmap.json'), JSON.stringify(json))
    writeFileSync(join(dir, 'good.argmap.json'), toJSON(map))
    const r = cli(['diff', 'good.argmap.json', 'bad.argmap.json'], dir)
    expect(r.status).toBe(2)
    expect(r.stderr).toMatch(/bad\.argmap\.json: invalid argument map: \/units\/1\/id: must match pattern/)
  })
})

describe('relation targets in annotated files', () => {
  it('argmap read refuses a target that is no unit of the document, at the mark; the library reads it leniently', () => {
    const bad = annotated.replace(`supports=${TARGET}}`, 'supports=no-such-unit-000000}')
    expect(readAnnotated(bad).relations.some((r) => r.to === 'no-such-unit-000000')).toBe(true)
    let error: unknown
    try {
      readAnnotated(bad, undefined, { strict: true })
    } catch (e) {
      error = e
    }
    expect((error as Error)?.message).toMatch(/supports=no-such-unit-000000: no unit of this document has that id/)
    expect(place(bad, error)).toMatch(/^:(claim|premise|conclusion)\[/)
    const dir = tempDir()
    writeFileSync(join(dir, 'a.annotated.md'), bad)
    const r = cli(['read', 'a.annotated.md'], dir)
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/^argmap: a\.annotated\.md:\d+:\d+: supports=no-such-unit-000000: no unit/)
  })
})
