/**
 * "X, because Y. Z.": the unmarked sentence right after a reason given with the
 * head expands on that reason, unless it adds a further one ("also").
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { ADDS } from '../cues.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['elaborates-reason']

export const elaboratesReason: AttachmentRule = {
  name: 'elaborates-reason',
  stage: 'placement',
  apply(c) {
    const { openReason, f } = c
    if (openReason < 0 || c.prev !== openReason || c.fn !== null || f.conditional || ADDS.test(f.folded)) return false
    place(c, c.u, openReason, 'support', W.backs, ['structure:elaborates-reason'])
    return true
  },
}
