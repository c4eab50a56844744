/**
 * While a concession is open, a unit following it (or following what expands
 * on it) expands on the concession: it supports what was granted. Not after
 * "X, although Y.": a trailing concession closes its sentence, and the next
 * sentence is about X again.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { trailingConcession } from '../cues.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['elaborates-concession']

export const elaboratesConcession: AttachmentRule = {
  name: 'elaborates-concession',
  stage: 'placement',
  apply(c) {
    const { openConcession, prev } = c
    if (openConcession < 0 || prev < 0 || (prev !== openConcession && c.out[prev]!.to !== openConcession) || trailingConcession(c.segments[openConcession]!)) return false
    place(c, c.u, openConcession, 'support', W.backs, ['structure:elaborates-concession'])
    return true
  },
}
