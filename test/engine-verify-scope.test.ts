import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import type { ArgumentMap, Role, Unit } from '../src/model/types.js'
import { markReadsBack, replaceableBlocks } from '../src/emit/scope.js'
import { LineIndex, parseMarkdown } from '../src/parse/index.js'
import { analyze } from '../src/pipeline.js'
import { opEdPath, repoRoot, rng } from './helpers.js'
import { seeds } from './env.js'

// annotate(source, map, parsed) skips plain and unmarked blocks in its
// verifying parse (src/emit/scope.ts): the output must be exactly that of
// the full verification, annotate(source, map).

const opEd = readFileSync(opEdPath, 'utf8')
const argue = 'Taxes should rise, because schools need money. Therefore we must vote yes.'
const tricky: Record<string, string> = {
  'lists and lazy lines': `${argue}\n- ${argue}\n  ${argue}\n\n1. ${argue}\n2. We must act now.\n\n    indented code. It is code.\n\n${argue}\n`,
  'block quote with a definition and a reference': `> ${argue}\n> [ref]: https://example.com\n\n${argue} See [the data][ref], because it matters.\n\n${argue}\n`,
  'code, html and setext': `${argue}\n\`\`\`\n${argue}\n\`\`\`\n<!--\n\n${argue}\n\n-->\n\n${argue}\n===\n\n${argue}\n---\n`,
  'marks written by the author': `The syntax :claim[x]{#y} reads as a mark, because it is one. ${argue}\n\n\`:premise[z]\` stays code, so we must escape only prose.\n\n${argue}\n`,
  'inline constructs in marked paragraphs': `We must vote *yes*, because \`schools\` need [money](https://x.org/a]b). ${argue}\n\n| a | b |\n|---|---|\n| ${argue} | therefore we must act. |\n\n${argue} www.example.com shows it, so we must act.\n`,
  'no blank lines between blocks': `# ${argue}\n${argue}\n## Heading\n${argue}\n* * *\n${argue}\n`,
  'front matter and a BOM': `\uFEFF---\ntitle: x\n---\n${argue}\n\n${argue}\n`,
"colons": `We know this: ${argue}\n\nNote:${argue}\n\nSee https://example.org: ${argue} :\n\n${argue} Ratio 3:1, so we must act.\n`,
  'CRLF': `${argue}\r\n\r\n- ${argue}\r\n\r\n${argue}\r\n`,
  'links and brackets inside units, in lists and quotes': `See [the data](https://x.org), because it [matters [a lot]]. ${argue}\n\n- We must act [now](u), because [costs] grow.\n  - Nested: ${argue}\n\n    ${argue} [ref] too.\n\n> Quoted [link](v), so we must act.\n> ${argue}\n\n[ref]: https://r.s\n`,
}

function inputs(): Array<[string, string]> {
  const out: Array<[string, string]> = [['op-ed', opEd], ['op-ed ×3', [opEd, opEd, opEd].join('\n\n')]]
  const fixtures = join(repoRoot, 'test/fixtures')
  for (const d of readdirSync(fixtures).sort()) {
    try {
      out.push([`fixture ${d}`, readFileSync(join(fixtures, d, 'input.md'), 'utf8')])
    } catch {
      /* not an input fixture */
    }
  }
  return [...out, ...Object.entries(tricky)]
}

describe('annotate with the parse tree (verification scope)', () => {
  it.each(inputs())('%s: same annotated markdown as the full verification', (_name, source) => {
    const parsed = parseMarkdown(source)
    const map = analyze(source, {}, parsed)
    expect(annotate(source, map, parsed)).toBe(annotate(source, map))
  })

  it('skips the plain paragraphs of the op-ed, and never definitions or front matter', () => {
    const blocks = replaceableBlocks(opEd, parseMarkdown(opEd))
    expect(blocks.filter((b) => b.plain).length).toBeGreaterThanOrEqual(5)
    const front = `---\ntitle: x\n---\n\n[a]: https://a.org\n\n${argue}\n`
    const kept = replaceableBlocks(front, parseMarkdown(front))
    expect(kept.map((b) => front.slice(b.start, b.end))).toEqual([argue])
  })

  it('takes marks in the paragraphs of a list as read, and units holding whole links', () => {
    const source = `${argue}\n\n- We must act [now](https://x.org), because costs grow.\n- ${argue}\n\n${argue}\n`
    const parsed = parseMarkdown(source)
    const list = replaceableBlocks(source, parsed).find((b) => b.inner)
    expect(list?.inner?.map((p) => source.slice(p.start, p.end))).toEqual(['We must act [now](https://x.org), because costs grow.', argue])
    const map = analyze(source, {}, parsed)
    const linked = map.units.find((u) => u.text.includes('[now]'))!
    expect(markReadsBack(source, list!, linked.start.offset, linked.end.offset)).toBe(true)
    expect(markReadsBack(source, list!, linked.start.offset, linked.start.offset + 'We must act [now'.length)).toBe(false)
  })
})


