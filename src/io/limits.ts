/**
 * Resource limits checked before a source is parsed, so that input the
 * pipeline cannot finish gives one clear message instead of a crash: a
 * container nesting deeper than the parser's recursive tree walks survive
 * (remark-gfm's transforms overflow the stack at a few thousand levels, and
 * micromark's cost grows with the square of the depth), and a document whose
 * analysis would not fit in the JavaScript heap (an out-of-memory crash
 * cannot be caught). Linear scans; no parsing.
 */

/**
 * Deepest container nesting (block quotes and list items) accepted. Real
 * documents nest a handful of levels; past a few hundred, indented nesting
 * makes micromark crawl (a 1000-level indented list is 1 MB of indentation
 * and takes over a minute to parse) and a few thousand overflow the stack.
 */
export const MAX_NESTING = 256

/**
 * Peak heap per input character and per sentence when a document is mapped
 * and annotated (`argmap run`), measured on dense short sentences, the worst
 * case; kept conservative. The share of the heap limit we allow ourselves.
 */
const BYTES_PER_CHAR = 100
const BYTES_PER_SENTENCE = 24 * 1024
const HEAP_SHARE = 0.85

export interface Limit {
  code: 'too-deep' | 'too-large'
  problem: string
}

const isSpace = (c: number): boolean => c === 32 || c === 9
const isDigit = (c: number): boolean => c >= 48 && c <= 57
/** A list marker must be followed by white space or the end of the line. */
function markerEnds(text: string, k: number): boolean {
  const c = text.charCodeAt(k)
  return k >= text.length || isSpace(c) || c === 10 || c === 13
}

/** After `[^` at `from`: the index after `]:` when a footnote label (no white space, at most 999 chars) closes there, else -1. */
function footnoteLabelEnd(text: string, from: number): number {
  for (let k = from; k < text.length && k - from < 1000; k++) {
    const c = text.charCodeAt(k)
    if (c === 93) return k > from && text.charCodeAt(k + 1) === 58 ? k + 2 : -1
    if (c === 91 || isSpace(c) || c === 10 || c === 13) return -1
    if (c === 92) k++
  }
  return -1
}

/**
 * An estimate of the deepest container nesting: on each line, the block
 * quote and list markers at its start, plus half the widest run of
 * indentation among them (a nested list item is indented at least two
 * columns per level). Stops as soon as the limit is passed.
 */
export function nestingDepth(text: string, stopAbove = Infinity): number {
  let max = 0
  let i = 0
  const n = text.length
  while (i < n) {
    let depth = 0
    let widest = 0
    for (;;) {
      let run = 0
      while (i < n && isSpace(text.charCodeAt(i))) run += text.charCodeAt(i++) === 9 ? 4 : 1
      if (run > widest) widest = run
      const c = text.charCodeAt(i)
      if (c === 62) {
        depth++
        i++
      } else if ((c === 45 || c === 43 || c === 42) && markerEnds(text, i + 1)) {
        depth++
        i++
      } else if (c === 91 && text.charCodeAt(i + 1) === 94) {
        // A footnote definition `[^label]: ` is a container too (its content can open lists and quotes).
        const close = footnoteLabelEnd(text, i + 2)
        if (close === -1) break
        depth++
        i = close
      } else if (isDigit(c)) {
        let k = i
        while (k < n && k - i < 9 && isDigit(text.charCodeAt(k))) k++
        const d = text.charCodeAt(k)
        if ((d === 46 || d === 41) && markerEnds(text, k + 1)) {
          depth++
          i = k + 1
        } else break
      } else break
    }
    if (depth > 0) {
      const estimate = depth + (widest >> 1)
      if (estimate > max) max = estimate
      if (max > stopAbove) return max
    }
    const eol = text.indexOf('\n', i)
    i = eol === -1 ? n : eol + 1
  }
  return max
}

/**
 * Deepest inline nesting accepted: emphasis, strong and strikethrough
 * delimiters opened and not yet closed, or link brackets (`[`) not yet
 * closed, within one paragraph. micromark's cost grows with the square of
 * both (8,000 nested `*` take 27 s to parse; 16,000 open `[` before their
 * `]`, 11 s), and the segment walk recurses once per emphasis level.
 */
export const MAX_INLINE_NESTING = 256

export interface InlineNesting {
  /** Emphasis delimiters (`*`, `_`, `~`) that open a span and are not yet closed. */
  emphasis: number
  /** `[` not yet closed by `]`. */
  brackets: number
}

const isBlank = (c: number): boolean => c !== c || isSpace(c) || c === 10 || c === 13
/** ASCII punctuation, as CommonMark's flanking rules count it. */
const isPunct = (c: number): boolean => (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)

/**
 * An upper estimate of inline nesting per paragraph (a blank line ends
 * one; fenced code is skipped): a run of `*`, `_` or `~` that can only open
 * (white space or punctuation before it, a letter after) adds its length,
 * one that can only close takes it away; `[` adds one and `]` takes one.
 * Stops as soon as either passes `stopAbove`.
 */
