import { describe, expect, it } from 'vitest'
import { wordBits } from '../src/tag/lexicon/tokens.js'
import { GUARDED as MARKER } from '../src/tag/rules/marker.js'
import { GUARDED as MODALITY } from '../src/tag/rules/modality.js'
import { GUARDED as REPORTED } from '../src/tag/rules/reported.js'
import { foldedUnitTexts, seeded } from './helpers.js'
import { quick } from './env.js'

/**
 * The word guards (src/tag/lexicon/guards.ts) let a rule skip an expression
 * when the words it cannot match without are absent. A guard that refused a
 * text its expression matches would silently change a tag, so each guard is
 * held to its own expression (the rules export both, and call these same
 * guards): on every unit of the op-ed and the README corpus, and on texts
 * generated from the guards' words glued by the characters that make word
 * boundaries tricky (apostrophes, hyphens, underscores, digits).
 */
const GUARDS = Object.entries({ ...MARKER, ...MODALITY, ...REPORTED }).map(([name, g]) => ({
  name,
  // A global expression keeps its place between calls: test with a fresh, non-global copy.
  re: new RegExp(g.re.source, g.re.flags.replace('g', '')),
  may: g.may,
}))

/** Texts where each guard's expression matches but the guard refuses (should be none), and how often each expression matched. */
function check(texts: Iterable<string>, guards: typeof GUARDS = GUARDS): { unsound: string[]; matched: Record<string, number> } {
  const unsound: string[] = []
  const matched: Record<string, number> = Object.fromEntries(guards.map((g) => [g.name, 0]))
  for (const text of texts) {
    const bits = wordBits(text)
    for (const g of guards) {
      if (!g.re.test(text)) continue
      matched[g.name]!++
      if (!g.may(text, bits)) unsound.push(`${g.name}: ${JSON.stringify(text)}`)
    }
  }
  return { unsound, matched }
}

const VOCABULARY = (
  "it it's that that'd this would be best better wise fair right wrong the answer solution good idea a good thing bad " +
  'is are was were seems remains not most very clear obvious evident plain certain become been now thus one thing ' +
  'last week yesterday days ago decades later 3 5th of may june 1999 in 2001 since from the early 1980s ' +
  "said wanted played showed grew broke isn't won't 's 're n't cannot need needs have has had to must should ought " +
  'we you they everyone nobody no one really truly urgently simply ' +
  'argue say claim object contend counter point out insist complain retort could would might will may some people critics parents'
).split(' ')
const PHRASES = [
  'we really need',
  'no one truly ought',
  "they'd simply had better",
  'one clearly have to',
  'it would be best to',
  "that'd be fair to",
  'this would be only right for us to',
  'it would be better for them to',
  'it is clear',
  "it's obvious",
  'is not good',
  "'s bad",
  'some critics may well argue',
  'parents could say',
  '3 days ago',
  'in 2001',
  'he said',
  'they wanted',
]
const GLUE = [' ', ' ', ' ', ' ', "'", "' ", '-', '_', ',', ', ', '.', '9', 'x', '"', '(', ')', '']

/** Deterministic texts (a fixed linear congruential generator: the same texts on every run). */
function* generated(n: number): Generator<string> {
  const next = seeded(20261128)
  const pick = <T>(xs: readonly T[]): T => xs[next(xs.length)]!
  for (let i = 0; i < n; i++) {
    let text = next(4) === 0 ? pick(GLUE) : ''
    const parts = 1 + next(8)
    for (let j = 0; j < parts; j++) text += (next(3) === 0 ? pick(PHRASES) : pick(VOCABULARY)) + pick(GLUE)
    yield text
  }
}

describe('word guards', () => {
  it.skipIf(quick)('never refuse a unit of the op-ed or of a README that their expression matches', () => {
    const texts = foldedUnitTexts()
    expect(texts.length).toBeGreaterThan(5000)
    expect(check(texts).unsound).toEqual([])
  })

  it('never refuse a generated text that their expression matches, and every expression is exercised', () => {
    const { unsound, matched } = check(generated(60_000))
    expect(unsound).toEqual([])
    for (const [name, n] of Object.entries(matched)) expect(n, name).toBeGreaterThan(20)
  })

  it('would catch a guard that refuses too much', () => {
    // A guard for RECOMMEND that wanted "would" would refuse "it'd be ... to"; the generated texts show it.
    const recommend = GUARDS.find((g) => g.name === 'recommend')!
    const strict = { ...recommend, may: (text: string, bits: number) => recommend.may(text, bits) && /\bwould\b/.test(text) }
    expect(check(generated(20_000), [strict]).unsound.length).toBeGreaterThan(0)
  })
})
