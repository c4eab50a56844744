/**
 * "Relations were turbulent. The fact that X did not help.": an unmarked unit
 * naming X as making the state just described worse supports that description.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { aggravates as makesWorse } from '../cues.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS.aggravates

export const aggravates: AttachmentRule = {
  name: 'aggravates',
  stage: 'placement',
  apply(c) {
    const { prev } = c
    if (c.fn !== null || prev < 0 || prev === c.head || c.out[prev]!.to < 0 || !makesWorse(c.f)) return false
    place(c, c.u, prev, 'support', W.backs, ['structure:aggravates'])
    return true
  },
}
