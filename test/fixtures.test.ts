import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import { toJSON } from '../src/emit/json.js'
import { validateMap } from '../src/model/schema.js'
import { checkForest } from '../src/model/forest.js'
import { analyze } from '../src/pipeline.js'
import { readAnnotated } from '../src/read/read.js'
import { strip } from '../src/read/strip.js'
import { repoRoot } from './helpers.js'

/**
 * Golden fixture folders: test/fixtures/<case>/ holds input.md (or a
 * config.json naming the input), map.json and annotated.md. Missing goldens
 * are written; UPDATE=1 rewrites them.
 */
const fixtures = join(repoRoot, 'test/fixtures')
const cases = readdirSync(fixtures).filter((c) => existsSync(join(fixtures, c, 'input.md')) || existsSync(join(fixtures, c, 'config.json')))

function golden(file: string, actual: string): void {
  if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, actual)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

describe.each(cases)('fixture %s', (name) => {
  const dir = join(fixtures, name)
  const config = existsSync(join(dir, 'config.json')) ? (JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as { input?: string }) : {}
  const inputPath = resolve(dir, config.input ?? 'input.md')
  const source = readFileSync(inputPath, 'utf8')
  const map = analyze(source, { path: `${name}.md` })
  const annotated = annotate(source, map)

  it('matches the golden map and annotated markdown', () => {
    golden(join(dir, 'map.json'), toJSON(map))
    golden(join(dir, 'annotated.md'), annotated)
  })

  it('keeps positions sacred: every unit slices to its text, in order, no overlap', () => {
    let last = 0
    for (const u of map.units) {
      expect(source.slice(u.start.offset, u.end.offset)).toBe(u.text)
      expect(u.start.offset).toBeGreaterThanOrEqual(last)
      expect(u.end.offset).toBeGreaterThan(u.start.offset)
      last = u.end.offset
    }
  })

  it('is schema-valid and a forest', () => {
    expect(validateMap(map)).toEqual([])
    expect(checkForest(map.units, map.relations)).toEqual([])
  })

  it('strips back to the original bytes and reads back to the same map', () => {
    expect(strip(annotated)).toBe(source)
    expect(readAnnotated(annotated, `${name}.md`)).toEqual(map)
  })

  it('is deterministic', () => {
    expect(toJSON(analyze(source, { path: `${name}.md` }))).toBe(toJSON(map))
  })
})
