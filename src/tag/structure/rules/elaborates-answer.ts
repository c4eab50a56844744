/**
 * The unmarked, unconditional sentence right after the author's reply to an
 * objection (`answers-objection`) backs that reply.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['elaborates-answer']

export const elaboratesAnswer: AttachmentRule = {
  name: 'elaborates-answer',
  stage: 'placement',
  apply(c) {
    const { answered } = c
    if (answered < 0 || c.prev !== answered || c.fn !== null || c.f.conditional) return false
    place(c, c.u, answered, 'support', W.backs, ['structure:elaborates-answer'])
    return true
  },
}
