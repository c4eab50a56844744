/**
 * Types shared by the evaluation modules: gold documents, the markdown built
 * from them, predictions in gold coordinates, alignments and score counts.
 */
import type { RelationType, Role } from '../model/types.js'

export type GoldRole = Exclude<Role, 'none'>

export interface GoldUnit {
  id: string
  role: GoldRole
  /** The annotators' text (first span for multi-span units; a reconstruction for implicit ones). */
  text: string
  /** Character spans [start, end) into the gold text; empty for implicit units. */
  spans: Array<[number, number]>
  /** True for an unstated central claim the annotators reconstructed (no offsets). */
  implicit: boolean
}

export interface GoldRelation {
  from: string
  to: string
  type: RelationType
}

export interface GoldDoc {
  id: string
  text: string
  paragraphs: Array<[number, number]>
  units: GoldUnit[]
  relations: GoldRelation[]
  /** `markdown`: `text` is the markdown source, analysed as is (offsets are source offsets); otherwise plain text. */
  format?: 'markdown'
  /** The document's split (train, dev, test) and source group, when the gold file records them. */
  split?: string
  source?: string
  /** Cross-validation folds given by the corpus (microtexts part 1: the test fold of each of 10 iterations). */
  cvFolds?: number[]
}

/** A unit the system predicted, with its range mapped back into the gold text. */
export interface PredUnit {
  id: string
  role: Role
  /** [start, end) in the gold text. */
  start: number
  end: number
  text: string
  paragraph: number
  confidence: number
  signals: string[]
}

export interface PredRelation {
  from: string
  to: string
  type: RelationType
}

export interface Prediction {
  units: PredUnit[]
  relations: PredRelation[]
}

export interface AlignedPair {
  pred: string
  gold: string
  overlap: number
}

/** One-to-one alignment of predicted to gold units (ids within one document). */
export interface Alignment {
  pairs: AlignedPair[]
  /** predicted unit id -> gold unit id */
  predToGold: Map<string, string>
  /** gold unit id -> predicted unit id */
  goldToPred: Map<string, string>
}

/** Precision / recall / F1 with the counts they were computed from. */
export interface Prf {
  tp: number
  predicted: number
  gold: number
  precision: number
  recall: number
  f1: number
}

export const CONFUSION_ROWS = ['conclusion', 'claim', 'premise', 'unmatched'] as const
export const CONFUSION_COLS = ['conclusion', 'claim', 'premise', 'none', 'unmatched'] as const
export type ConfusionRow = (typeof CONFUSION_ROWS)[number]
export type ConfusionCol = (typeof CONFUSION_COLS)[number]
/** confusion[goldRole][predictedRole]; `unmatched` = no aligned unit on that side. */
export type Confusion = Record<ConfusionRow, Record<ConfusionCol, number>>

export interface SystemScores {
  segmentation: Prf
  roles: Record<GoldRole, Prf>
  macroF1: number
  /**
   * `accuracy` over all documents (an implicit gold conclusion counts as wrong
   * for every system); `explicitAccuracy` over the documents whose gold
   * conclusion is in the text, the only ones any system can get right.
   */
  centralClaim: { correct: number; documents: number; accuracy: number; explicitDocuments: number; explicitAccuracy: number }
  attachment: Prf
  typedAttachment: Prf
  confusion: Confusion
}

/** The systems of a run: argmap and the two baselines (see baselines.ts). */
/** `argmap`: the pipeline as it runs (the default model unless told otherwise); `rules`: the rules alone. */
export const SYSTEMS = ['argmap', 'rules', 'all-premise', 'position'] as const
export type SystemName = (typeof SYSTEMS)[number]

export interface EvalResult {
  gold: {
    /** File name of the gold file (no directory, so reports do not depend on where it lives). */
    file: string
    documents: number
    units: number
    implicitUnits: number
    multiSpanUnits: number
    relations: number
  }
  /**
   * Best figures any labelling of argmap's units could reach: the share of
   * documents whose gold conclusion some predicted unit aligns with, and of
   * gold relations whose two ends both align.
   */
  ceiling: { centralClaim: number; relationRecall: number }
  systems: Record<SystemName, SystemScores>
  /** argmap's worst-handled units, worst first (see errors.ts). */
  errors: UnitError[]
}

/** A worst-handled unit (src/eval/errors.ts lists them). */
export interface UnitError {
  doc: string
  /** Gold offsets [start, end) of the unit (the predicted unit's when no gold unit aligns). */
  start: number
  end: number
  text: string
  goldRole: GoldRole | 'unmatched'
  predictedRole: Role | 'unmatched'
  confidence: number
  signals: string[]
  /** Outgoing relation in gold / in the prediction: type and the target's text (null when none). */
  goldRelation: { type: string; to: string } | null
  predictedRelation: { type: string; to: string } | null
  severity: number
}
