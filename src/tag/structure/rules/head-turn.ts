/**
 * A paragraph whose point is a "yet/but" turn: what it turns against is
 * conceded (`concede`). But in "A. However, B. C. Yet D." the unmarked C sides
 * with the turn B it follows (B is already the explicit opposition), so C
 * backs B (`structure:continues-turn`) rather than being granted on its own.
 */
import type { AttachmentRule, RuleContext } from '../context.js'
import { climb, concede } from '../context.js'
import { ATTACHMENT_WEIGHTS } from '../weights.js'

const W = ATTACHMENT_WEIGHTS['head-turn']

export const headTurn: AttachmentRule = {
  name: 'head-turn',
  stage: 'head',
  apply(c) {
    const { u, head, k, members, out } = c
    if (u !== head || head === c.conclusion || c.prev < 0 || c.fn !== 'contrast') return false
    const t = climb(c, c.prev)
    const pp = k >= 2 ? members[k - 2]! : -1
    if (t === c.prev && pp >= 0 && pp !== head && followsTurn(c, t, pp)) {
      out[t] = { ...out[t]!, to: pp, type: 'support', confidence: W.sidesWithTurn, signals: ['structure:continues-turn'] }
    } else concede(c, t)
    return true
  },
}

/** Unit t, placed by default, right after pp, an explicit "however/but" turn against an earlier unit. */
function followsTurn(c: RuleContext, t: number, pp: number): boolean {
  const a = c.out[t]!
  const b = c.out[pp]!
  const pf = c.feats[pp]!
  const tf = c.feats[t]!
  return !a.explicit && a.type === 'support' && tf.marker.lead === null && !tf.conditional &&
    b.explicit && b.type === 'attack' && (pf.marker.lead?.fn === 'contrast' || (pf.marker.innerContrast !== null && pf.marker.lead === null))
}
