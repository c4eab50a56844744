/**
 * The relation finder: support/attack edges between argumentative units,
 * forming a forest rooted at the conclusion. Reads the tagger's roles (which
 * may carry a reviewer's corrections) and never attaches anything to a
 * premise or a `none` unit: such targets are replaced by their nearest
 * claim/conclusion ancestor.
 */
import type { Relation, Segment } from '../model/types.js'
import { documentFeatures } from '../tag/document.js'
import type { Tagged } from '../tag/index.js'
import { plan, type Attachment } from './attach.js'

export function relate(segments: readonly Segment[], tagged: readonly Tagged[], ids: readonly string[]): Relation[] {
  const n = segments.length
  const arg = tagged.map((t) => t.role !== 'none')
  const conclusion = tagged.findIndex((t) => t.role === 'conclusion')
  const feats = documentFeatures(segments, arg)
  const structure: Attachment[] = plan(segments, feats, arg, conclusion)
  const canTarget = (i: number): boolean => tagged[i]!.role === 'claim' || tagged[i]!.role === 'conclusion'
  const out: Relation[] = []
  for (let i = 0; i < n; i++) {
    const role = tagged[i]!.role
    if (role === 'none' || role === 'conclusion') continue
    let a = structure[i]!
    // Climb to the nearest unit that may be a target (bounded: chains are short and acyclic).
    let to = a.to
    const type = a.type
    for (let k = 0; k < n && to >= 0 && !canTarget(to); k++) {
      const up = structure[to]!
      to = up.to
    }
    if (to < 0 || to === i) {
      if (role === 'claim' || conclusion < 0) continue
      to = conclusion
      a = { ...a, signals: [...a.signals, 'structure:fallback'] }
    }
    out.push({ from: ids[i]!, to: ids[to]!, type, confidence: a.confidence, signals: a.signals })
  }
  return out
}
