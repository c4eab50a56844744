/**
 * Rule: "Yes, X" / "No, X" opening a text answers the question the text is
 * about: a statement of the author's position, unless a "but/however" soon
 * follows, in which case "Yes, X" only grants X (a concession).
 */
import type { Features } from '../features.js'

/** How many following units may hold the "but" that makes a "yes" a concession. */
const WINDOW = 2
const ANSWER = /^["'(\s]*(yes|no)\b\s*[,.!:-]/

/** Indices (into `feats`) of units that open with an answering yes/no. */
export function answers(feats: readonly Features[], arg: readonly boolean[]): Map<number, 'yes' | 'no'> {
  const out = new Map<number, 'yes' | 'no'>()
  let seen = 0
  for (let i = 0; i < feats.length && seen < 2; i++) {
    if (!arg[i]) continue
    seen++
    const m = ANSWER.exec(feats[i]!.folded)
    if (!m) continue
    let turned = false
    for (let j = i + 1; j < feats.length && j <= i + WINDOW; j++) {
      const fn = feats[j]!.marker.lead?.fn
      if (fn === 'contrast' || feats[j]!.marker.innerContrast) turned = true
    }
    if (!turned) out.set(i, m[1] as 'yes' | 'no')
  }
  return out
}
