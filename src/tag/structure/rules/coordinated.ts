/**
 * "X, and Y" / "X; Y": an unmarked clause that continues the sentence of the
 * unit before it is coordinated with it and goes where it went, with the same
 * relation, confidence and explicitness.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'

export const coordinated: AttachmentRule = {
  name: 'coordinated',
  stage: 'placement',
  apply(c) {
    const { prev, u } = c
    if (c.fn !== null || prev < 0 || !c.segments[u]!.clause || c.ends(prev) || c.out[prev]!.to < 0 || prev === c.head) return false
    const p = c.out[prev]!
    place(c, u, p.to, p.type, p.confidence, ['structure:coordinated'], p.explicit)
    return true
  },
}
