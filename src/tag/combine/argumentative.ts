/**
 * Combiner, first stage: is a unit argumentative at all? Boilerplate,
 * headings, framing and plain narration are `none`; everything else takes
 * part in the argument (its exact role is decided once the structure is known).
 *
 * A combiner reads the per-unit rules' results (../rules/, ../features.ts)
 * and decides; it is no rule itself. Its decisions are named below and run in
 * order: for each unit, the first of UNIT_DECISIONS that decides wins (the
 * last, `argued`, always does); then each of DOCUMENT_DECISIONS in turn may
 * take units out of the argument. Their confidences are ARGUMENTATIVE_WEIGHTS.
 */
import type { Segment } from '../../model/types.js'
import { hasVoice, type Features } from '../features.js'
import { boilerplate, opensBio } from '../rules/boilerplate.js'

export interface Base {
  arg: boolean
  confidence: number
  signals: string[]
}

export interface DocShape {
  /** Number of prose blocks (paragraph indices run 0..paragraphCount-1). */
  paragraphCount: number
  /** Paragraph index of the title heading, or -1. */
  titleParagraph: number
}

/** The confidence of each decision, by decision name. */
export const ARGUMENTATIVE_WEIGHTS = Object.freeze({
  boilerplate: 0.9,
  heading: 0.8,
  framing: 0.7,
  narration: 0.6,
  fragment: 0.6,
  /** `argued`, a unit with a voice of the author's (a marker, a modal, a value word, a hedge, a stance). */
  voiced: 0.75,
  /** `argued`, a plain assertion. */
  assertion: 0.6,
  'opening-scene': 0.55,
  'opening-question': 0.6,
})

/** What a unit decision reads: the unit, its features and its place. */
export interface UnitView {
  seg: Segment
  f: Features
  /** In the last two prose blocks of a text of three or more (where a bio or sign-off can sit). */
  nearEnd: boolean
  /** In the block an author bio opened. */
  inBio: boolean
  titleParagraph: number
  /** hasVoice(f): the author's own voice shows. */
  voice: boolean
}

export interface UnitDecision {
  readonly name: string
  /** The unit's base, or null to leave it to the next decision. */
  decide(v: UnitView): Base | null
}

export interface DocumentDecision {
  readonly name: keyof typeof ARGUMENTATIVE_WEIGHTS
  /** Revise `out` (one base per segment) in place. */
  apply(segments: readonly Segment[], feats: readonly Features[], out: Base[]): void
}

const W = ARGUMENTATIVE_WEIGHTS

/** Navigation lines, date lines, bylines, author bios, sign-offs (../rules/boilerplate.ts). */
const boilerplateUnit: UnitDecision = {
  name: 'boilerplate',
  decide(v) {
    // The view has the two flags the rule reads: passed as they are, not copied into an object per unit.
    const bp = boilerplate(v.seg, v.f.folded, v)
    return bp.kind ? { arg: false, confidence: W.boilerplate, signals: bp.signals } : null
  },
}

/** A heading is no unit of the argument, unless (not the title) it states a position: four words or more with a modal or a stance, no question. */
const heading: UnitDecision = {
  name: 'heading',
  decide({ seg, f, titleParagraph }) {
    if (seg.block !== 'heading') return null
    const title = seg.paragraph === titleParagraph
    const thesisLike = !title && !f.question && f.wordCount >= 4 && (f.deontic.length > 0 || f.stance.length > 0)
    return thesisLike ? null : { arg: false, confidence: W.heading, signals: [title ? 'heading:title' : 'heading'] }
  },
}

/** The text talking about itself ("In this essay I will ...") or a framing question: no part of the argument. */
const framing: UnitDecision = {
  name: 'framing',
  decide({ f }) {
    return f.framing || f.framingQuestion ? { arg: false, confidence: W.framing, signals: ['framing'] } : null
  },
}

/** Reported events (two cues or more) with no voice of the author's: narration. */
const narration: UnitDecision = {
  name: 'narration',
  decide({ f, voice }) {
    return f.reported >= 2 && !voice ? { arg: false, confidence: W.narration, signals: ['event:narration'] } : null
  },
}

/** Fewer than three words, with no voice of the author's: a fragment. */
const fragment: UnitDecision = {
  name: 'fragment',
  decide({ f, voice }) {
    return f.wordCount < 3 && !voice ? { arg: false, confidence: W.fragment, signals: ['fragment'] } : null
  },
}

