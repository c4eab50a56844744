/**
 * The last placement rule, always applies: a unit no other rule placed is
 * one more reason for the paragraph's claim, and supports the head.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS.default

export const byDefault: AttachmentRule = {
  name: 'default',
  stage: 'placement',
  apply(c) {
    place(c, c.u, c.head, 'support', W.placed, ['structure:default'])
    return true
  },
}
