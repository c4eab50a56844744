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
})
