/**
 * The one typed model every stage shares. Plain JSON, linked by id (no object
 * references), so a map can be written, read back, diffed and validated as is.
 */

/**
 * argmap/2 adds the `restates` relation (a restatement of the thesis, itself a
 * conclusion, points at the thesis). An argmap/1 map is an argmap/2 map
 * without restatements: readers take both and write argmap/2.
 */
export const SCHEMA_VERSION = 'argmap/2' as const
export const READABLE_SCHEMAS: readonly string[] = Object.freeze(['argmap/1', 'argmap/2'])

export type Role = 'conclusion' | 'claim' | 'premise' | 'none'
export const ROLES: readonly Role[] = Object.freeze(['conclusion', 'claim', 'premise', 'none'])
export const ARGUMENT_ROLES: readonly Exclude<Role, 'none'>[] = Object.freeze(['conclusion', 'claim', 'premise'])

/**
 * `restates`: a later statement of the thesis (itself a conclusion) points at
 * the thesis it repeats (AIF: an MA node; Argdown: an equivalence).
 */
export type RelationType = 'support' | 'attack' | 'restates'
export const RELATION_TYPES: readonly RelationType[] = Object.freeze(['support', 'attack', 'restates'])

/** A place in the original source: 1-based line and column (UTF-16), 0-based offset (UTF-16 index). */
export interface Point {
  line: number
  column: number
  offset: number
}

/** Kind of markdown block a unit was found in. */
export type BlockKind = 'heading' | 'paragraph' | 'tableCell'

export interface Unit {
  /** Stable id derived from the unit's normalised text (plus an occurrence count). */
  id: string
  role: Role
  /** Exactly `source.slice(start.offset, end.offset)`. */
  text: string
  start: Point
  end: Point
  /** Index of the prose block (paragraph, heading, table cell) the unit sits in, in document order. */
  paragraph: number
  confidence: number
  /** Why the role was chosen: signal ids such as `marker:because`, `position:last-paragraph`. */
  signals: string[]
  /** Set when a reviewer's correction decided this unit's role. */
  reviewed?: boolean
  /** Set when a correction was carried over to a reworded sentence and wants a second look. */
  flagged?: boolean
}

export interface Relation {
  from: string
  to: string
  type: RelationType
  confidence: number
  signals: string[]
  reviewed?: boolean
  flagged?: boolean
}

export interface SourceInfo {
  /** The path as given on the command line (or `-` for standard input). */
  path: string
  /** Hex sha256 of the source bytes. */
  sha256: string
  /** Plain text of the first heading, or null. */
  title: string | null
}

export interface ArgumentMap {
  schema: typeof SCHEMA_VERSION
  source: SourceInfo
  units: Unit[]
  relations: Relation[]
}

/**
 * A sentence (or clause) found by segmentation, before tagging. Offsets are
 * absolute UTF-16 indices into the original source.
 */
export interface Segment {
  start: number
  end: number
  /** Raw source text: source.slice(start, end). */
  text: string
  /** Plain text with markdown syntax removed (emphasis markers, link urls, `> ` prefixes...), whitespace collapsed. */
  plain: string
  /** Prose block index, in document order. */
  paragraph: number
  block: BlockKind
  /** Heading depth for headings, otherwise 0. */
  depth: number
  /** Position of the segment inside its block (0-based), and the block's segment count. */
  index: number
  count: number
  /** True when the segment was split off a longer sentence at a connective ("X, because Y"). */
  clause: boolean
  /** Enclosing containers, outermost first: 'blockquote', 'listItem', 'table', 'footnote'. */
  containers: string[]
}
