import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { features } from '../src/tag/features.js'
import { ALL_MATCHERS, findAll, type PhraseMatcher, wordMatcher } from '../src/tag/lexicon/index.js'
import { words } from '../src/tag/lexicon/tokens.js'
import { fold } from '../src/tag/text.js'
import { segment } from '../src/segment/index.js'
import { hasShared, sharedDir } from './env.js'
import { opEdPath } from './helpers.js'

/** The plain scan findAll replaced: every token looked up, the longest phrase taken, no overlaps. */
function findAllScan(m: PhraseMatcher, folded: string): string[] {
  const toks = words(folded)
  const out: string[] = []
  for (let i = 0; i < toks.length; i++) {
    const cands = m.byFirst.get(toks[i]!)
    if (!cands) continue
    for (const c of cands) {
      let ok = i + c.words.length <= toks.length
      for (let j = 1; ok && j < c.words.length; j++) ok = toks[i + j] === c.words[j]
      if (!ok) continue
      if (!out.includes(c.phrase)) out.push(c.phrase)
      i += c.words.length - 1
      break
    }
  }
  return out
}

/**
 * findAll visits only the tokens that start some matcher's phrase (one map
 * lookup per token for all matchers); it must find exactly what a plain scan
 * of every token finds, for every matcher the rules compile.
 */
describe('phrase matching', () => {
  it.skipIf(!hasShared)('finds what a plain scan finds, for every matcher, on the op-ed and the gold texts (../shared/gold)', () => {
    features // the rules' matchers are compiled when the features module loads
    const texts = segment(readFileSync(opEdPath, 'utf8')).map((s) => fold(s.plain))
    for (const file of ['microtexts.jsonl', 'microtexts2.jsonl']) {
      for (const line of readFileSync(join(sharedDir, 'gold', file), 'utf8').split('\n').filter(Boolean)) {
        texts.push(...(JSON.parse(line) as { text: string }).text.split(/(?<=[.!?])\s+/).map(fold))
      }
    }
    expect(ALL_MATCHERS.length).toBeGreaterThan(5)
    let found = 0
    for (const m of ALL_MATCHERS) {
      for (const t of texts) {
        const a = findAll(m, t)
        expect(a).toEqual(findAllScan(m, t))
        found += a.length
      }
    }
    expect(found).toBeGreaterThan(500)
  })

  it('takes the longest phrase at a token and does not overlap matches', () => {
    const m = wordMatcher(['of course', 'of', 'course it is', 'it is'])
    expect(findAll(m, 'of course it is true, it is')).toEqual(['of course', 'it is'])
    expect(findAll(m, 'course it is')).toEqual(['course it is'])
  })

  it('finds a new matcher\'s phrases in a text whose words were looked up before it existed', () => {
    // The word table (src/tag/lexicon/tokens.ts) keeps each word's first-word bits and the last few texts: a new matcher must not read stale ones.
    const text = 'the quartermaster wept at dawn, and the quartermaster slept'
    const before = wordMatcher(['wept at dawn'])
    expect(findAll(before, text)).toEqual(['wept at dawn'])
    expect(findAll(wordMatcher(['quartermaster slept', 'quartermaster']), text)).toEqual(['quartermaster', 'quartermaster slept'])
  })
})
