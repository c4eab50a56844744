/**
 * The discourse-marker lexicon, grouped by function, compiled once into
 * regular expressions. Matching runs on folded text (see ../text.ts).
 */
import { CONCLUSION, INNER_CONCLUSION, STANCE, SUMMARY } from './conclusion.js'
import { CONCESSION, CONTRAST, INNER_CONTRAST } from './contrast.js'
import { BOOSTERS, HEDGES } from './hedge.js'
import { DEONTIC, EVALUATIVE, NECESSITY } from './modal.js'
import { ADDITION, EMPHASIS, EXAMPLE, REASON } from './support.js'
import { addFirstWord, textWords, words } from './tokens.js'

export { ADDITION, BOOSTERS, CONCESSION, CONCLUSION, CONTRAST, DEONTIC, NECESSITY, EMPHASIS, EVALUATIVE, EXAMPLE, HEDGES, REASON, STANCE, SUMMARY }

/** What a leading discourse marker does. */
export type MarkerFunction =
  | 'reason'
  | 'example'
  | 'addition'
  | 'emphasis'
  | 'conclusion'
  | 'stance'
  | 'contrast'
  | 'concession'

/** Lexicon groups in priority order: a phrase listed twice keeps its first function. */
const GROUPS: ReadonlyArray<readonly [MarkerFunction, readonly string[]]> = [
  ['stance', STANCE],
  ['conclusion', CONCLUSION],
  ['example', EXAMPLE],
  ['concession', CONCESSION],
  ['contrast', CONTRAST],
  ['reason', REASON],
  ['addition', ADDITION],
  ['emphasis', EMPHASIS],
]

const FUNCTION_OF = new Map<string, MarkerFunction>()
for (const [fn, phrases] of GROUPS) for (const p of phrases) if (!FUNCTION_OF.has(p)) FUNCTION_OF.set(p, fn)

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Alternation of phrases, longest first, so "for example" wins over "for". */
function alternation(phrases: Iterable<string>): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escape)
    .join('|')
}

/** Words a sentence may open with before its real marker: "And yet", "Well, of course". */
const OPENERS = '(?:(?:and|or|now|well|oh)\\s*,?\\s+)?'
const END = "(?![a-z0-9'])"

const LEAD = new RegExp(`^["'(\\[\\s]*${OPENERS}(${alternation(FUNCTION_OF.keys())})${END}`)

/** What follows a marker before its text, and the comma that sets it off (made once, not per unit). */
const MARKER_PUNCTUATION = /^[\s,:;-]+/
const COMMA_NEXT = /^\s*,/

export interface LeadMarker {
  fn: MarkerFunction
  phrase: string
  /** Folded text after the marker (leading punctuation and spaces removed). */
  rest: string
  /** The marker is set off by a comma ("Still, ..."). */
  comma: boolean
}

/** The discourse marker a folded unit text opens with, if any. */
export function leadMarker(folded: string): LeadMarker | null {
  const m = LEAD.exec(folded)
  if (!m || m[1] === undefined) return null
  const phrase = m[1]
  const fn = FUNCTION_OF.get(phrase)
  if (!fn) return null
  const after = folded.slice(m[0].length)
  const rest = after.replace(MARKER_PUNCTUATION, '')
  return { fn, phrase, rest, comma: COMMA_NEXT.test(after) }
}

/**
 * A phrase list compiled for matching on word tokens: phrases indexed by
 * their first word, longest first. Matching is one pass over the tokens.
 */
export interface PhraseMatcher {
  readonly byFirst: ReadonlyMap<string, ReadonlyArray<{ words: readonly string[]; phrase: string }>>
  /** This matcher's bit among the first words (./tokens.ts; 0 once 31 matchers exist: then it scans every token). */
  readonly bit: number
}

let matchers = 0

/** Every matcher compiled so far (the test checks findAll against a plain scan with each). */
export const ALL_MATCHERS: PhraseMatcher[] = []

/** Compile a list of phrases (lower case) into a token matcher. */
export function wordMatcher(phrases: readonly string[]): PhraseMatcher {
  const bit = matchers < 31 ? 1 << matchers++ : 0
  const byFirst = new Map<string, Array<{ words: readonly string[]; phrase: string }>>()
  for (const phrase of new Set(phrases)) {
    const ws = words(phrase)
    if (ws.length === 0) continue
    const list = byFirst.get(ws[0]!) ?? []
    list.push({ words: ws, phrase })
    byFirst.set(ws[0]!, list)
  }
  for (const list of byFirst.values()) list.sort((x, y) => y.words.length - x.words.length || (x.phrase < y.phrase ? -1 : 1))
  // A text's words are looked up once (./tokens.ts): each matcher then visits only the words that start one of its phrases.
  if (bit) for (const first of byFirst.keys()) addFirstWord(first, bit)
  const m = { byFirst, bit }
  ALL_MATCHERS.push(m)
  return m
}

/**
 * Nothing found: one frozen list for every call (seven matchers run on every
 * unit and most find nothing). A caller that adds to a result copies it first;
 * adding to this one throws.
 */
const NOTHING: string[] = Object.freeze([]) as unknown as string[]

/**
 * Distinct phrases found in `folded`, in order of first occurrence
 * (non-overlapping, longest first); with `from`, among its words from that
 * one on, as if the text began there.
 */
export function findAll(m: PhraseMatcher, folded: string, from = 0): string[] {
  if (m.bit) {
    const hits = textWords(folded)
    const toks = hits.words
    let out: string[] | null = null
    let free = from
    for (let k = 0; k < hits.at.length; k++) {
      const i = hits.at[k]!
      if (i < free || !(hits.atBits[k]! & m.bit)) continue
      const c = longestAt(m, toks, i)
      if (!c) continue
      if (out === null) out = [c.phrase]
      else if (!out.includes(c.phrase)) out.push(c.phrase)
      free = i + c.words.length
    }
    return out ?? NOTHING
  }
  const out: string[] = []
  const toks = words(folded)
  for (let i = from; i < toks.length; i++) {
    const c = longestAt(m, toks, i)
    if (!c) continue
    if (!out.includes(c.phrase)) out.push(c.phrase)
    i += c.words.length - 1
  }
  return out
}

/** The longest of `m`'s phrases that starts at token `i`, if any. */
function longestAt(m: PhraseMatcher, toks: readonly string[], i: number): { words: readonly string[]; phrase: string } | undefined {
  const cands = m.byFirst.get(toks[i]!)
  if (!cands) return undefined
  for (const c of cands) {
    let ok = i + c.words.length <= toks.length
    for (let j = 1; ok && j < c.words.length; j++) ok = toks[i + j] === c.words[j]
    if (ok) return c
  }
  return undefined
}

/** Index of the first token where `phrase` starts in `folded`, or -1. */
export function firstAt(folded: string, phrase: string): number {
  const toks = words(folded)
  const ws = words(phrase)
  for (let i = 0; i + ws.length <= toks.length; i++) {
    let ok = true
    for (let j = 0; ok && j < ws.length; j++) ok = toks[i + j] === ws[j]
    if (ok) return i
  }
  return -1
}

export const INNER_CONCLUSION_RE = wordMatcher(INNER_CONCLUSION)
export const INNER_CONTRAST_LIST = INNER_CONTRAST
