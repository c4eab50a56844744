/**
 * "X. But Y. They (Y) ...": an unmarked, unconditional sentence that opens by
 * pointing back ("this", "they", "such") after a turn against something other
 * than the head continues that turn: it supports it.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { ANAPHORIC } from '../cues.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['continues-turn']

export const continuesTurn: AttachmentRule = {
  name: 'continues-turn',
  stage: 'placement',
  apply(c) {
    const { prev, out, head, f } = c
    if (c.fn !== null || prev < 0 || prev === head || out[prev]!.type !== 'attack' || out[prev]!.to === head || !ANAPHORIC.test(f.folded) || f.conditional) return false
    place(c, c.u, prev, 'support', W.backs, ['structure:continues-turn'])
    return true
  },
}
