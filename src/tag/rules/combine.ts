/**
 * Combiner, first stage: is a unit argumentative at all? Boilerplate,
 * headings, framing and plain narration are `none`; everything else takes
 * part in the argument (its exact role is decided once the structure is known).
 */
import type { Segment } from '../../model/types.js'
import { hasVoice, type Features } from '../features.js'
import { boilerplate, opensBio } from './boilerplate.js'

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
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!
    const f = feats[i]!
    const nearEnd = seg.paragraph >= nearEndFrom && seg.block === 'paragraph'
    if (nearEnd && seg.index === 0 && opensBio(seg.plain)) bioPara = seg.paragraph
    const bp = boilerplate(seg, f.folded, { nearEnd, inBio: seg.paragraph === bioPara && bioPara >= 0 })
    if (bp.kind) {
      out.push({ arg: false, confidence: 0.9, signals: bp.signals })
      continue
    }
    if (seg.block === 'heading') {
      const title = seg.paragraph === doc.titleParagraph
      const thesisLike = !title && !f.question && f.wordCount >= 4 && (f.deontic.length > 0 || f.stance.length > 0)
      if (!thesisLike) {
        out.push({ arg: false, confidence: 0.8, signals: [title ? 'heading:title' : 'heading'] })
        continue
      }
    }
    if (f.framing || f.framingQuestion) {
      out.push({ arg: false, confidence: 0.7, signals: ['framing'] })
      continue
    }
    const voice = hasVoice(f)
    if (f.reported >= 2 && !voice) {
      out.push({ arg: false, confidence: 0.6, signals: ['event:narration'] })
      continue
    }
    if (f.wordCount < 3 && !voice) {
      out.push({ arg: false, confidence: 0.6, signals: ['fragment'] })
      continue
    }
    out.push({ arg: true, confidence: voice ? 0.75 : 0.6, signals: voice ? [] : ['default:assertion'] })
  }
  openingScene(segments, feats, out)
  openingQuestion(feats, out)
  return out
}

/**
 * A question that opens the text ("Is nuclear energy really safe?") poses the
 * issue the text then argues; it is not itself a reason or a claim.
 */
function openingQuestion(feats: readonly Features[], out: Base[]): void {
  const first = out.findIndex((b) => b.arg)
  if (first < 0 || !feats[first]!.question) return
  let rest = 0
  for (let i = first + 1; i < out.length && rest < 2; i++) if (out[i]!.arg) rest++
  if (rest >= 2) out[first] = { arg: false, confidence: 0.6, signals: ['question:opening'] }
}

/** Body paragraphs an essay needs before its opening paragraph can be mere scene-setting. */
const MIN_BODY_PARAGRAPHS = 3

/**
 * An opening paragraph in which nothing is argued (no marker, modal, value
 * word, hedge or stance in any of its units) sets the scene: background.
 * Only in texts of several paragraphs; a short text's first paragraph is its argument.
 */
function openingScene(segments: readonly Segment[], feats: readonly Features[], out: Base[]): void {
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
  for (const i of members) out[i] = { arg: false, confidence: 0.55, signals: ['background:opening'] }
}
