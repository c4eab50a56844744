/**
 * A unit opening with a conclusion marker ("therefore", "so"; not a relative
 * "which means") inside a paragraph is an intermediate conclusion: it supports
 * the paragraph's claim, and `premise-of-conclusion` gathers its premises.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['intermediate-conclusion']

export const intermediateConclusion: AttachmentRule = {
  name: 'intermediate-conclusion',
  stage: 'placement',
  apply(c) {
    if (c.fn !== 'conclusion' || c.lead!.phrase.startsWith('which')) return false
    place(c, c.u, c.head, 'support', W.marked, [...c.mk, 'structure:intermediate-conclusion'], true)
    return true
  },
}
