/**
 * A unit opening with an addition marker ("moreover", "also", "in addition")
 * is a further reason for the paragraph's claim, not for the unit before it.
 * Closes an open concession: the author is back to their own case.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS.addition

export const addition: AttachmentRule = {
  name: 'addition',
  stage: 'placement',
  apply(c) {
    if (c.fn !== 'addition') return false
    place(c, c.u, c.head, 'support', W.marked, c.mk)
    c.openConcession = -1
    return true
  },
}
