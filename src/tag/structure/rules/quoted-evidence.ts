/**
 * An unmarked unit with a quoted name ('X is now called "Fatty Kim"') after a
 * supporting statement without one is evidence for that statement.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { quotes } from '../cues.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['quoted-evidence']

export const quotedEvidence: AttachmentRule = {
  name: 'quoted-evidence',
  stage: 'placement',
  apply(c) {
    const { prev, segments } = c
    if (c.fn !== null || prev < 0 || prev === c.head || c.out[prev]!.type !== 'support' || !quotes(segments[c.u]!) || quotes(segments[prev]!)) return false
    place(c, c.u, prev, 'support', W.backs, ['structure:quoted-evidence'])
    return true
  },
}
