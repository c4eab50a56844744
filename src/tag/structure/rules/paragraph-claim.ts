/**
 * A paragraph's main claim (its head) attaches to the conclusion: as a support,
 * or as an attack when it opens with a concession marker ("Admittedly, X").
 * Every paragraph argues for (or grants against) the one thesis.
 */
import type { AttachmentRule } from '../context.js'
import { place } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['paragraph-claim']

export const paragraphClaim: AttachmentRule = {
  name: 'paragraph-claim',
  stage: 'paragraph',
  apply(c) {
    const { head, conclusion } = c
    if (head === conclusion) return false
    const conceded = c.feats[head]!.marker.lead?.fn === 'concession'
    place(c, head, conclusion, conceded ? 'attack' : 'support', W.claim, [conceded ? 'structure:paragraph-concession' : 'structure:paragraph-claim'])
    return true
  },
}
