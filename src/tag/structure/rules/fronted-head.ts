/**
 * "Because X, Y" where Y is the paragraph's head: X already supports Y where
 * it was placed; it keeps its attachment and gains `structure:fronted`.
 */
import type { AttachmentRule } from '../context.js'

export const frontedHead: AttachmentRule = {
  name: 'fronted-head',
  stage: 'head',
  apply(c) {
    const { fronted, out } = c
    if (fronted < 0 || c.prev !== fronted || c.u !== c.head || out[fronted]!.to !== c.head) return false
    out[fronted] = { ...out[fronted]!, signals: [...out[fronted]!.signals, 'structure:fronted'] }
    return true
  },
}
