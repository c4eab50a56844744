import { describe, expect, it } from 'vitest'
import { TextBuilder } from '../src/util/text-builder.js'

/** Pieces of every kind a document gives: empty, one-byte, two-byte (curly quotes, an emoji's surrogate pair). */
function pieces(n: number): string[] {
  const kinds = ['', 'plain ascii ', '“quoted”', ':claim[', ']{#id-1a2b3c supports=x}', '\n', 'emoji 😀 ', '\u2019s']
  return Array.from({ length: n }, (_, i) => `${kinds[i % kinds.length]}${i % 7 === 0 ? String(i) : ''}`)
}

describe('TextBuilder', () => {
  it.each([0, 1, 1023, 1024, 1025, 2048, 5000])('gives the same string as one join, for %i pieces', (n) => {
    const xs = pieces(n)
    const b = new TextBuilder()
    for (const x of xs) b.add(x)
    expect(b.toString()).toBe(xs.join(''))
  })

  it('can be read more than once, and goes on from where it was', () => {
    const b = new TextBuilder()
    const xs = pieces(3000)
    for (const x of xs.slice(0, 1500)) b.add(x)
    expect(b.toString()).toBe(xs.slice(0, 1500).join(''))
    for (const x of xs.slice(1500)) b.add(x)
    expect(b.toString()).toBe(xs.join(''))
  })
})
