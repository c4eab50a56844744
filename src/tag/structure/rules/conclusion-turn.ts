/**
 * When the conclusion itself turns ("But X", "X, however, Y"), what it turns
 * against (the unit before it, climbed up its supports) was granted against
 * the thesis: it is conceded (`concede`).
 */
import type { AttachmentRule } from '../context.js'
import { climb, concede } from '../context.js'

export const conclusionTurn: AttachmentRule = {
  name: 'conclusion-turn',
  stage: 'head',
  apply(c) {
    if (c.u !== c.conclusion || c.prev < 0 || (c.fn !== 'contrast' && !c.f.marker.innerContrast)) return false
    concede(c, climb(c, c.prev))
    return true
  },
}