/**
 * Always decides: the unit takes part in the argument; surer with a voice, signalled `default:assertion` without.
 * Most units end here: its two bases are made once (bases are only read, and replaced, never changed).
 */
const VOICED: Base = Object.freeze({ arg: true, confidence: W.voiced, signals: Object.freeze([]) as unknown as string[] })
const ASSERTION: Base = Object.freeze({ arg: true, confidence: W.assertion, signals: Object.freeze(['default:assertion']) as unknown as string[] })
const argued: UnitDecision = {
  name: 'argued',
  decide({ voice }) {
    return voice ? VOICED : ASSERTION
  },
}

/** First match wins. */
export const UNIT_DECISIONS: readonly UnitDecision[] = [boilerplateUnit, heading, framing, narration, fragment, argued]

/** Body paragraphs an essay needs before its opening paragraph can be mere scene-setting. */
const MIN_BODY_PARAGRAPHS = 3

/**
 * An opening paragraph in which nothing is argued (no marker, modal, value
 * word, hedge or stance in any of its units) sets the scene: background.
 * Only in texts of several paragraphs; a short text's first paragraph is its argument.
 */
const openingScene: DocumentDecision = {
  name: 'opening-scene',
  apply(segments, feats, out) {
    const paras: number[] = []
    for (let i = 0; i < segments.length; i++) {
      const p = segments[i]!.paragraph
      if (out[i]!.arg && paras[paras.length - 1] !== p) paras.push(p)
    }
    if (paras.length < MIN_BODY_PARAGRAPHS + 1) return
    const first = paras[0]!
    const members: number[] = []
    for (let i = 0; i < segments.length && segments[i]!.paragraph <= first; i++) if (segments[i]!.paragraph === first && out[i]!.arg) members.push(i)
    if (members.some((i) => hasVoice(feats[i]!))) return
    for (const i of members) out[i] = { arg: false, confidence: W['opening-scene'], signals: ['background:opening'] }
  },
}

/**
 * A question that opens the text ("Is nuclear energy really safe?") poses the
 * issue the text then argues; it is not itself a reason or a claim.
 */
const openingQuestion: DocumentDecision = {
  name: 'opening-question',
  apply(_segments, feats, out) {
    const first = out.findIndex((b) => b.arg)
    if (first < 0 || !feats[first]!.question) return
    let rest = 0
    for (let i = first + 1; i < out.length && rest < 2; i++) if (out[i]!.arg) rest++
    if (rest >= 2) out[first] = { arg: false, confidence: W['opening-question'], signals: ['question:opening'] }
  },
}

/** Each in turn, after every unit has its base. */
export const DOCUMENT_DECISIONS: readonly DocumentDecision[] = [openingScene, openingQuestion]

export function argumentative(segments: readonly Segment[], feats: readonly Features[], doc: DocShape): Base[] {
  const out: Base[] = []
  // Last blocks that hold prose sentences: an author bio can only sit there.
  let lastPara = -1
  for (const s of segments) if (s.block === 'paragraph' && s.paragraph > lastPara) lastPara = s.paragraph
  const paras = new Set<number>()
  for (const s of segments) if (s.block === 'paragraph') paras.add(s.paragraph)
  const ordered = [...paras].sort((a, b) => a - b)
  const nearEndFrom = ordered.length >= 3 ? (ordered[ordered.length - 2] ?? lastPara) : Infinity
  let bioPara = -1
  // One view, refilled for each unit (a decision reads it only while it decides): not one object per unit.
  const view: UnitView = { seg: segments[0]!, f: feats[0]!, nearEnd: false, inBio: false, titleParagraph: doc.titleParagraph, voice: false }
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!
    const f = feats[i]!
    const nearEnd = seg.paragraph >= nearEndFrom && seg.block === 'paragraph'
    if (nearEnd && seg.index === 0 && opensBio(seg.plain)) bioPara = seg.paragraph
    view.seg = seg
    view.f = f
    view.nearEnd = nearEnd
    view.inBio = seg.paragraph === bioPara && bioPara >= 0
    view.voice = hasVoice(f)
    for (let k = 0; k < UNIT_DECISIONS.length; k++) {
      const b = UNIT_DECISIONS[k]!.decide(view)
      if (b) {
        out.push(b)
        break
      }
    }
  }
  for (const d of DOCUMENT_DECISIONS) d.apply(segments, feats, out)
  return out
}
