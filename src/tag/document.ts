/**
 * Features of a whole document: the per-unit features, adjusted
 * by the few rules that need a unit's neighbours (an answering "Yes, X" is a
 * stance, not a concession). The tagger and the relation finder both read
 * the document through this, so they see the same thing.
 */
import type { Segment } from '../model/types.js'
import { type Features, unitFeatures } from './features.js'
import { answers } from './rules/answer.js'

/** `units`: unitFeatures(segments), when the caller has it. */
export function documentFeatures(segments: readonly Segment[], arg?: readonly boolean[], units = unitFeatures(segments)): Features[] {
  const feats = units.slice()
  const mask = arg ?? segments.map((s) => s.block !== 'heading')
  for (const [i, word] of answers(feats, mask)) {
    const f = feats[i]!
    const lead = f.marker.lead && f.marker.lead.phrase === word ? { ...f.marker.lead, fn: 'stance' as const } : f.marker.lead
    feats[i] = {
      ...f,
      marker: { ...f.marker, lead },
      stance: [...f.stance, word],
      signals: [...f.signals, `answer:${word}`],
    }
  }
  return feats
}
