/**
 * "Since 2008 China has done X. Yet this could have given Y the upper hand."
 * A modal consequence drawn from a dated report does not dispute the report:
 * it is a point for the paragraph's claim. The report "this" points back to
 * (placed by default under the head) is what the consequence is drawn from: it
 * backs the consequence. Closes an open concession, as any turn does.
 */
import type { AttachmentRule } from '../context.js'
import { climb, place, turns } from '../context.js'
import { CONSEQUENCE, datedReport, markerSignal } from '../cues.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['consequence-of-report']

export const consequenceOfReport: AttachmentRule = {
  name: 'consequence-of-report',
  stage: 'placement',
  apply(c) {
    const { lead, prev, out, head, conclusion } = c
    if (!turns(c) || prev < 0 || !lead || !CONSEQUENCE.test(lead.rest) || !datedReport(c.feats[climb(c, prev)]!)) return false
    const cmk = c.mk.length > 0 ? c.mk : [markerSignal(c.f.marker.innerContrast ?? 'however')]
    place(c, c.u, head, 'support', W.consequence, [...cmk, 'structure:consequence-of-report'])
    const t = climb(c, prev)
    const r = out[t]!
    if (t !== head && t !== conclusion && r.to === head && r.type === 'support' && !r.explicit) {
      out[t] = { ...r, to: c.u, signals: ['structure:ground-of-consequence'] }
    }
    c.openConcession = -1
    return true
  },
}
