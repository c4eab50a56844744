/**
 * The confidences of the attachment rules (./rules/), in one table: one entry
 * per rule, named as its file, plus `concede`, an effect three rules share.
 * A rule that only re-places or re-labels an attachment keeps the confidence
 * it had and has an empty entry. The learned model reads the rules' signals,
 * not these numbers; the rules path (`--model rules`) reports them.
 */
export const ATTACHMENT_WEIGHTS = Object.freeze({
  'paragraph-claim': Object.freeze({ claim: 0.55 }),
  'answers-concession': Object.freeze({ answer: 0.6 }),
  'main-clause': Object.freeze({ placed: 0.5 }),
  coordinated: Object.freeze({}),
  'reason-or-example': Object.freeze({ marked: 0.75 }),
  concession: Object.freeze({ marked: 0.7 }),
  'alternative-case': Object.freeze({ sibling: 0.6 }),
  'consequence-of-report': Object.freeze({ consequence: 0.5 }),
  contrast: Object.freeze({ opening: 0.55, turn: 0.7 }),
  'intermediate-conclusion': Object.freeze({ marked: 0.6 }),
  addition: Object.freeze({ marked: 0.6 }),
  'answers-objection': Object.freeze({ answer: 0.5 }),
  'elaborates-answer': Object.freeze({ backs: 0.45 }),
  'elaborates-concession': Object.freeze({ backs: 0.45 }),
  'elaborates-reason': Object.freeze({ backs: 0.45 }),
  'continues-turn': Object.freeze({ backs: 0.45 }),
  aggravates: Object.freeze({ backs: 0.5 }),
  experience: Object.freeze({ backs: 0.45 }),
  evidence: Object.freeze({ backs: 0.45 }),
  'quoted-evidence': Object.freeze({ backs: 0.45 }),
  elaborates: Object.freeze({ backs: 0.45 }),
  default: Object.freeze({ placed: 0.5 }),
  'premise-of-conclusion': Object.freeze({ premise: 0.6 }),
  'fronted-reason': Object.freeze({}),
  'head-turn': Object.freeze({ sidesWithTurn: 0.45 }),
  'conclusion-turn': Object.freeze({}),
  'fronted-head': Object.freeze({}),
  /** Shared effect (../context.ts `concede`): a unit a turn answers was granted, its default support becomes an attack. */
  concede: Object.freeze({ conceded: 0.5 }),
})

/** Weights that are no rule's own: effects several rules apply. */
export const SHARED_WEIGHTS = Object.freeze(['concede'] as const)

/** A rule's name: its file under ./rules/ and its entry in ATTACHMENT_WEIGHTS. */
export type RuleName = Exclude<keyof typeof ATTACHMENT_WEIGHTS, (typeof SHARED_WEIGHTS)[number]>
