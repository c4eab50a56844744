import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { contentWords, normalWord, tokens, type WordSink, wordCount } from '../src/learn/features.js'
import { opEdPath } from './helpers.js'

// wordCount and contentWords match case-safe text without lower-casing it first and tokenise other text; they must
// agree with `tokens` exactly (the model's `words<=` buckets and overlaps read them).
const samples = [
  '',
  'Taxes should rise, because schools need money.',
  "Don't stop: rock'n'roll isn't dead, dogs' bones 'quoted' a'1 a'b1 x''y 12'ab",
  'It’s the ‘people’s’ choice — “really” – truly… ’tis end’',
  'Café au lait, naïve résumé; l’été',
  'İstanbul ΣΊΣΥΦΟΣ straße',
  'emoji 😀 here, 3½ and ²',
  'non\u00a0breaking\u2009thin spaces',
  'TRAILING apostrophe’ and ’ alone',
]

describe('learned features: word scanning', () => {
  it('counts and collects the same words as the tokeniser', () => {
    const opEd = readFileSync(opEdPath, 'utf8').split('\n')
    for (const s of [...samples, ...opEd]) {
      const t = tokens(s)
      expect(wordCount(s), s).toBe(t.length)
      const words: string[] = []
      const sink: WordSink = { add: (w) => words.push(normalWord(w)) }
      contentWords(s, sink)
      expect(words, s).toEqual(t.filter((w) => w.length > 3))
    }
  })
})
