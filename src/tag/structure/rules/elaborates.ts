/**
 * An unmarked unit that takes up words of the sibling just before it (words
 * the head does not share, and that are not the text's topic words) elaborates
 * on that sibling rather than adding a new reason for the head. Not a unit
 * that adds ("also"): that is a further reason.
 */
import type { AttachmentRule, RuleContext } from '../context.js'
import { place } from '../context.js'
import { ADDS } from '../cues.js'
import { hasStem } from '../../text.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS.elaborates

/** How many preceding units an unmarked unit may elaborate on (only the one just before it: anaphoric continuity). */
const ELABORATION_WINDOW = 1
/** Words it must share with that unit. */
const MIN_ELABORATION_OVERLAP = 2

export const elaborates: AttachmentRule = {
  name: 'elaborates',
  stage: 'placement',
  apply(c) {
    if (ADDS.test(c.f.folded)) return false
    const e = elaborated(c)
    if (e < 0) return false
    place(c, c.u, e, 'support', W.backs, ['structure:elaborates'])
    return true
  },
}

/**
 * Which stems the unit being placed has: `mine.get(w) === stamp` (a new
 * stamp per unit). hasStem on a long list made a Set of it, one per unit
 * that got this far; the map keeps a document's stems (started over past
 * MAX_MARKS) and is only written.
 */
const mine = new Map<string, number>()
const MAX_MARKS = 1 << 16
let stamp = 0

function markStems(stems: readonly string[]): number {
  if (mine.size > MAX_MARKS || stamp === 0x7fffffff) {
    mine.clear()
    stamp = 0
  }
  stamp++
  for (let i = 0; i < stems.length; i++) mine.set(stems[i]!, stamp)
  return stamp
}

/** The sibling the unit elaborates on, or -1. */
function elaborated(c: RuleContext): number {
  const { k, members, out, feats, head, conclusion, common } = c
  const headStems = feats[head]!.stems
  let best = -1
  let bestShared = 0
  let marked = -1
  for (let j = k - 1; j >= 0 && j >= k - ELABORATION_WINDOW; j--) {
    const p = members[j]!
    if (p === head || p === conclusion) break
    const a = out[p]!
    if (a.to < 0 || a.type !== 'support') continue
    if (marked < 0) marked = markStems(c.f.stems)
    let shared = 0
    for (const w of feats[p]!.stems) if (mine.get(w) === marked && !hasStem(headStems, w) && !common.has(w)) shared++
    if (shared > bestShared) {
      best = p
      bestShared = shared
    }
  }
  return bestShared >= MIN_ELABORATION_OVERLAP ? best : -1
}
