/**
 * "Although X, Y": the main clause right after a fronted concession answers
 * it (attacks X), and closes it. A main clause that opens with a marker of the
 * author's own conclusion or voice ("Although X, ultimately Y", "Even if X, I
 * would Y") still answers it.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['answers-concession']

export const answersConcession: AttachmentRule = {
  name: 'answers-concession',
  stage: 'placement',
  apply(c) {
    const { fronted, fn } = c
    if (fronted < 0 || c.prev !== fronted || c.out[fronted]!.type !== 'attack') return false
    if (fn !== null && fn !== 'conclusion' && fn !== 'stance' && fn !== 'emphasis') return false
    place(c, c.u, fronted, 'attack', W.answer, ['structure:answers-concession'], true)
    c.openConcession = -1
    return true
  },
}
