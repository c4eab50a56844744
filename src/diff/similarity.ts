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

/** Dice coefficient over two sorted word lists (a merge, no allocation). */
export function diceSorted(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 && b.length === 0) return 1
  if (a.length === 0 || b.length === 0) return 0
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) {
      shared++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return (2 * shared) / (a.length + b.length)
}

/** Longest string on which the character edit distance is still computed. */
const MAX_EDIT_CHARS = 400
/**
 * Units with more words than this are compared by word overlap alone: one
 * changed word is then a small share of the words, and word overlap already
 * scores a typo fix high.
 */
export const MAX_EDIT_WORDS = 12

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
  return scoreWords(a, b, [...a].sort(), [...b].sort(), floor)
}

/**
 * `wordSimilarity` with the sorted word lists precomputed (the aligner's hot
 * path). 0 when the lengths alone rule out reaching `floor`.
 */
export function scoreWords(a: readonly string[], b: readonly string[], aSorted: readonly string[], bSorted: readonly string[], floor = 0): number {
  const short = Math.min(a.length, b.length)
  const long = Math.max(a.length, b.length)
  const wordBound = long ? (2 * short) / (a.length + b.length) : 1
  const editPossible = short <= MAX_EDIT_WORDS
  if (wordBound < floor && !editPossible) return 0
  const dice = diceSorted(aSorted, bSorted)
  // a typo fix keeps most words: below half the floor, only one- or two-word units can still be close
  if (dice === 1 || !editPossible || (dice < floor / 2 && short > 2)) return dice
  const edit = editRatio(a.join(' '), b.join(' '), Math.max(floor, dice))
  return Math.max(dice, edit)
}

/** Similarity of two raw unit texts; see `wordSimilarity`. */
export function textSimilarity(a: string, b: string): number {
  return wordSimilarity(unitWords(a), unitWords(b))
}
