#!/usr/bin/env node
// Builds corpus/ from ../shared/texts (public domain and MIT/Apache-2.0 texts):
//   node corpus/tools/build.mjs [SHARED_TEXTS_DIR]
// Deterministic: the same texts give the same files. Text is kept as printed
// (old spelling, hard-wrapped lines); the only changes are line endings (LF),
// trailing white space, blank-line runs collapsed to one, lines that
// markdown would read as a block construct (a list item "4. Certain...", an
// indented code block) escaped or unindented so they read as the prose they are,
// and a plain-text table of figures fenced as a code block (not prose).
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'

const root = resolve(dirname(new URL(import.meta.url).pathname), '..')
const texts = resolve(process.argv[2] ?? join(root, '../../shared/texts'))

const read = (p) => readFileSync(join(texts, p), 'utf8').replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')

/** A line as prose: no leading indent, no trailing blanks, no accidental block syntax. */
function proseLine(line) {
  let l = line.replace(/[ \t]+$/, '').replace(/^[ \t]+/, '')
  l = l.replace(/^(\d+)([.)])(\s|$)/, '$1\\$2$3') // "4. Certain" is not an ordered list
  l = l.replace(/^([-*+])(\s|$)/, '\\$1$2') // "- x" is not a bullet
  l = l.replace(/^(#{1,6})(\s|$)/, '\\$1$2')
  l = l.replace(/^>/, '\\>')
  l = l.replace(/^(=+|-+)$/, '\\$1') // not a setext underline
  return l
}

/** A block of at least 3 lines, most of them columns of figures (Paine's navy costs): a table, not prose. */
function tabular(block) {
  const lines = block.filter((l) => l.trim() !== '')
  const cells = lines.filter((l) => /\S(?: {3,}|\t)\s*\S/.test(l.trim()) || /^[\s\d,.=£$-]+$/.test(l))
  return lines.length >= 3 && cells.length * 2 >= lines.length
}

/** Lines → paragraphs joined by one blank line; a plain-text table is kept as printed in a fenced block. */
function body(lines) {
  const blocks = []
  let cur = []
  for (const raw of lines) {
    if (raw.trim() === '') {
      if (cur.length) blocks.push(cur)
      cur = []
    } else cur.push(raw)
  }
  if (cur.length) blocks.push(cur)
  const parts = blocks.map((b) => (tabular(b) ? ['```text', ...b.map((l) => l.replace(/\s+$/, '')), '```'].join('\n') : prose(b)))
  return parts.filter((p) => p !== '').join('\n\n') + '\n'
}

function prose(lines) {
  const out = []
  let blank = true
  for (const raw of lines) {
    const l = proseLine(raw)
    if (l === '') {
      if (!blank) out.push('')
      blank = true
    } else {
      out.push(l)
      blank = false
    }
  }
  while (out.length && out[out.length - 1] === '') out.pop()
  return out.join('\n')
}

function write(rel, text) {
  const p = join(root, rel)
  mkdirSync(dirname(p), { recursive: true })
  writeFileSync(p, text)
}

/**
 * Some papers (Nos. 40-59 in this file) are double-spaced: a blank line after every printed line. The
 * source lost their paragraph breaks (no line stops short), so each such paper's body is one paragraph;
 * only runs of two or more blank lines (around the heading lines) still separate blocks.
 */
function undouble(lines) {
  const text = lines.map((l) => l.trim())
  let gaps = 0
  let joins = 0
  for (let i = 1; i + 1 < text.length; i++) {
    if (text[i] === '' && text[i - 1] !== '' && text[i + 1] !== '') gaps++
    if (text[i] !== '' && text[i - 1] !== '') joins++
  }
  if (gaps < 4 * joins + 20) return lines
  return text.filter((l, i) => l !== '' || text[i + 1] === '' || text[i - 1] === '')
}

// The Federalist Papers: one file per paper.
{
  const lines = read('public-domain/federalist.txt').split('\n')
  const starts = []
  lines.forEach((l, i) => {
    const m = /^FEDERALIST\.? No\. (\d+)\s*$/.exec(l)
    if (m) starts.push([i, Number(m[1])])
  })
  const seen = new Set()
  const DATE = /^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,? )?(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\.?$/
  const PAPER = /^(?:For|From) /
  const AUTHOR = /^(?:HAMILTON|MADISON|JAY)(?: (?:AND|OR) (?:HAMILTON|MADISON))?$/
  const ADDRESS = /^To the People of the State of New York[:.]$/
  for (let k = 0; k < starts.length; k++) {
    const [at, n] = starts[k]
    if (seen.has(n)) continue // No. 70 is printed twice; the first printing is kept
    seen.add(n)
    const end = k + 1 < starts.length ? starts[k + 1][0] : lines.length
    const chunk = lines.slice(at + 1, end).filter((l) => !/^\*There are two slightly different versions/.test(l))
    // The header: title lines (a subtitle in parentheses included), the newspaper, the date, the author, the
    // address. Double-spaced papers put a blank line inside a two-line title too, so lines are classified, not
    // cut at the first blank.
    const title = []
    const header = []
    let i = 0
    for (; i < chunk.length; i++) {
      const l = chunk[i].trim()
      if (l === '') continue
      if (PAPER.test(l)) {
        // "From the New York Packet. Friday, February 22, 1788." is two lines of the header, printed as one.
        const m = /^(.*?\.) (.*)$/.exec(l)
        if (m && DATE.test(m[2])) header.push(m[1], m[2])
        else header.push(l)
      } else if (DATE.test(l) || AUTHOR.test(l)) header.push(l)
      else if (ADDRESS.test(l)) {
        header.push(l)
        i++
        break
      } else if (header.length === 0) title.push(l)
      else throw new Error(`federalist ${n}: unexpected header line ${JSON.stringify(l)}`)
    }
    if (!title.length || !header.some((l) => AUTHOR.test(l)) || !ADDRESS.test(header[header.length - 1])) {
      throw new Error(`federalist ${n}: header not recognised`)
    }
    // A subtitle in parentheses ("(Concerning Dangers From Foreign Force and Influence)", printed on lines of
    // its own) stays a paragraph of its own under the heading, as in the first build, which the gold's
    // annotations (corpus/gold, by unit index) were made on.
    const sub = title.findIndex((l) => l.startsWith('('))
    const head = sub > 0 ? title.slice(0, sub) : title
    const subtitle = sub > 0 ? `${title.slice(sub).join('\n')}\n\n` : ''
    const name = `federalist-${String(n).padStart(2, '0')}`
    write(
      `federalist/${name}.md`,
      `# Federalist No. ${n}: ${head.join(' ')}\n\n` + subtitle + header.map((l) => `${proseLine(l)}\n\n`).join('') + body(undouble(chunk.slice(i))),
    )
  }
  write(
    'federalist/README',
    `The Federalist Papers (Alexander Hamilton, James Madison, John Jay, 1787-88): 85 newspaper essays
arguing for the ratification of the United States Constitution. Public domain.

One markdown file per paper: the number and title as a "#" heading, then the subtitle in parentheses
(where printed), the newspaper, the date (where printed), the author and the address, each a paragraph of
its own, then the paragraphs as printed (hard-wrapped, old spelling), the signature and the footnotes. No. 70 is printed twice in the source; the first printing is kept.
Nos. 40-59 are double-spaced in the source (a blank line after every printed line) and lost their
paragraph breaks: their bodies are one paragraph each here.

Source: ../shared/texts/public-domain/federalist.txt (from the Project Gutenberg text, via the GitHub
repository frazjp65/freedom-wordclouds, data/, itself under the Unlicense). Built by corpus/tools/build.mjs:
line endings, trailing blanks and runs of blank lines normalised; a line that markdown would read as a
list item, heading or indented code block is escaped or unindented. No word is changed.
`,
  )
}

// Common Sense: one file per section.
{
  const lines = read('public-domain/common-sense.txt').split('\n')
  const heads = []
  lines.forEach((l, i) => {
    if (/^(INTRODUCTION|OF THE ORIGIN|OF MONARCHY|THOUGHTS ON|OF THE PRESENT ABILITY|APPENDIX)/.test(l)) heads.push(i)
  })
  const names = ['1-introduction', '2-origin-and-design-of-government', '3-monarchy-and-hereditary-succession', '4-present-state-of-american-affairs', '5-present-ability-of-america', '6-appendix']
  heads.forEach((at, k) => {
    const end = k + 1 < heads.length ? heads[k + 1] : lines.length
    let i = at
    const title = []
    while (lines[i].trim() !== '') title.push(lines[i++].trim())
    const chunk = lines.slice(i, end).filter((l) => !/^F\s+I\s+N\s+I\s+S\.?\s*$/.test(l))
    write(`common-sense/common-sense-${names[k]}.md`, `# Common Sense: ${title.join(' ')}\n\n` + body(chunk))
  })
  write(
    'common-sense/README',
    `Thomas Paine, Common Sense (1776), the argument for American independence, one markdown file per
section (Introduction, the four chapters, the Appendix); the title page is left out. Public domain.

Source: ../shared/texts/public-domain/common-sense.txt (Project Gutenberg text, via the GitHub repository
frazjp65/freedom-wordclouds, data/, under the Unlicense). Built by corpus/tools/build.mjs: line endings,
indentation, trailing blanks and runs of blank lines normalised; the two tables of the navy's costs (in
"Of the Present Ability of America") are kept as printed in fenced code blocks, as they are figures, not
prose; no word is changed.
`,
  )
}

// The Declaration of Independence.
{
  const lines = read('public-domain/usdeclar.txt').split('\n')
  let i = 0
  while (lines[i].trim() === '') i++
  const title = lines[i++].trim()
  write('declaration/declaration-of-independence.md', `# ${title}\n\n` + body(lines.slice(i)))
  write(
    'declaration/README',
    `The Declaration of Independence (1776). Public domain.

Source: ../shared/texts/public-domain/usdeclar.txt (via the GitHub repository frazjp65/freedom-wordclouds,
data/, under the Unlicense). Built by corpus/tools/build.mjs: the title as a "#" heading; line endings,
indentation, trailing blanks and runs of blank lines normalised; no word is changed.
`,
  )
}

// Rust RFCs: copied byte for byte, with their licence files.
{
  const dir = join(texts, 'rust-rfcs/final')
  for (const f of readdirSync(dir).sort()) if (f.endsWith('.md')) copyFileSync(join(dir, f), join(root, 'rust-rfcs', f))
  for (const f of ['LICENSE-MIT', 'LICENSE-APACHE']) copyFileSync(join(texts, 'rust-rfcs', f), join(root, 'rust-rfcs', f))
  write(
    'rust-rfcs/README',
    `41 accepted Rust language RFCs (design proposals: motivation, design, drawbacks, alternatives), as they
stand in the rust-lang/rfcs repository, copied byte for byte. Licensed under the MIT licence or the
Apache License 2.0, at your option (LICENSE-MIT, LICENSE-APACHE here).

Source: ../shared/texts/rust-rfcs/final (from https://github.com/rust-lang/rfcs, text/).
`,
  )
}
