/**
 * "Phones keep families close. I talk to my cousins every day.": the writer's
 * own experience, after a general statement that is not itself one, is
 * evidence for that statement.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { anecdote } from '../cues.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS.experience

export const experience: AttachmentRule = {
  name: 'experience',
  stage: 'placement',
  apply(c) {
    const { prev, f } = c
    if (c.fn !== null || prev < 0 || prev === c.head || c.out[prev]!.to < 0 || f.conditional || !anecdote(f) || anecdote(c.feats[prev]!)) return false
    place(c, c.u, prev, 'support', W.backs, ['structure:experience'])
    return true
  },
}
