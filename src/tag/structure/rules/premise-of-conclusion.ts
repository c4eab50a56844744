/**
 * "A. B. Therefore C": after an intermediate conclusion, the units before it
 * that were placed by default under the head (up to three, going back, and
 * stopping at anything else) become its premises. "X, so Y" draws only on the
 * clauses of its own sentence; "X. Therefore Y." may draw on several sentences.
 */
import type { AttachmentRule } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['premise-of-conclusion']

/** How many preceding units a "therefore" may gather as its premises. */
const MAX_GATHER = 3

export const premiseOfConclusion: AttachmentRule = {
  name: 'premise-of-conclusion',
  stage: 'follow-up',
  apply(c) {
    if (c.placedBy !== 'intermediate-conclusion') return false
    const { members, k, u, head, out, ends } = c
    const inSentence = k > 0 && !ends(members[k - 1]!)
    let changed = false
    for (let j = k - 1, n = 0; j >= 0 && n < MAX_GATHER; j--, n++) {
      const p = members[j]!
      const a = out[p]!
      if (p === head || a.explicit || a.to !== head || a.type !== 'support') break
      if (inSentence && j < k - 1 && ends(p)) break
      out[p] = { to: u, type: 'support', confidence: W.premise, signals: ['structure:premise-of-conclusion'], explicit: true }
      changed = true
    }
    return changed
  },
}
