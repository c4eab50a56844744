import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { endsColon, endsQuestion, endsSentence, endsTerminal, lastMark, normalWord, scanCaseSafe, tokens, wordCount, wordHash } from '../src/learn/features.js'
import { opEdPath } from './helpers.js'

// wordCount and the content words scan case-safe text without lower-casing it first and tokenise other text; they must
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
    }
  })

  it('scans case-safe text into the same words, hashed as the tokeniser gives them', () => {
    const opEd = readFileSync(opEdPath, 'utf8').split('\n')
    let scanned = 0
    for (const s of [...samples, ...opEd]) {
      if (!/^[\x00-\x7f\u00a0\u2000-\u206f]*$/.test(s)) continue
      scanned++
      const t = tokens(s)
      const words: string[] = []
      const count = scanCaseSafe(s, {
        range: (text, from, to, hash) => {
          const w = normalWord(text.slice(from, to))
          expect(hash, w).toBe(wordHash(w, 0, w.length))
          words.push(w)
        },
      })
      expect(count, s).toBe(t.length)
      expect(words, s).toEqual(t.filter((w) => w.length > 3))
    }
    expect(scanned).toBeGreaterThan(10)
  })

  it('reads how a text ends as the end-anchored expressions do', () => {
    const opEd = readFileSync(opEdPath, 'utf8').split('\n')
    const ends = ['', '.', '?', ':', ';', '!', ' ', 'a', '."', '.” ', '?)', '? "', '?\u00a0’ ', '.]', '?]', ': ', ':\t\n', ':)', ';’', '!)\u2009', 'x.)a', '.\ufeff', '? ]', '.\u1680', '?\u2028', ':\u3000', ';\u200a', '.\u200b', ':\u180e', '?\u0085', '.\u202f\u205f\u2029\v\f\r']
    const texts = [...samples, ...opEd, ...ends.flatMap((e) => [e, `Word${e}`, `A sentence ends${e}${e}`])]
    for (const s of texts) {
      expect(endsSentence(lastMark(s)), s).toBe(/[.!?]["'”’)\]]*\s*$/.test(s))
      expect(endsTerminal(lastMark(s)), s).toBe(/[.!?:;]["'”’)\]]*\s*$/.test(s))
      expect(endsQuestion(s), s).toBe(/\?\s*["'”’)]*$/.test(s))
      expect(endsColon(s), s).toBe(/:\s*$/.test(s))
    }
  })
})
