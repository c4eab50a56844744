/**
 * Paragraph structure: each paragraph's main claim (its "head"). A paragraph
 * that holds the conclusion is headed by it; otherwise the unit that reads
 * most like the point the paragraph makes: an evaluation or a "yet/but" turn,
 * followed by reasons, sharing vocabulary with the thesis.
 */
import type { Segment } from '../../model/types.js'
import type { Features } from '../features.js'
import { sharedStems, type Stems } from '../text.js'

export const HEAD_WEIGHTS = Object.freeze({
  first: 1,
  second: 0.5,
  hedged: -0.5,
  last: 0.5,
  turn: 1.5,
  voice: 1,
  voiceCap: 2,
  thesisWord: 0.3,
  thesisCap: 1.2,
  followedByReason: 1.5,
  supportLead: -2,
  newPoint: 1,
  conceded: -2,
  conditional: -1,
  question: -1.5,
  reported: -1,
  clause: -1,
})

/**
 * Words in more than a third of the argumentative units (and in more than
 * two): they name the text's topic, not a point.
 */
export function topicWords(feats: readonly Features[], arg: readonly boolean[]): Set<string> {
  // A stem's slot in `counts` (one map lookup per occurrence once it is known).
  const slot = new Map<string, number>()
  const counts: number[] = []
  let nArg = 0
  for (let i = 0; i < feats.length; i++) {
    if (!arg[i]) continue
    nArg++
    const stems = feats[i]!.stems
    for (let j = 0; j < stems.length; j++) {
      const w = stems[j]!
      const k = slot.get(w)
      if (k === undefined) {
        slot.set(w, counts.length)
        counts.push(1)
      } else counts[k]!++
    }
  }
  const common = new Set<string>()
  const min = Math.max(2, nArg / 3)
  for (const [w, k] of slot) if (counts[k]! > min) common.add(w)
  return common
}

/**
 * The thesis words that are not topic words: a unit shares with the thesis
 * those of them it has. One set per document: asking each unit's stems
 * about it needs no set per unit (a unit with many stems made one).
 */
export function thesisWordSet(thesisStems: Stems, common: ReadonlySet<string>): ReadonlySet<string> {
  const out = new Set<string>()
  for (const w of thesisStems) if (!common.has(w)) out.add(w)
  return out
}

/** Index (into `members`) of the paragraph's head. Members are argumentative unit indices in order. */
export function chooseHead(
  members: readonly number[],
  segments: readonly Segment[],
  feats: readonly Features[],
  thesisStems: Stems,
  /** Words too common in the text to tell its units apart (the topic itself). */
  common: ReadonlySet<string> = new Set(),
  /** thesisWordSet(thesisStems, common), when the caller keeps it for the document. */
  words?: ReadonlySet<string>,
): number {
  const W = HEAD_WEIGHTS
  const thesisWords = words ?? thesisWordSet(thesisStems, common)
  let best = 0
  let bestScore = -Infinity
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!
    const f = feats[i]!
    const fn = f.marker.lead?.fn
    let s = 0
    if (k === 0) s += W.first
    else if (k === 1) s += W.second
    if (f.hedges.length > 0) s += W.hedged
    if (k === members.length - 1 && k > 0) s += W.last
    if (fn === 'contrast' && k > 0 && !f.conditional) s += W.turn
    const voice = (f.deontic.length > 0 ? 1 : f.necessity.length > 0 ? 0.5 : 0) + (f.evaluative.length > 0 ? 1 : 0) + (f.stance.length > 0 ? 1 : 0) + (f.boosters.length > 0 ? 0.5 : 0)
    s += Math.min(W.voiceCap, voice * W.voice)
    // Both lists are distinct stems, so the unit's stems in the set are the thesis words it has.
    const shared = sharedStems(f.stems, thesisWords)
    s += Math.min(W.thesisCap, shared * W.thesisWord)
    const next = members[k + 1]
    if (next !== undefined) {
      const nf = feats[next]!
      const nfn = nf.marker.lead?.fn
      if (nfn === 'reason' || nfn === 'example' || (nf.conditional && nfn !== 'contrast')) s += W.followedByReason
    }
    if (fn === 'reason' || fn === 'example') s += W.supportLead
    // "First, ...", "Moreover, ..." opening a paragraph announce its point; later in it they add a detail.
    if (fn === 'addition') s += k === 0 ? W.newPoint : W.supportLead
    if (fn === 'concession' || f.marker.innerContrast) s += W.conceded
    if (f.conditional) s += W.conditional
    if (f.question) s += W.question
    if (f.reported >= 1.5 && voice === 0) s += W.reported
    if (segments[i]!.clause) s += W.clause
    if (s > bestScore) {
      bestScore = s
      best = k
    }
  }
  return best
}