export function inlineNesting(text: string, stopAbove = Infinity): InlineNesting {
  const max: InlineNesting = { emphasis: 0, brackets: 0 }
  let emphasis = 0
  let brackets = 0
  let fence = ''
  const n = text.length
  for (let i = 0; i < n; ) {
    let eol = text.indexOf('\n', i)
    if (eol === -1) eol = n
    let k = i
    while (k < eol && isSpace(text.charCodeAt(k))) k++
    const lead = text.charCodeAt(k)
    if (lead === 96 || lead === 126) {
      let f = k
      while (f < eol && text.charCodeAt(f) === lead) f++
      if (f - k >= 3) {
        const mark = text.slice(k, f)
        if (!fence) fence = mark
        else if (mark.startsWith(fence) && !text.slice(f, eol).trim()) fence = ''
        i = eol + 1
        continue
      }
    }
    if (fence) {
      i = eol + 1
      continue
    }
    if (k >= eol || (k === eol - 1 && text.charCodeAt(k) === 13)) {
      emphasis = 0
      brackets = 0
      i = eol + 1
      continue
    }
    for (let j = i; j < eol; j++) {
      const c = text.charCodeAt(j)
      if (c === 92) {
        j++
      } else if (c === 91) {
        if (++brackets > max.brackets) max.brackets = brackets
      } else if (c === 93) {
        if (brackets > 0) brackets--
      } else if (c === 42 || c === 95 || c === 126) {
        let r = j
        while (r < eol && text.charCodeAt(r) === c) r++
        const before = text.charCodeAt(j - 1)
        const after = text.charCodeAt(r)
        // CommonMark's flanking rules; a run between two punctuation marks (`*~~*`) can do both, and counts as opening.
        const atStart = j === i
        const opens = !isBlank(after) && (!isPunct(after) || atStart || isBlank(before) || isPunct(before))
        const closes = !atStart && !isBlank(before) && (!isPunct(before) || isBlank(after) || isPunct(after))
        if (opens && (!closes || (isPunct(before) && isPunct(after)))) {
          emphasis += r - j
          if (emphasis > max.emphasis) max.emphasis = emphasis
        } else if (closes && !opens) emphasis = Math.max(0, emphasis - (r - j))
        j = r - 1
      }
      if (max.emphasis > stopAbove || max.brackets > stopAbove) return max
    }
    i = eol + 1
  }
  return max
}

/**
 * Table cells with content: on every line holding a `|`, the fields
 * between pipes that hold more than white space. Each is a unit and a
 * paragraph of its own, which costs as much memory as a sentence.
 */
export function tableCells(text: string): number {
  let cells = 0
  const n = text.length
  for (let i = text.indexOf('|'); i !== -1; ) {
    const start = text.lastIndexOf('\n', i) + 1
    let end = text.indexOf('\n', i)
    if (end === -1) end = n
    let filled = false
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k)
      if (c === 124) {
        if (filled) cells++
        filled = false
      } else if (c === 92) k++
      else if (!isBlank(c) && c !== 45 && c !== 58) filled = true
    }
    if (filled) cells++
    i = end < n ? text.indexOf('|', end) : -1
  }
  return cells
}

const SENTENCE_END = /[.!?\u2026\u3002\uFF01\uFF1F]+(?=[\s"'\u2019\u201D)\]]|$)/g

/** Count of likely sentence ends (a terminal mark before white space, a closer or the end). */
export function sentenceMarks(text: string): number {
  let count = 0
  SENTENCE_END.lastIndex = 0
  while (SENTENCE_END.exec(text)) count++
  return count
}

const gb = (n: number): string => `${(n / 1024 ** 3).toFixed(1)} GB`

/** The first limit `text` breaks, or null. `heapLimit` is the process's heap size limit in bytes. */
export function checkResources(text: string, heapLimit: number): Limit | null {
  const depth = nestingDepth(text, MAX_NESTING)
  if (depth > MAX_NESTING) {
    return { code: 'too-deep', problem: `block quotes or lists nested more than ${MAX_NESTING} levels deep (the limit); flatten the nesting` }
  }
  const inline = inlineNesting(text, MAX_INLINE_NESTING)
  if (inline.emphasis > MAX_INLINE_NESTING) {
    return { code: 'too-deep', problem: `emphasis nested more than ${MAX_INLINE_NESTING} levels deep in one paragraph (the limit); close or remove the \`*\`, \`_\` or \`~\` runs` }
  }
  if (inline.brackets > MAX_INLINE_NESTING) {
    return { code: 'too-deep', problem: `more than ${MAX_INLINE_NESTING} unclosed \`[\` in one paragraph (the limit: the markdown parser slows down with the square of their number); close or escape them` }
  }
  // A table cell is a unit of its own, and costs what a sentence costs.
  const cells = tableCells(text)
  const sentences = sentenceMarks(text) + cells
  const need = text.length * BYTES_PER_CHAR + sentences * BYTES_PER_SENTENCE
  const have = heapLimit * HEAP_SHARE
  if (need > have) {
    const mb = Math.ceil((need / HEAP_SHARE / 1024 ** 2 + 512) / 1024) * 1024
    return {
      code: 'too-large',
      problem:
        `too large to map in memory: about ${sentences} sentences${cells ? ' and table cells' : ''} need about ${gb(need)}, more than the ${gb(have)} available; ` +
        `split the file, or raise Node's heap limit (NODE_OPTIONS=--max-old-space-size=${mb})`,
    }
  }
  return null
}
