/**
 * A unit opening with a concession marker ("admittedly", "some argue",
 * "although") grants something against the paragraph's claim: it attacks the
 * head, and stays open for a reply or an expansion to attach to.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS.concession

export const concession: AttachmentRule = {
  name: 'concession',
  stage: 'placement',
  apply(c) {
    if (c.fn !== 'concession') return false
    place(c, c.u, c.head, 'attack', W.marked, c.mk, true)
    c.openConcession = c.u
    return true
  },
}
