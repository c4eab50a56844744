/**
 * The tagger's words and its word table. A folded text's words are the runs
 * that `/[a-z0-9]+(?:'[a-z]+)?/g` matches. Three checks look at every word
 * of every unit: the guards (./guards.ts), the phrase matchers' first words
 * (./index.ts) and the stemmer (../text.ts). The table keeps, for each
 * distinct word, what all three need, and one pass over a text's characters
 * finds its words and looks each up once (the last few texts are kept: the
 * rules ask about the same unit in turn).
 *
 * The pass reads character codes and finds a word in the table by a hash of
 * its characters, so a word already in the table costs no new string: a
 * text's words are the table's own strings (matching the expression and
 * looking each match up in a Map made a string per word and hashed it
 * again). test/tag-tokens.test.ts holds the pass to the expression.
 */
import { contentStem, fold, type Stems } from '../text.js'
import { tokenBits } from './guards.js'

/** A folded text's words as the checks read them. */
export interface TextWords {
  text: string
  /** Its words in order (the table's strings; shared, never mutate it). */
  words: readonly string[]
  /** Its words' guard bits together (./guards.ts). */
  bits: number
  /** Indices of the words that start some matcher's phrase, and those matchers' bits there. */
  at: number[]
  atBits: number[]
  /** Its distinct content stems, in order of first occurrence (../text.ts Stems). */
  stems: Stems
}

/** Every matcher's first words, with a bit per matcher (./index.ts wordMatcher adds them). */
const FIRST_WORDS = new Map<string, number>()

/**
 * The table: open addressing over `slots` (an entry's index + 1, 0 for
 * free), the entries in parallel arrays. Emptied when it holds MAX words,
 * so a long run's memory stays flat. The slots start small and double at
 * half full: a text's words are looked up between the rules' other work,
 * and a document's few thousand words in a few kilobytes of slots stay in
 * the processor's cache where 2 × MAX slots (half a megabyte) did not.
 */
const MAX = 1 << 16
const MIN_SLOTS = 1 << 10
let slots = new Int32Array(MIN_SLOTS)
let mask = MIN_SLOTS - 1
const keys: string[] = []
const hashes: number[] = []
/** Each entry's content stem as an index into `stems` (-1: no content word). */
const stemOf: number[] = []
const firstOf: number[] = []
const guardOf: number[] = []

/**
 * The distinct stems of the table's words: words that share a stem
 * ("taxes", "taxed") share its index, so a text's stems are told apart by
 * index. `stemMark[k]` holds the number of the last text pass that took
 * stem k: one check a word, where a search of the text's stems so far was
 * one check per stem.
 */
const STEM_INDEX = new Map<string, number>()
const stemText: string[] = []
let stemMark = new Int32Array(MAX)
let pass = 0
/** How many times the table started over (a text's pass notices when it did so halfway). */
let generation = 0

/** The last RECENT texts' words, a ring (newest at `newest`): shifting an array in and out reallocated it on every text. */
const RECENT = 4
const recent: Array<TextWords | null> = [null, null, null, null]
let newest = 0

function clear(): void {
  slots = new Int32Array(MIN_SLOTS)
  mask = MIN_SLOTS - 1
  keys.length = hashes.length = stemOf.length = firstOf.length = guardOf.length = 0
  STEM_INDEX.clear()
  stemText.length = 0
  stemMark = new Int32Array(MAX)
  generation++
  recent.fill(null)
}

/** The index of a stem ('' has none). */
function stemIndex(stem: string): number {
  if (!stem) return -1
  let k = STEM_INDEX.get(stem)
  if (k === undefined) {
    k = stemText.length
    stemText.push(stem)
    STEM_INDEX.set(stem, k)
    // Usually fewer stems than words; but a text across which the table starts over brings its stems so far
    // into the new table besides the new table's words' own.
    if (k >= stemMark.length) {
      const more = new Int32Array(2 * stemMark.length)
      more.set(stemMark)
      stemMark = more
    }
  }
  return k
}

/**
 * Record that a matcher (`bit`) has a phrase starting with `word` (one of its
 * words). The word's entry takes the bit in place and the kept texts, whose
 * starts are stale, are dropped: starting the table over for each of the
 * lexicon's first words (hundreds, at load) made a quarter-megabyte array
 * each time, ~20 ms of a run's start with the collector's part.
 */
export function addFirstWord(word: string, bit: number): void {
  const bits = (FIRST_WORDS.get(word) ?? 0) | bit
  FIRST_WORDS.set(word, bits)
  firstOf[entry(word, 0, word.length, hash(word))] = bits
  recent.fill(null)
}

/** The entry of the word `text.slice(start, end)`, whose characters hash to `h`; added when new. */
function entry(text: string, start: number, end: number, h: number): number {
  const length = end - start
  let s = h & mask
  for (let k = slots[s]!; k !== 0; k = slots[s]!) {
    const i = k - 1
    const key = keys[i]!
    if (hashes[i] === h && key.length === length) {
      let j = 0
      while (j < length && key.charCodeAt(j) === text.charCodeAt(start + j)) j++
      if (j === length) return i
    }
    s = (s + 1) & mask
  }
  if (keys.length >= MAX) {
    clear()
    return entry(text, start, end, h)
  }
  if (2 * (keys.length + 1) > slots.length) {
    grow()
    return entry(text, start, end, h)
  }
  const word = text.slice(start, end)
  const i = keys.length
  keys.push(word)
  hashes.push(h)
  stemOf.push(stemIndex(contentStem(word)))
  firstOf.push(FIRST_WORDS.get(word) ?? 0)
  guardOf.push(tokenBits(word))
  slots[s] = i + 1
  return i
}

