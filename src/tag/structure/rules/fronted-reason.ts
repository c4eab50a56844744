/**
 * "Because X, Y": a fronted reason X, placed as a support, is re-hung under
 * the main clause Y that follows it (Y was placed after X, so no cycle), with
 * its confidence kept and `structure:fronted-reason` added.
 */
import type { Attachment, AttachmentRule } from '../context.js'

export const frontedReason: AttachmentRule = {
  name: 'fronted-reason',
  stage: 'follow-up',
  apply(c) {
    const { fronted, u, out, head } = c
    if (fronted < 0 || c.prev !== fronted || fronted === head) return false
    const a = out[fronted]!
    if (a.to < 0 || a.type !== 'support' || a.to === u || u === head || reaches(out, u, fronted)) return false
    out[fronted] = { ...a, to: u, signals: [...a.signals, 'structure:fronted-reason'] }
    return true
  },
}

/** Whether the chain of targets from `from` reaches `target` (bounded walk). */
function reaches(out: readonly Attachment[], from: number, target: number): boolean {
  let t = from
  for (let k = 0; k < 64 && t >= 0; k++) {
    if (t === target) return true
    t = out[t]!.to
  }
  return false
}
