/**
 * The structure planner shared by the tagger (to know which units are
 * claims) and the relation finder. Given the argumentative units and the
 * conclusion, it attaches every other argumentative unit to exactly one
 * earlier-decided target, reading connectives, paragraph structure and
 * shared vocabulary. One pass over the units; look-backs are bounded.
 *
 * This file is the driver: the decisions are the named rules in ./rules/
 * (one concern per file, confidences in ./weights.ts), run in the order of
 * the lists below. For each paragraph (block of argumentative units):
 *
 * 1. choose its head (./heads.ts), then run PARAGRAPH_RULES;
 * 2. for each unit in document order:
 *    - a unit other than the head and the conclusion: the first of
 *      PLACEMENT_RULES that applies places it (`default` always applies),
 *      then every FOLLOW_UP_RULES rule runs in turn;
 *    - the head (which is the conclusion in the conclusion's paragraph):
 *      every HEAD_RULES rule runs in turn;
 *    then the driver carries the paragraph's state to the next unit.
 *
 * Order matters: a rule earlier in a list wins over a later one, and the
 * rules read what earlier rules decided (`out`), so a new rule goes where its
 * precedence is right, never simply at the end.
 */
import type { Segment } from '../../model/types.js'
import type { Features } from '../features.js'
import { type Attachment, type AttachmentRule, type RuleContext } from './context.js'
import { markerSignal, sentenceEnds } from './cues.js'
import { chooseHead, thesisWordSet, topicWords } from './heads.js'
import { addition } from './rules/addition.js'
import { aggravates } from './rules/aggravates.js'
import { alternativeCase } from './rules/alternative-case.js'
import { answersConcession } from './rules/answers-concession.js'
import { answersObjection } from './rules/answers-objection.js'
import { concession } from './rules/concession.js'
import { conclusionTurn } from './rules/conclusion-turn.js'
import { consequenceOfReport } from './rules/consequence-of-report.js'
import { continuesTurn } from './rules/continues-turn.js'
import { contrast } from './rules/contrast.js'
import { coordinated } from './rules/coordinated.js'
import { byDefault } from './rules/default.js'
import { elaborates } from './rules/elaborates.js'
import { elaboratesAnswer } from './rules/elaborates-answer.js'
import { elaboratesConcession } from './rules/elaborates-concession.js'
import { elaboratesReason } from './rules/elaborates-reason.js'
import { evidence } from './rules/evidence.js'
import { experience } from './rules/experience.js'
import { frontedHead } from './rules/fronted-head.js'
import { frontedReason } from './rules/fronted-reason.js'
import { headTurn } from './rules/head-turn.js'
import { intermediateConclusion } from './rules/intermediate-conclusion.js'
import { mainClause } from './rules/main-clause.js'
import { paragraphClaim } from './rules/paragraph-claim.js'
import { premiseOfConclusion } from './rules/premise-of-conclusion.js'
import { quotedEvidence } from './rules/quoted-evidence.js'
import { reasonOrExample } from './rules/reason-or-example.js'

export type { Attachment } from './context.js'

/** Once per paragraph, after its head is chosen. */
export const PARAGRAPH_RULES: readonly AttachmentRule[] = [paragraphClaim]

/**
 * First match wins. Explicit structure first (a fronted clause's main clause,
 * coordination, leading markers), then what an open concession, objection or
 * reason expects next, then cues read off the unit and the one before it,
 * then vocabulary, then the default.
 */
export const PLACEMENT_RULES: readonly AttachmentRule[] = [
  answersConcession,
  mainClause,
  coordinated,
  reasonOrExample,
  concession,
  alternativeCase,
  consequenceOfReport,
  contrast,
  intermediateConclusion,
  addition,
  answersObjection,
  elaboratesAnswer,
  elaboratesConcession,
  elaboratesReason,
  continuesTurn,
  aggravates,
  experience,
  evidence,
  quotedEvidence,
  elaborates,
  byDefault,
]

/** After a unit is placed, each in turn: they re-place units before it. */
export const FOLLOW_UP_RULES: readonly AttachmentRule[] = [premiseOfConclusion, frontedReason]

