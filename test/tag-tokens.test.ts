import { describe, expect, it } from 'vitest'
import { tokenBits } from '../src/tag/lexicon/guards.js'
import { ALL_MATCHERS } from '../src/tag/lexicon/index.js'
import { textWords, words, wordsBefore } from '../src/tag/lexicon/tokens.js'
import { contentStem } from '../src/tag/text.js'
import { foldedUnitTexts, seeded } from './helpers.js'
import { quick } from './env.js'

/**
 * The tagger reads a text's words in one pass over its characters, through a
 * hash table of the words seen so far (src/tag/lexicon/tokens.ts). Held here
 * to the definitions it replaces: the words are the expression's matches,
 * the bits are each word's guard bits together, the stems each content
 * word's stem once, and a word starts a phrase of exactly the matchers that
 * have a phrase starting with it.
 */
const WORD = /[a-z0-9]+(?:'[a-z]+)?/g

/** Each matcher's bit for the first words of its phrases (a matcher past the 31st has none: it scans every word). */
function firstBits(word: string): number {
  let bits = FIRST.get(word)
  if (bits === undefined) {
    bits = 0
    for (const m of ALL_MATCHERS) if (m.bit && m.byFirst.has(word)) bits |= m.bit
    FIRST.set(word, bits)
  }
  return bits
}
const FIRST = new Map<string, number>()

function reference(text: string) {
  const words = text.match(WORD) ?? []
  const at: number[] = []
  const atBits: number[] = []
  words.forEach((w, i) => {
    const b = firstBits(w)
    if (b) {
      at.push(i)
      atBits.push(b)
    }
  })
  return {
    words,
    bits: words.reduce((b, w) => b | tokenBits(w), 0),
    at,
    atBits,
    stems: [...new Set(words.map(contentStem).filter((s) => s !== ''))],
  }
}

function differences(texts: Iterable<string>): string[] {
  const bad: string[] = []
  for (const text of texts) {
    const got = textWords(text)
    const { words, bits, at, atBits, stems } = got
    if (JSON.stringify({ words, bits, at, atBits, stems }) !== JSON.stringify(reference(text))) bad.push(JSON.stringify(text))
  }
  return bad
}

/** Deterministic texts (fixed seed) from pieces that make word edges tricky: apostrophes, digits, non-ASCII letters. */
function* generated(n: number): Generator<string> {
  const pieces = ["it's", "rock'n'roll", "don't'", "'s", "a''b", "x'", "9'a", "o'clock's", 'l’été', 'naïve', '3rd', '1990s', 'e-mail', 'x_y', 'well', 'said', 'however', 'thus', 'ought to', '']
  const glue = [' ', "'", '-', '', '.', ',', '9', 'é', '\u2019', '  ']
  const next = seeded(7)
  for (let i = 0; i < n; i++) {
    let text = ''
    for (let j = 1 + next(9); j > 0; j--) text += pieces[next(pieces.length)]! + glue[next(glue.length)]!
    yield text
  }
}

describe('the word pass', () => {
  it.skipIf(quick)('reads every unit of the op-ed and the READMEs as the word expression and the three lookups do', () => {
    const texts = foldedUnitTexts()
    expect(texts.length).toBeGreaterThan(5000)
    expect(differences(texts)).toEqual([])
  })

  it('reads generated texts with tricky word edges the same way', () => {
    expect(differences(generated(20_000))).toEqual([])
  })

  it('stays right when more distinct words arrive than its table holds (the table starts over)', () => {
    // 70000 distinct words, past the table's 65536: texts before and after the table empties read the same.
    const word = (i: number): string => `w${i.toString(36)}q`
    const texts = Array.from({ length: 7000 }, (_, t) => Array.from({ length: 10 }, (_, k) => word(t * 10 + k)).join(' '))
    expect(differences(texts)).toEqual([])
    expect(differences([texts[0]!, 'the quartermaster said so'])).toEqual([])
  })

  it("keeps a text's stems distinct when the table starts over halfway through it", () => {
    // More new words than the table holds between stems that repeat: the table starts over inside the text.
    const many = (tag: string): string => Array.from({ length: 70_000 }, (_, i) => `${tag}${i.toString(36)}k`).join(' ')
    // The stems brought across count in the new table too: later texts still keep theirs distinct.
    const after = Array.from({ length: 8000 }, (_, i) => `u${i}x taxes u${i}x taxed taxed paid u${i}x`)
    expect(differences([`taxes paying ${many('v')} taxed taxes pay paying`, ...after, `taxes ${many('r')} taxes`, ...after])).toEqual([])
  })
})

describe('words before a place', () => {
  it("counts the words that start before it, and the rest are the words of the text from there; -1 when a word spans it", () => {
    const bad: string[] = []
    for (const text of generated(3000)) {
      const all = words(text)
      for (let at = 0; at <= text.length; at++) {
        const k = wordsBefore(text, at)
        const head = (text.slice(0, at).match(WORD) ?? []).length
        const tail = words(text.slice(at))
        const spans = head + tail.length !== all.length || JSON.stringify(all.slice(head)) !== JSON.stringify(tail)
        if (k < 0 ? !spans : spans || k !== head) bad.push(`${JSON.stringify(text)} at ${at}: ${k}`)
      }
    }
    expect(bad).toEqual([])
  })
})
