import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import { analyze } from '../src/pipeline.js'
import { readAnnotated } from '../src/read/read.js'
import { strip } from '../src/read/strip.js'

const root = resolve(import.meta.dirname, '..')
const opEd = readFileSync(resolve(root, 'corpus/china-north-korea.md'), 'utf8')

describe('readAnnotated round trip through analyze()', () => {
  it('gives back the same map for the op-ed', () => {
    const map = analyze(opEd, { path: 'corpus/china-north-korea.md' })
    const annotated = annotate(opEd, map)
    expect(strip(annotated)).toBe(opEd)
    expect(readAnnotated(annotated)).toEqual(map)
  })

  it('gives back the same map when the trailer spans many chunks (the op-ed repeated 12 times)', () => {
    // 12 copies: over 500 units and 400 relations, so the trailer's lines
    // pass TextBuilder's chunk size several times (src/emit/trailer.ts).
    const source = Array.from({ length: 12 }, (_, i) => `# Copy ${i + 1}\n\n${opEd}`).join('\n')
    const map = analyze(source, { path: 'twelve.md' })
    expect(map.units.length).toBeGreaterThan(500)
    const annotated = annotate(source, map)
    expect(strip(annotated)).toBe(source)
    expect(readAnnotated(annotated)).toEqual(map)
  })
})
