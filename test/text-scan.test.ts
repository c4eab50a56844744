// The display-text scanners (src/emit/text-scan.ts) against the regular expressions they replace (issue 19, item 3).
import { describe, expect, it } from 'vitest'
import { dropAutolinks, dropEmphasis, dropLinks, dropRefLinks, dropTags } from '../src/emit/text-scan.js'
import { plainish } from '../src/emit/text.js'

const REGEX: Array<[string, (s: string) => string, (s: string) => string]> = [
  ['LINK', dropLinks, (s) => s.replace(/!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g, '$1')],
  ['REF_LINK', dropRefLinks, (s) => s.replace(/!?\[([^\]\n]+)\]\[[^\]\n]*\]/g, '$1')],
  ['AUTOLINK', dropAutolinks, (s) => s.replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')],
  ['TAG', dropTags, (s) => s.replace(/<\/?[A-Za-z][^>]*>|<!--[\s\S]*?-->/g, '')],
  ['EMPHASIS', dropEmphasis, (s) => s.replace(/(\*\*|__|~~|\*|`+)(?=\S)([\s\S]*?\S)\1/g, '$2')],
]

const PIECES = ['a', 'b c', ' ', '  ', '\n', '\t', '\u00a0', '[', ']', '(', ')', '](', '][', '!', '"', '<', '>', '/', '!--', '-->', 'http:', 'https:', 'mailto:', 'x', '*', '**', '_', '__', '~~', '`', '``', '```', 'é', 'B']

function* cases(count: number): Generator<string> {
  let seed = 7
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }
  for (let t = 0; t < count; t++) {
    let s = ''
    const k = 1 + rnd(30)
    for (let i = 0; i < k; i++) s += PIECES[rnd(PIECES.length)]
    yield s
  }
}

describe('display text scanners', () => {
  for (const [name, scan, regex] of REGEX) {
    it(`${name} gives what its regular expression gives`, () => {
      for (const s of cases(Number(process.env.ARGMAP_SEEDS ?? 5000))) expect(scan(s), JSON.stringify(s)).toBe(regex(s))
    })
  }

  it('is linear on unclosed openers (250 kB each: the expressions took seconds to minutes)', () => {
    const hostile = ['a [b ', 'a <b ', 'a <http:b', 'a *b ', 'a **b ', 'a `b ', '[a](b "', '[a](' + '()'.repeat(3), '<!-- a ', '``a ']
    for (const unit of hostile) {
      const text = unit.repeat(Math.ceil(250_000 / unit.length))
      const t = performance.now()
      plainish(text)
      expect(performance.now() - t, unit).toBeLessThan(1500)
    }
  })
})
