/**
 * Sentence boundaries in a block's analysis text. Rules, not a model: a
 * terminal mark (. ! ? …), optional closing quotes/brackets, white space, and
 * a plausible sentence start; abbreviations, initials, and lower-case
 * continuations never end a sentence. Linear in the text length.
 */

/** Abbreviations after which a full stop never ends a sentence. */
const NEVER_FINAL = new Set(
  [
    'mr', 'mrs', 'ms', 'mx', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'col', 'lt', 'sgt', 'capt', 'cmdr',
    'rev', 'hon', 'gov', 'sen', 'rep', 'pres', 'fig', 'figs', 'eq', 'eqs', 'no', 'nos', 'vol', 'vols', 'pp', 'p',
    'ch', 'sec', 'art', 'ed', 'eds', 'al', 'cf', 'vs', 'v', 'e.g', 'i.e', 'viz', 'approx', 'dept', 'est', 'ca',
    'op', 'ibid', 'resp', 'incl', 'ref', 'refs', 'tel', 'ave', 'blvd', 'rd', 'jan', 'feb', 'mar', 'apr', 'jun',
    'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun',
  ],
)

/** Abbreviations that may also end a sentence: split only before a typical sentence opener. */
const MAYBE_FINAL = new Set(['etc', 'u.s', 'u.k', 'u.n', 'e.u', 'a.m', 'p.m', 'inc', 'ltd', 'co', 'corp', 'bros', 'jr', 'sr'])

const OPENERS = new Set(
  (
    'the a an this that these those it its he she they we i you there here his her their our my your ' +
    'but and yet so however in on at for if when while although though as since because then thus therefore ' +
    'moreover furthermore also still what why how who where which one some many most all no not nor'
  ).split(' '),
)

const TERMINAL = /[.!?\u2026\u203D\u3002\uFF01\uFF1F]/
/** Where the loop in sentenceRanges can act: a terminal mark or a line ending (every other char is skipped). */
const CANDIDATE = /[.!?\u2026\u203D\u3002\uFF01\uFF1F\n]/g
/** Full-width terminal marks end a sentence without a following space. */
const WIDE_TERMINAL = /[\u3002\uFF01\uFF1F]/
const CLOSERS = /["'\u2019\u201D\u00BB)\]\u203A]/
const SPACE = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]/
const OPENING = /["'\u2018\u201C\u00AB(\[\u2039¿¡]/
const UPPER = /[\p{Lu}\p{Lt}\p{Lo}\p{N}]/u
const LETTER = /[\p{L}\p{N}]/u

export function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && SPACE.test(ch)
}

/** Index of the first char of the next word at or after i, skipping spaces and opening quotes. */
function nextWord(text: string, i: number): { at: number; word: string; quoted: boolean } {
  let j = i
  while (j < text.length && isSpace(text[j])) j++
  let quoted = false
  while (j < text.length && OPENING.test(text[j] as string)) {
    quoted = true
    j++
  }
  let k = j
  while (k < text.length && LETTER.test(text[k] as string)) k++
  return { at: j, word: text.slice(j, k), quoted }
}

/** The token (letters and inner dots) ending right before the full stop at i. */
function tokenBefore(text: string, i: number): string {
  let j = i
  while (j > 0 && (LETTER.test(text[j - 1] as string) || (text[j - 1] === '.' && j - 1 > 0 && LETTER.test(text[j - 2] as string)))) j--
  return text.slice(j, i)
}

function abbreviationBlocks(text: string, dot: number, next: { word: string }): boolean {
  const token = tokenBefore(text, dot)
  if (!token) return false
  const lower = token.toLowerCase()
  const nextLower = next.word.toLowerCase()
  if (NEVER_FINAL.has(lower)) {
    // A month abbreviation before a day/year, a title before a name: never a boundary.
    return true
  }
  // Single initials ("J. Smith"), but not a one-letter word that ends a sentence before an opener.
  if (/^\p{Lu}$/u.test(token) && !OPENERS.has(nextLower)) return true
  if (MAYBE_FINAL.has(lower) || /^(?:\p{L}\.)+\p{L}$/u.test(token)) return !OPENERS.has(nextLower)
  return false
}

