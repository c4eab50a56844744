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
  const sentences = sentenceMarks(text)
  const need = text.length * BYTES_PER_CHAR + sentences * BYTES_PER_SENTENCE
  const have = heapLimit * HEAP_SHARE
  if (need > have) {
    const mb = Math.ceil((need / HEAP_SHARE / 1024 ** 2 + 512) / 1024) * 1024
    return {
      code: 'too-large',
      problem:
        `too large to map in memory: about ${sentences} sentences need about ${gb(need)}, more than the ${gb(have)} available; ` +
        `split the file, or raise Node's heap limit (NODE_OPTIONS=--max-old-space-size=${mb})`,
    }
  }
  return null
}
