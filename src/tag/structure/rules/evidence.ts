/**
 * An unmarked unit with figures (counts, amounts, rates; not years or dates)
 * after a statement without any is evidence for that statement.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { figures } from '../cues.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS.evidence

export const evidence: AttachmentRule = {
  name: 'evidence',
  stage: 'placement',
  apply(c) {
    const { prev } = c
    if (c.fn !== null || prev < 0 || prev === c.head || c.out[prev]!.to < 0 || !figures(c.f) || figures(c.feats[prev]!)) return false
    place(c, c.u, prev, 'support', W.backs, ['structure:evidence'])
    return true
  },
}
