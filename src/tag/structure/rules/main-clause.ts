/**
 * "Because X, Y": an unmarked main clause right after a fronted reason goes
 * where a unit goes by default (under the head); `fronted-reason` then hangs
 * X under it, since X is what supports Y.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['main-clause']

export const mainClause: AttachmentRule = {
  name: 'main-clause',
  stage: 'placement',
  apply(c) {
    const { fronted } = c
    if (fronted < 0 || c.prev !== fronted || c.fn !== null || c.out[fronted]!.type === 'attack') return false
    place(c, c.u, c.head, 'support', W.placed, ['structure:default'])
    return true
  },
}
