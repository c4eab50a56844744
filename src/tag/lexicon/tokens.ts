/**
 * The tagger's word table. Three checks look at every word of every unit:
 * the guards (./guards.ts), the phrase matchers' first words (./index.ts)
 * and the stemmer (../text.ts). Each used to keep its own map, so a word was
 * looked up three times; the table keeps what all three need under one key,
 * and a text's words go through it in one pass (the last few texts kept:
 * the rules ask about the same unit in turn).
 */
import { contentStem, fold, SHORT, type Stems, words } from '../text.js'
import { tokenBits } from './guards.js'

/** What one word is to each check. */
interface Entry {
  /** Its content stem, or '' (../text.ts contentStem). */
  stem: string
  /** The bits of the matchers that have a phrase starting with it (0: none). */
  first: number
  /** Its guard bits (./guards.ts tokenBits). */
  guard: number
}

/** A folded text's words as the checks read them. */
export interface TextWords {
  text: string
  words: readonly string[]
  /** Its words' guard bits together. */
  bits: number
  /** Indices of the words that start some matcher's phrase, and those matchers' bits there. */
  at: number[]
  atBits: number[]
  /** Its distinct content stems, in order of first occurrence. */
  stems: Stems
}

/** Every matcher's first words, with a bit per matcher (./index.ts wordMatcher adds them). */
const FIRST_WORDS = new Map<string, number>()

/** Cleared when it grows past its bound, so a long run's memory stays flat. */
const TABLE = new Map<string, Entry>()
const TABLE_MAX = 1 << 16

const RECENT = 4
const recent: TextWords[] = []

/** Record that a matcher (`bit`) has a phrase starting with `word`. Entries carry these bits, so the table starts over. */
export function addFirstWord(word: string, bit: number): void {
  FIRST_WORDS.set(word, (FIRST_WORDS.get(word) ?? 0) | bit)
  TABLE.clear()
  recent.length = 0
}

function entry(w: string): Entry {
  let e = TABLE.get(w)
  if (e === undefined) {
    if (TABLE.size >= TABLE_MAX) TABLE.clear()
    e = { stem: contentStem(w), first: FIRST_WORDS.get(w) ?? 0, guard: tokenBits(w) }
    TABLE.set(w, e)
  }
  return e
}

/** The words of a folded text with their guard bits, matcher starts and stems: one table lookup per word. */
export function textWords(folded: string): TextWords {
  for (let i = 0; i < recent.length; i++) if (recent[i]!.text === folded) return recent[i]!
  const ws = words(folded)
  const at: number[] = []
  const atBits: number[] = []
  const stems: string[] = []
  let seen: Set<string> | null = null
  let bits = 0
  for (let i = 0; i < ws.length; i++) {
    const e = entry(ws[i]!)
    bits |= e.guard
    if (e.first !== 0) {
      at.push(i)
      atBits.push(e.first)
    }
    const s = e.stem
    if (!s) continue
    if (seen) {
      if (seen.has(s)) continue
      seen.add(s)
    } else if (stems.includes(s)) continue
    stems.push(s)
    // Up to SHORT stems the list is its own index; past that a Set keeps a long text linear.
    if (!seen && stems.length > SHORT) seen = new Set(stems)
  }
  const out: TextWords = { text: folded, words: ws, bits, at, atBits, stems }
  if (recent.unshift(out) > RECENT) recent.pop()
  return out
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
