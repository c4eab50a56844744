/**
 * A "but/however/yet" turn (leading, or inside the unit) attacks what it turns
 * against: the head when it opens the paragraph, else the unit before it,
 * climbed up its chain of supports. Under the thesis itself, what the turn
 * answers was granted against the thesis (`concede`); inside a paragraph about
 * a claim of its own, the turn is local and the answered unit stays as placed.
 * Closes an open concession.
 */
import type { AttachmentRule } from '../context.js'
import { climb, concede, place, turns } from '../context.js'
import { markerSignal } from '../cues.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS.contrast

export const contrast: AttachmentRule = {
  name: 'contrast',
  stage: 'placement',
  apply(c) {
    if (!turns(c)) return false
    const cmk = c.mk.length > 0 ? c.mk : [markerSignal(c.f.marker.innerContrast ?? 'however')]
    if (c.prev < 0) place(c, c.u, c.head, 'attack', W.opening, cmk, true)
    else {
      const t = climb(c, c.prev)
      place(c, c.u, t, 'attack', W.turn, cmk, true)
      if (c.head === c.conclusion) concede(c, t)
    }
    c.openConcession = -1
    return true
  },
}
