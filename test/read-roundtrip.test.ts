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

  it('gives back the same map for a long document (the op-ed repeated 12 times)', () => {
    // 12 copies, each under its own heading: over 500 units and ids that repeat (the -2, -3... suffixes).
    const source = Array.from({ length: 12 }, (_, i) => `# Copy ${i + 1}\n\n${opEd}`).join('\n')
    const map = analyze(source, { path: 'twelve.md' })
    expect(map.units.length).toBeGreaterThan(500)
    const annotated = annotate(source, map)
    expect(strip(annotated)).toBe(source)
    expect(readAnnotated(annotated)).toEqual(map)
  })
})
