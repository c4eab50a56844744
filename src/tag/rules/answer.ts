/**
 * Rule: "Yes, X" / "No, X" opening a text answers the question the text is
 * about: a statement of the author's position, unless a "but/however" soon
 * follows, in which case "Yes, X" only grants X (a concession). Likewise
 * "Of course (not)" / "Certainly" right after a question (often rhetorical:
 * "Would you ban gardening? Of course you wouldn't.") is the author's answer.
 */
import type { Features } from '../features.js'

/** How many following units may hold the "but" that makes a "yes" a concession. */
const WINDOW = 2
const ANSWER = /^["'(\s]*(yes|no)\b\s*[,.!:-]/
/** An answer to the question just before it. */
const REPLY = /^["'(\s]*(?:(yes|no)\b\s*[,.!:-]|(of course|certainly|surely|sure)\b)/

/** Indices (into `feats`) of units that open with an answering word, and that word. */
export function answers(feats: readonly Features[], arg: readonly boolean[]): Map<number, string> {
  const out = new Map<number, string>()
  let seen = 0
  let prevQuestion = false
  for (let i = 0; i < feats.length; i++) {
    if (!arg[i]) continue
    seen++
    const f = feats[i]!
    const afterQuestion = prevQuestion
    prevQuestion = f.question
    if (seen > 2 && !afterQuestion) continue
    const m = (seen <= 2 ? ANSWER.exec(f.folded) : null) ?? (afterQuestion && !f.question ? REPLY.exec(f.folded) : null)
    if (!m) continue
    let turned = false
    for (let j = i + 1; j < feats.length && j <= i + WINDOW; j++) {
      const fn = feats[j]!.marker.lead?.fn
      if (fn === 'contrast' || feats[j]!.marker.innerContrast) turned = true
    }
    if (!turned) out.set(i, (m[1] ?? m[2])!)
  }
  return out
}