/** For the paragraph's head, each in turn. */
export const HEAD_RULES: readonly AttachmentRule[] = [headTurn, conclusionTurn, frontedHead]

/** Every rule, in the order it runs. */
export const RULES: readonly AttachmentRule[] = [...PARAGRAPH_RULES, ...PLACEMENT_RULES, ...FOLLOW_UP_RULES, ...HEAD_RULES]

/** A unit without a lead marker: one frozen list (rules only place a unit with this list when it has a marker, and copy it otherwise). */
const NO_MARKER: string[] = Object.freeze([]) as unknown as string[]

const ROOT: Attachment = Object.freeze({ to: -1, type: 'support', confidence: 0, signals: [], explicit: false }) as Attachment

export function plan(
  segments: readonly Segment[],
  feats: readonly Features[],
  arg: readonly boolean[],
  conclusion: number,
): Attachment[] {
  const out: Attachment[] = segments.map(() => ROOT)
  if (conclusion < 0) return out
  // Group argumentative units by block, in document order.
  const groups: number[][] = []
  let lastPara = NaN
  for (let i = 0; i < segments.length; i++) {
    if (!arg[i]) continue
    const p = segments[i]!.paragraph
    if (p !== lastPara) groups.push([])
    groups[groups.length - 1]!.push(i)
    lastPara = p
  }
  const c: RuleContext = {
    segments,
    feats,
    arg,
    conclusion,
    out,
    ends: sentenceEnds(segments),
    common: topicWords(feats, arg),
    thesisStems: feats[conclusion]!.stems,
    members: [],
    head: -1,
    prev: -1,
    openConcession: -1,
    answered: -1,
    fronted: -1,
    openReason: -1,
    conditionals: [],
    u: -1,
    k: -1,
    f: feats[conclusion]!,
    lead: null,
    fn: null,
    mk: [],
    placedBy: null,
  }
  const thesisWords = thesisWordSet(c.thesisStems, c.common)
  // Indexed loops throughout: this runs once per document, much of it before the optimiser has compiled it,
  // where a for-of made an iterator result per step (per rule tried, per unit).
  for (let g = 0; g < groups.length; g++) {
    const members = groups[g]!
    c.members = members
    c.head = members.includes(conclusion) ? conclusion : members[chooseHead(members, segments, feats, c.thesisStems, c.common, thesisWords)]!
    c.prev = c.openConcession = c.answered = c.fronted = c.openReason = -1
    c.conditionals = []
    for (let r = 0; r < PARAGRAPH_RULES.length; r++) PARAGRAPH_RULES[r]!.apply(c)
    for (let k = 0; k < members.length; k++) {
      const u = members[k]!
      const f = feats[u]!
      c.u = u
      c.k = k
      c.f = f
      c.lead = f.marker.lead
      c.fn = c.lead?.fn ?? null
      c.mk = c.lead ? [markerSignal(c.lead.phrase)] : NO_MARKER
      c.placedBy = null
      if (u !== c.head && u !== conclusion) {
        for (let r = 0; r < PLACEMENT_RULES.length; r++) {
          const rule = PLACEMENT_RULES[r]!
          if (rule.apply(c)) {
            c.placedBy = rule.name
            break
          }
        }
        for (let r = 0; r < FOLLOW_UP_RULES.length; r++) FOLLOW_UP_RULES[r]!.apply(c)
        // Only a reason, an example or emphasis keeps a reason open for the next sentence.
        if (c.fn !== null && c.fn !== 'reason' && c.fn !== 'example' && c.fn !== 'emphasis') c.openReason = -1
        if (f.conditional) c.conditionals.push(u)
      } else {
        for (let r = 0; r < HEAD_RULES.length; r++) HEAD_RULES[r]!.apply(c)
      }
      // A unit that opens a sentence without closing it, with a reason or concession marker, is fronted.
      const opensSentence = c.prev < 0 || c.ends(c.prev)
      c.fronted = opensSentence && !c.ends(u) && (c.fn === 'reason' || c.fn === 'concession') ? u : -1
      c.prev = u
    }
  }
  return out
}
