import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { segment } from '../src/segment/index.js'
import { hasShared, sharedDir } from './env.js'

const root = resolve(import.meta.dirname, '..')
const shared = resolve(sharedDir, 'segmentation')

interface Expected {
  sentences: Array<{ start: number; end: number; text: string }>
}

function load(name: string): Expected {
  return JSON.parse(readFileSync(resolve(shared, name), 'utf8')) as Expected
}

describe.skipIf(!hasShared)('sentence segmentation against hand-checked boundaries (../shared/segmentation)', () => {
  it('hard cases: every sentence span exactly', () => {
    const source = readFileSync(resolve(shared, 'hard-cases.md'), 'utf8')
    const got = segment(source, { clauses: false }).map((s) => ({ start: s.start, end: s.end, text: s.text }))
    expect(got).toEqual(load('hard-cases.sentences.json').sentences)
  })

  it('op-ed: every sentence span exactly (offsets shifted by the added "# ")', () => {
    const source = readFileSync(resolve(root, 'corpus/china-north-korea.md'), 'utf8')
    const original = readFileSync(resolve(sharedDir, 'corpus/000_bda9ebc7a707ab4e.txt'), 'utf8')
    const titleAt = original.indexOf('In fear of being left behind')
    const expected = load('op-ed.sentences.json').sentences.map((s) => {
      const d = s.start >= titleAt ? 2 : 0
      return { start: s.start + d, end: s.end + d, text: s.text }
    })
    const got = segment(source, { clauses: false }).map((s) => ({ start: s.start, end: s.end, text: s.text }))
    expect(got).toEqual(expected)
  })
})

describe('sentence segmentation', () => {
  it('every segment slices to its text, in order, without overlap', () => {
    const source = readFileSync(resolve(root, 'corpus/china-north-korea.md'), 'utf8')
    let last = 0
    for (const s of segment(source)) {
      expect(source.slice(s.start, s.end)).toBe(s.text)
      expect(s.start).toBeGreaterThanOrEqual(last)
      last = s.end
    }
  })
})
