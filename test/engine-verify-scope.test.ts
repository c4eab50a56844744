import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import { replaceableBlocks } from '../src/emit/scope.js'
import { parseMarkdown } from '../src/parse/index.js'
import { analyze } from '../src/pipeline.js'
import { opEdPath, repoRoot } from './helpers.js'

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
})
