import type { RelationType, Role, SourceInfo } from '../model/types.js'

/** The diff object (`argmap diff --format json`). Plain JSON; see schema.ts. */

export const DIFF_SCHEMA_VERSION = 'argmap-diff/1' as const

/** A unit on one side of the diff. */
export interface UnitRef {
  id: string
  role: Role
  text: string
  /** 1-based line where the unit starts, in its version. */
  line: number
  /** 0-based prose block index in its version. */
  paragraph: number
  /** 0-based position in its version's unit list. */
  index: number
  confidence: number
  /** A reviewer decided this unit (the version's review sidecar applied); absent otherwise. */
  reviewed?: true
}

export type UnitStatus = 'unchanged' | 'reworded' | 'added' | 'removed'

export interface WordPart {
  op: 'equal' | 'insert' | 'delete'
  text: string
}

export interface UnitChange {
  status: UnitStatus
  /** Absent for added units. */
  old: UnitRef | null
  /** Absent for removed units. */
  new: UnitRef | null
  /** Text similarity of an aligned pair (1 when unchanged), null otherwise. */
  similarity: number | null
  /** Word-level diff of a reworded unit's text. */
  words?: WordPart[]
  /** Out of document order: `paragraph` when it left its paragraph, `order` when it moved with it or inside it. */
  moved?: { kind: 'paragraph' | 'order'; from: number; to: number }
  role?: { from: Role; to: Role }
  confidence?: { from: number; to: number }
}

export interface RelationRef {
  from: string
  to: string
  type: RelationType
}

export type RelationStatus = 'unchanged' | 'added' | 'removed' | 'flipped' | 'retargeted'

/**
 * A relation change, in terms of aligned units: `old` uses old-map ids, `new`
 * new-map ids. `flipped`: same aligned endpoints, support ↔ attack.
 * `retargeted`: same (aligned) source unit, another target.
 */
export interface RelationChange {
  status: RelationStatus
  old: RelationRef | null
  new: RelationRef | null
}

export type ConclusionStatus = 'same' | 'reworded' | 'changed' | 'added' | 'removed' | 'none'

export interface Headlines {
  conclusion: { status: ConclusionStatus; old: string[]; new: string[] }
  /** New-map ids of claims (or the conclusion) that had support before and have none now. */
  lostSupport: string[]
  /** New attack relations on a conclusion (added, flipped or retargeted onto it). */
  newAttacksOnConclusion: RelationRef[]
  /** Argumentative units whose old target was removed and that now attach to nothing. */
  dangling: Array<{ id: string; formerTarget: string }>
}

export interface DiffSummary {
  unchanged: number
  reworded: number
  added: number
  removed: number
  moved: number
  roleChanged: number
  confidenceChanged: number
  relations: { unchanged: number; added: number; removed: number; flipped: number; retargeted: number }
}

export interface ArgumentDiff {
  schema: typeof DIFF_SCHEMA_VERSION
  old: SourceInfo
  new: SourceInfo
  /** True when the argument structure is unchanged (rewording too, unless ignored). */
  same: boolean
  ignoreRewording: boolean
  headlines: Headlines
  summary: DiffSummary
  /** Old paragraphs whose units moved as a block, out of document order. */
  paragraphs: { moved: Array<{ from: number; to: number; units: number }> }
  /** Every unit of both versions, in new-document order (removed units where they were). */
  units: UnitChange[]
  /** Every relation of both versions, matched through the unit alignment, in new-document order of their source. */
  relations: RelationChange[]
}

/** Directory pair: files matched by name, renamed files by unit content. */
export type FileStatus = 'same' | 'changed' | 'added' | 'removed' | 'renamed'

export interface FileDiff {
  status: FileStatus
  old: string | null
  new: string | null
  /** Share of units matched across a rename, 0..1. */
  similarity?: number
  diff: ArgumentDiff | null
}

export interface DirectoryDiff {
  schema: 'argmap-dirdiff/1'
  old: string
  new: string
  same: boolean
  files: FileDiff[]
}
