/**
 * The tagger plans the argument's structure to tell claims from premises;
 * the relation finder needs the same plan when it reads the same units with
 * the same argumentative mask and conclusion (the usual case: no reviewer
 * changed a role in between). The tagger leaves its plan here and the finder
 * takes it, once; any difference in the inputs means a fresh plan.
 */
import type { Segment } from '../model/types.js'
import type { Attachment } from './attach.js'

interface Planned {
  arg: readonly boolean[]
  conclusion: number
  structure: Attachment[]
}

const LEFT = new WeakMap<readonly Segment[], Planned>()

/** Keep the plan made for `segments` (by identity) with this mask and conclusion. */
export function leavePlan(segments: readonly Segment[], arg: readonly boolean[], conclusion: number, structure: Attachment[]): void {
  LEFT.set(segments, { arg, conclusion, structure })
}

/** The plan left for these very segments when mask and conclusion are the same, or null (either way it is used up). */
export function takePlan(segments: readonly Segment[], arg: readonly boolean[], conclusion: number): Attachment[] | null {
  const left = LEFT.get(segments)
  if (!left) return null
  LEFT.delete(segments)
  if (left.conclusion !== conclusion || left.arg.length !== arg.length) return null
  for (let i = 0; i < arg.length; i++) if (left.arg[i] !== arg[i]) return null
  return left.structure
}