// Pieces of awkward markdown (as in emit-fuzz.test.ts), plus plain prose so that many paragraphs are skippable.
const PIECES = [
  'word', 'China', ' ', ' ', ' ', '. ', ', ', '[', ']', '*', '**', '_', '`', ':', ': ', ':claim', ':premise[x]{#y}', ':conclusion',
  '<!--argmap-->', '<b>', '</b>', '\\', '{', '}', '#', '"', '&amp;', 'http://x.y/a', 'www.x.org', 'a@b.co', '[link](http://u.v)', '![img](u)',
  '<!--', '-->', '\n', '\n\n', '\r\n', '\n> ', '\n- ', '\n1. ', '\n| a | b |\n|---|---|\n| ', ' | c |', '\n# ', '\n===\n', '~~', '\u00a0', 'é',
  '[^1]', '\n[^1]: note ', '\n[ref]: http://r.s\n', '[ref]', '<http://a.b>', '\n```\n', '\n    ', 'Re:claim', '::claim', '\\:claim',
  'Taxes should rise. ', 'Therefore we must act. ', 'Schools need money, because costs grow. ',
  '[a]', '[x [y] z]', '](', '\n  - ', '\n   ', '\n\n- ', '\n\n> ',
]

/** A random document with units at random spans (never across a blank line), linked in a chain. */
function randomCase(seed: number): { src: string; map: ArgumentMap } {
  const random = rng(seed)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!
  let src = random() < 0.1 ? '\uFEFF' : ''
  const n = 20 + Math.floor(random() * 80)
  for (let i = 0; i < n; i++) src += pick(PIECES)
  const lines = new LineIndex(src)
  const units: Unit[] = []
  const roles: Role[] = ['conclusion', 'claim', 'premise', 'none']
  for (let at = 0; at < src.length; ) {
    const start = at + Math.floor(random() * 8)
    const end = start + 1 + Math.floor(random() * 30)
    if (end > src.length) break
    const text = src.slice(start, end)
    at = end
    if (/\S/.test(text) && !/\n[ \t]*\r?\n/.test(text)) {
      const id = random() < 0.9 ? `u-${units.length}` : `u "${units.length}"`
      units.push({ id, role: pick(roles), text, start: lines.point(start), end: lines.point(end), paragraph: 0, confidence: 0.5, signals: [] })
    }
  }
  const relations = units.slice(1).map((u, i) => ({ from: u.id, to: units[i]!.id, type: i % 2 ? ('attack' as const) : ('support' as const), confidence: 1, signals: [] }))
  return { src, map: { schema: 'argmap/1', source: { path: 'fuzz.md', sha256: '0'.repeat(64), title: null }, units, relations } }
}

describe('annotate with the parse tree, on generated markdown with units at awkward spans', () => {
  it(`gives the same annotated markdown as the full verification (${seeds(600)} of 600 cases)`, () => {
    for (let seed = 1; seed <= seeds(600); seed++) {
      const { src, map } = randomCase(seed)
      let full: string
      try {
        full = annotate(src, map)
      } catch (e) {
        expect(() => annotate(src, map, parseMarkdown(src)), `seed ${seed}`).toThrow((e as Error).message)
        continue
      }
      expect(annotate(src, map, parseMarkdown(src)), `seed ${seed}`).toBe(full)
    }
  })
})
