/**
 * "Some people object that X." A whole sentence reporting an opposing view is
 * answered by the sentence right after it (unless that is a conditional): the
 * reply attacks the objection, and is remembered for `elaborates-answer`.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { reportedObjection } from '../cues.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['answers-objection']

export const answersObjection: AttachmentRule = {
  name: 'answers-objection',
  stage: 'placement',
  apply(c) {
    const { openConcession, prev } = c
    if (openConcession < 0 || prev !== openConcession || c.f.conditional || !reportedObjection(c.segments[prev]!, c.feats[prev]!)) return false
    place(c, c.u, openConcession, 'attack', W.answer, ['structure:answers-objection'])
    c.openConcession = -1
    c.answered = c.u
    return true
  },
}
