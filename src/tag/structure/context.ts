/**
 * What the attachment rules (./rules/) read and write: one typed context per
 * document, which the driver (./attach.ts) moves from paragraph to paragraph
 * and from unit to unit. Also the two effects several rules share (`climb`,
 * `concede`) and `place`, the one way a rule decides a unit's attachment.
 */
import type { RelationType, Segment } from '../../model/types.js'
import type { Features } from '../features.js'
import type { LeadMarker } from '../lexicon/index.js'
import type { Stems } from '../text.js'
import { ADDS } from './cues.js'
import { ATTACHMENT_WEIGHTS, type RuleName } from './weights.js'

export interface Attachment {
  /** Target unit index, or -1 for a root. */
  to: number
  type: RelationType
  confidence: number
  signals: string[]
  /** Decided by an explicit connective (not by default placement). */
  explicit: boolean
}

export interface RuleContext {
  // The document (fixed for the whole pass).
  readonly segments: readonly Segment[]
  readonly feats: readonly Features[]
  /** Which units are argumentative (the mask the planner attaches). */
  readonly arg: readonly boolean[]
  /** The conclusion's unit index (never -1 while rules run). */
  readonly conclusion: number
  /** The current attachments, one per unit (roots: `to` -1); rules read and replace entries. */
  readonly out: Attachment[]
  /** Whether unit i closes a sentence. */
  readonly ends: (i: number) => boolean
  /** The text's topic words (in more than a third of the argumentative units). */
  readonly common: ReadonlySet<string>
  readonly thesisStems: Stems

  // The paragraph (block) being planned.
  /** Its argumentative units, in document order. */
  members: readonly number[]
  /** Its main claim: the conclusion where the paragraph holds it. */
  head: number

  // State carried from unit to unit inside the paragraph (-1: none).
  /** The argumentative unit before this one in the paragraph. */
  prev: number
  /** A concession still open for what follows to answer or expand on. */
  openConcession: number
  /** The author's reply to a reported objection (answers-objection). */
  answered: number
  /** A fronted subordinate clause ("Because X," / "Although X,") waiting for its main clause. */
  fronted: number
  /** A reason given together with the head ("X, because Y"): the sentence right after it elaborates on it. */
  openReason: number
  /** The conditional units so far ("If X, ..."). */
  conditionals: number[]

  // The unit being placed.
  /** Its index in `segments`. */
  u: number
  /** Its index in `members`. */
  k: number
  f: Features
  lead: LeadMarker | null
  /** The function of its leading marker, or null. */
  fn: LeadMarker['fn'] | null
  /** The leading marker's signal (`marker:because`), or none. */
  mk: string[]
  /** The placement rule that placed it (set by the driver, read by follow-up rules). */
  placedBy: RuleName | null
}

export type Stage =
  /** Once per paragraph, after its head is chosen. */
  | 'paragraph'
  /** For each unit other than the head and the conclusion: the first rule that applies places it. */
  | 'placement'
  /** After a unit was placed: each rule in turn may re-place units before it. */
  | 'follow-up'
  /** For the head (or conclusion) of the paragraph: each rule in turn. */
  | 'head'

export interface AttachmentRule {
  readonly name: RuleName
  readonly stage: Stage
  /** Decide; true when the rule applied (for `placement`: it placed the unit, and no later rule is tried). */
  apply(c: RuleContext): boolean
}

/** Attach unit i to `to`. */
export function place(c: RuleContext, i: number, to: number, type: RelationType, confidence: number, signals: string[], explicit = false): void {
  c.out[i] = { to, type, confidence, signals, explicit }
}

/** The unit turns against something: a leading "but/however", or one inside it ("X, however, Y") that is no concession. */
export function turns(c: RuleContext): boolean {
  return c.fn === 'contrast' || (c.f.marker.innerContrast !== null && c.fn !== 'concession')
}

/** How far up a chain of supports a contrast may climb to find what it turns against. */
const MAX_CLIMB = 4

/** What a turn after `from` turns against: up the chain of supports from `from`, stopping below the head. */
export function climb(c: RuleContext, from: number): number {
  const { out, head, conclusion } = c
  let t = from
  for (let k = 0; k < MAX_CLIMB; k++) {
    const a = out[t]!
    if (t === head || t === conclusion || a.to < 0 || a.to === head || a.to === conclusion || a.type !== 'support') break
    t = a.to
  }
  return t
}

/** A unit that a "but/however" turns against was granted only to be answered: make its default support an attack. */
export function concede(c: RuleContext, t: number): void {
  const { out, head, conclusion, feats } = c
  const a = out[t]!
  if (t === head || t === conclusion || a.explicit || a.to < 0 || a.type !== 'support') return
  // "It also takes up space. But ..." adds to the writer's own reasons; it is not granted to the other side.
  if (ADDS.test(feats[t]!.folded)) return
  out[t] = { ...a, type: 'attack', confidence: ATTACHMENT_WEIGHTS.concede.conceded, signals: [...a.signals, 'structure:conceded'] }
}
