/**
 * A unit opening with a reason or example marker ("because", "for example")
 * supports the unit before it (the head when it opens the paragraph). A new
 * sentence giving an example after "X because Y." illustrates X, not the
 * reason Y. Only "because" right after the head, in its sentence, opens a
 * reason the next sentence may expand on ("as"/"since" give one as already known).
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['reason-or-example']

export const reasonOrExample: AttachmentRule = {
  name: 'reason-or-example',
  stage: 'placement',
  apply(c) {
    const { fn, prev, u, out, segments } = c
    if (fn !== 'reason' && fn !== 'example') return false
    const afterClause = fn === 'example' && prev >= 0 && segments[prev]!.clause && out[prev]!.to >= 0 && out[prev]!.type === 'support' && c.ends(prev)
    place(c, u, prev < 0 ? c.head : afterClause ? out[prev]!.to : prev, 'support', W.marked, c.mk, true)
    c.openReason = fn === 'reason' && c.lead?.phrase === 'because' && prev === c.head && segments[u]!.clause ? u : -1
    return true
  },
}