/** A straight quote at i that reads as an opening one: after a space, bracket, dash or colon, before a non-space. */
function opensQuote(text: string, i: number): boolean {
  const before = text[i - 1]
  const after = text[i + 1]
  return (before === undefined || isSpace(before) || /[(\[{:\u2013\u2014-]/.test(before)) && after !== undefined && !isSpace(after)
}

/**
 * Enumerators that label the sentence they open ("2. Whether…", "Secondly. The President…", "IV. The
 * number…", "3d. The partition…") or an item of a list inside a sentence ("two questions arise: 1. Whether…";
 * "…to be elected; V. The powers…"): their full stop does not end a sentence.
 */
const ENUMERATOR = /^(?:\d{1,2}|\d{1,2}(?:st|nd|rd|th|d)|[IVX]{1,4}|[ivx]{1,4}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)ly)$/i

function enumerator(text: string, dot: number, sentenceStart: number): boolean {
  const token = tokenBefore(text, dot)
  if (!token || !ENUMERATOR.test(token)) return false
  let k = dot - token.length
  while (k > sentenceStart && (isSpace(text[k - 1]) || OPENING.test(text[k - 1] as string))) k--
  return k === sentenceStart || text[k - 1] === ':' || text[k - 1] === ';'
}

/**
 * Mark the inside of quotations embedded in a sentence ("the grid is ready.
 * Demand is not" at 3 p.m.): a closing quote followed by a lower-case word or
 * a comma means the quote does not end the sentence, so nothing inside it does.
 */
function embeddedQuotes(text: string): Uint8Array {
  const inside = new Uint8Array(text.length)
  const mark = (open: number, close: number): void => {
    const next = nextWord(text, close + 1)
    const after = text[close + 1]
    if ((after !== undefined && /[,;:]/.test(after)) || (next.word && /^\p{Ll}/u.test(next.word) && !next.quoted)) inside.fill(1, open + 1, close)
  }
  let straight = -1
  const curly: number[] = []
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') {
      // A straight quote after a space (or an opening bracket, dash or colon) and before a word opens a
      // quotation, even when one is open: that one was never closed (a lost paragraph break, a typo), and
      // pairing across it would make the text between two quotations one "quotation".
      if (straight === -1 || opensQuote(text, i)) straight = i
      else {
        mark(straight, i)
        straight = -1
      }
    } else if (ch === '\u201C') curly.push(i)
    else if (ch === '\u201D' && curly.length) mark(curly.pop() as number, i)
  }
  return inside
}

export interface BoundaryOptions {
  atomic: Uint8Array
  hardBreaks: ReadonlySet<number>
}

/**
 * Split [0, text.length) into sentence ranges (trimmed of outer white space;
 * empty ranges dropped).
 */
export function sentenceRanges(text: string, opts: BoundaryOptions): Array<[number, number]> {
  const cuts: number[] = []
  const lineBlock = !/[.!?\u2026]/.test(text) && text.includes('\n')
  const quoted = /["\u201C]/.test(text) ? embeddedQuotes(text) : undefined
  for (let i = 0; i < text.length; i++) {
    // Jump to the next terminal mark or line ending: one regex scan, not a test per char.
    CANDIDATE.lastIndex = i
    const hit = CANDIDATE.exec(text)
    if (!hit) break
    i = hit.index
    const ch = text[i] as string
    if (ch === '\n' && (lineBlock || opts.hardBreaks.has(i))) {
      const next = nextWord(text, i + 1)
      const prev = text.slice(0, i).trimEnd().slice(-1)
      if (next.word && UPPER.test(text[next.at] as string) && !/[,;:(\-–—]/.test(prev)) cuts.push(i + 1)
      continue
    }
    if (!TERMINAL.test(ch) || opts.atomic[i] || quoted?.[i]) continue
    if (WIDE_TERMINAL.test(ch)) {
      let j = i + 1
      while (j < text.length && (TERMINAL.test(text[j] as string) || CLOSERS.test(text[j] as string))) j++
      if (j < text.length) cuts.push(j)
      i = j - 1
      continue
    }
    // Extend over a run of terminal marks and closing quotes/brackets.
    let j = i + 1
    while (j < text.length && (TERMINAL.test(text[j] as string) || CLOSERS.test(text[j] as string)) && !opts.atomic[j]) j++
    if (j < text.length && !isSpace(text[j])) {
      // A footnote number glued to the full stop ("his own nomination.3 If we compare…"): the sentence ends after it.
      let k = j
      while (k < text.length && k - j < 2 && /[0-9]/.test(text[k] as string)) k++
      const glued = k > j && (k === text.length || isSpace(text[k])) && /\p{L}/u.test(text[i - 1] ?? '') && !NEVER_FINAL.has(tokenBefore(text, i).toLowerCase())
      if (!glued) {
        i = j - 1
        continue
      }
      j = k
    }
    const next = nextWord(text, j)
    if (next.at >= text.length) break
    const first = text[next.at] as string
    // Inline code opens a sentence whatever its case ("… the default. `cargo` reads it …").
    const code = opts.atomic[next.at] === 1 && !opts.atomic[next.at - 1]
    const startsSentence = code || UPPER.test(first) || (next.quoted && next.word !== '') || !LETTER.test(first)
    if (!startsSentence || (!code && /[a-z]/.test(first))) {
      i = j - 1
      continue
    }
    if (ch === '.' && j === i + 1 && (abbreviationBlocks(text, i, next) || enumerator(text, i, cuts.length ? (cuts[cuts.length - 1] as number) : 0))) {
      i = j - 1
      continue
    }
    cuts.push(j)
    i = j - 1
  }
  const ranges: Array<[number, number]> = []
  let start = 0
  for (const cut of [...cuts, text.length]) {
    let a = start
    let b = cut
    while (a < b && isSpace(text[a])) a++
    while (b > a && isSpace(text[b - 1])) b--
    if (b > a) ranges.push([a, b])
    start = cut
  }
  return ranges
}
