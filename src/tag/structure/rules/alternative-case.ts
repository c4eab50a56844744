/**
 * "If X, A. Yet if not X, B": a conditional turn is the other case of the last
 * scenario put, and sits beside it (same target and relation). Without such a
 * scenario before it, "But once/as long as X, Y" is an ordinary turn (`contrast`).
 */
import type { AttachmentRule } from '../context.js'
import { place, turns } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['alternative-case']

export const alternativeCase: AttachmentRule = {
  name: 'alternative-case',
  stage: 'placement',
  apply(c) {
    const { conditionals, out } = c
    if (!turns(c) || !c.f.conditional || conditionals.length === 0 || out[conditionals[conditionals.length - 1]!]!.to < 0) return false
    const sib = conditionals[conditionals.length - 1]!
    place(c, c.u, out[sib]!.to, out[sib]!.type, W.sibling, ['structure:alternative-case', ...c.mk])
    return true
  },
}