/** Twice the slots, every entry placed again by its hash. */
function grow(): void {
  slots = new Int32Array(2 * slots.length)
  mask = slots.length - 1
  for (let i = 0; i < keys.length; i++) {
    let s = hashes[i]! & mask
    while (slots[s] !== 0) s = (s + 1) & mask
    slots[s] = i + 1
  }
}

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57)
const isLetter = (c: number): boolean => c >= 97 && c <= 122
/** FNV-1a, one character code at a time. */
const mix = (h: number, c: number): number => Math.imul(h ^ c, 16777619)
const SEED = 0x811c9dc5 | 0

/** A word's hash as textWords makes it. */
function hash(word: string): number {
  let h = SEED
  for (let i = 0; i < word.length; i++) h = mix(h, word.charCodeAt(i))
  return h
}

const scratchWords: string[] = []
const scratchAt: number[] = []
const scratchAtBits: number[] = []
const scratchStems: string[] = []
/** Shared empty lists (most texts start no phrase; the lists are read-only to their users). */
const NO_INDICES: readonly number[] = Object.freeze([])
const NO_STEMS: readonly string[] = Object.freeze([])

/** The words of a folded text with their guard bits, matcher starts and stems (the last few texts kept). */
export function textWords(folded: string): TextWords {
  for (let i = 0; i < RECENT; i++) {
    const r = recent[(newest - i + RECENT) % RECENT]
    if (r && r.text === folded) return r
  }
  // Filled in the scratch lists up to counts (setting a length of 0 would drop their storage), then copied at
  // their final length: pushing into new arrays grew each two or three times.
  const ws = scratchWords
  const at = scratchAt
  const atBits = scratchAtBits
  const stems = scratchStems
  let nw = 0
  let na = 0
  let ns = 0
  // A fresh pass number marks this text's stems.
  if (pass === 0x7fffffff) {
    stemMark.fill(0)
    pass = 0
  }
  const mark = ++pass
  let gen = generation
  let bits = 0
  const n = folded.length
  for (let p = 0; p < n; ) {
    let c = folded.charCodeAt(p)
    if (!isWordChar(c)) {
      p++
      continue
    }
    // A run of [a-z0-9], then an apostrophe and a run of [a-z] when a letter follows it.
    const start = p
    let h = SEED
    do {
      h = mix(h, c)
      c = ++p < n ? folded.charCodeAt(p) : 0
    } while (isWordChar(c))
    if (c === 39 && p + 1 < n && isLetter(folded.charCodeAt(p + 1))) {
      do {
        h = mix(h, c)
        c = ++p < n ? folded.charCodeAt(p) : 0
      } while (isLetter(c))
    }
    const e = entry(folded, start, p, h)
    if (gen !== generation) {
      // The table started over inside this text: its stems so far have new indices, to be marked again.
      gen = generation
      for (let j = 0; j < ns; j++) stemMark[stemIndex(stems[j]!)] = mark
    }
    const k = nw++
    ws[k] = keys[e]!
    bits |= guardOf[e]!
    if (firstOf[e] !== 0) {
      at[na] = k
      atBits[na++] = firstOf[e]!
    }
    const s = stemOf[e]!
    if (s < 0 || stemMark[s] === mark) continue
    stemMark[s] = mark
    stems[ns++] = stemText[s]!
  }
  const out: TextWords = {
    text: folded,
    words: nw ? ws.slice(0, nw) : NO_STEMS,
    bits,
    at: na ? at.slice(0, na) : (NO_INDICES as number[]),
    atBits: na ? atBits.slice(0, na) : (NO_INDICES as number[]),
    stems: ns ? stems.slice(0, ns) : NO_STEMS,
  }
  newest = (newest + 1) % RECENT
  recent[newest] = out
  return out
}

/**
 * How many words of `folded` start before `at`, or -1 when a word runs
 * across `at`. When it is a count k, the words of `folded.slice(at)` are
 * `words(folded).slice(k)`: the scan reads only what lies ahead of it, so
 * from a place no word spans it finds the same words in either string.
 */
export function wordsBefore(folded: string, at: number): number {
  const n = folded.length
  let count = 0
  for (let p = 0; p < at; ) {
    let c = folded.charCodeAt(p)
    if (!isWordChar(c)) {
      p++
      continue
    }
    // The same runs as textWords.
    do c = ++p < n ? folded.charCodeAt(p) : 0
    while (isWordChar(c))
    if (c === 39 && p + 1 < n && isLetter(folded.charCodeAt(p + 1))) {
      do c = ++p < n ? folded.charCodeAt(p) : 0
      while (isLetter(c))
    }
    if (p > at) return -1
    count++
  }
  return count
}

/** Words of an already folded string (a shared, read-only array). */
export function words(folded: string): readonly string[] {
  return textWords(folded).words
}

/** The guard bits of a folded text (./guards.ts). */
export function wordBits(folded: string): number {
  return textWords(folded).bits
}

/** Distinct content stems of a folded text, in order of first occurrence (../text.ts Stems; shared, never mutate it). */
export function stemList(folded: string): Stems {
  return textWords(folded).stems
}

/** Distinct stemmed content words of a plain text (pass `folded` when already folded). */
export function contentStems(plain: string, folded = fold(plain)): Set<string> {
  return new Set(textWords(folded).stems)
}
