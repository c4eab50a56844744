import { distance } from 'fastest-levenshtein'
import { normalizeText } from '../model/ids.js'

/**
 * Text similarity for matching units across versions. Units carry raw
 * markdown (`text`), so link targets, footnote references and html are
 * dropped first; `normalizeText` (the same folding the ids use) then removes
 * emphasis markers, punctuation and case.
 */

const LINK_TARGET = /\]\((?:[^()\s]|\([^()]*\))*(?:\s+"[^"]*")?\)/g
const FOOTNOTE_REF = /\[\^[^\]]*\]/g
const HTML_TAG = /<\/?[A-Za-z][^>]*>/g

/** Normalised plain words of a unit's raw text, in order. */
export function unitWords(text: string): string[] {
  const plain = text.replace(LINK_TARGET, ']').replace(FOOTNOTE_REF, ' ').replace(HTML_TAG, ' ')
  const norm = normalizeText(plain)
  return norm ? norm.split(' ') : []
}

/** Dice coefficient over word multisets: 2·|A∩B| / (|A|+|B|). */
export function diceWords(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1
  if (a.length === 0 || b.length === 0) return 0
  const counts = new Map<string, number>()
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1)
  let shared = 0
  for (const w of b) {
    const n = counts.get(w)
    if (n) {
      shared++
      counts.set(w, n - 1)
    }
  }
  return (2 * shared) / (a.length + b.length)
}

/** Longest string on which the character edit distance is still computed. */
const MAX_EDIT_CHARS = 400

/**
 * 1 − edit distance / longer length, over the normalised strings; 0 when it
 * cannot reach `floor` (the length difference alone rules it out) or the
 * strings are too long for it to matter (word overlap decides there).
 */
export function editRatio(a: string, b: string, floor = 0): number {
  const long = Math.max(a.length, b.length)
  if (long === 0) return 1
  if (long > MAX_EDIT_CHARS) return 0
  if (Math.min(a.length, b.length) / long < floor) return 0
  return 1 - distance(a, b) / long
}

/**
 * Similarity of two units' word lists in [0, 1]: the better of word overlap
 * (robust to reordering and rewording of long sentences) and character edit
 * ratio (robust to typo fixes in short sentences, where one changed word is a
 * large share of the words).
 */
export function wordSimilarity(a: readonly string[], b: readonly string[], floor = 0): number {
  const dice = diceWords(a, b)
  if (dice === 1) return 1
  const edit = editRatio(a.join(' '), b.join(' '), Math.max(floor, dice))
  return Math.max(dice, edit)
}

/** Similarity of two raw unit texts; see `wordSimilarity`. */
export function textSimilarity(a: string, b: string): number {
  return wordSimilarity(unitWords(a), unitWords(b))
}
