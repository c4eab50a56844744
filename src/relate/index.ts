/**
 * The relation finder: support/attack edges between argumentative units,
 * forming a forest rooted at the conclusion. Reads the tagger's roles (which
 * may carry a reviewer's corrections) and never attaches anything to a
 * premise or a `none` unit: such targets are replaced by their nearest
 * claim/conclusion ancestor.
 */
import type { Relation, Segment } from '../model/types.js'
import { documentFeatures } from '../tag/document.js'
import type { Plan, Tagged } from '../tag/index.js'
import { plan, type Attachment } from '../tag/structure/attach.js'

/** The tagger's plan when it was made for this mask and conclusion, else null. */
function samePlan(given: Plan | undefined, arg: readonly boolean[], conclusion: number): readonly Attachment[] | null {
  if (!given || given.conclusion !== conclusion || given.arg.length !== arg.length) return null
  for (let i = 0; i < arg.length; i++) if (given.arg[i] !== arg[i]) return null
  return given.structure
}

export function relate(segments: readonly Segment[], tagged: readonly Tagged[], ids: readonly string[], given?: Plan): Relation[] {
  const n = segments.length
  const arg = tagged.map((t) => t.role !== 'none')
  const conclusion = tagged.findIndex((t) => t.role === 'conclusion')
  // The tagger's plan, when it planned these units with this mask and conclusion (a reviewer's roles may differ).
  const structure = samePlan(given, arg, conclusion) ?? plan(segments, documentFeatures(segments, arg), arg, conclusion)
  const canTarget = (i: number): boolean => tagged[i]!.role === 'claim' || tagged[i]!.role === 'conclusion'
  // Nearest ancestor-or-self that may be a target, memoised along each path (linear overall). The path is
  // kept in one stack for the whole document (a list per unit was the relation finder's largest allocation).
  const resolved = new Int32Array(n).fill(-2)
  const path = new Int32Array(n + 1)
  const resolve = (t: number): number => {
    let top = 0
    let x = t
    while (x >= 0 && resolved[x] === -2 && !canTarget(x) && top <= n) {
      path[top++] = x
      x = structure[x]!.to
    }
    const r = x < 0 ? -1 : resolved[x] !== -2 ? resolved[x]! : canTarget(x) ? x : -1
    for (let k = 0; k < top; k++) resolved[path[k]!] = r
    if (x >= 0 && resolved[x] === -2) resolved[x] = r
    return r
  }
  const out: Relation[] = []
  for (let i = 0; i < n; i++) {
    const role = tagged[i]!.role
    if (role === 'none' || role === 'conclusion') continue
    let a = structure[i]!
    const type = a.type
    let to = a.to < 0 ? -1 : resolve(a.to)
    if (to < 0 || to === i) {
      if (role === 'claim' || conclusion < 0) continue
      to = conclusion
      a = { ...a, signals: [...a.signals, 'structure:fallback'] }
    }
    out.push({ from: ids[i]!, to: ids[to]!, type, confidence: a.confidence, signals: a.signals })
  }
  return out
}
