/**
 * Evaluation against hand-annotated gold maps (`argmap eval`): `evaluate()`
 * runs the same pipeline as `argmap run` on every gold document and scores it
 * beside two baselines. See README "Accuracy".
 */
import { basename } from 'node:path'
import { analyze } from '../pipeline.js'
import { type Analyzer, evaluateDocs } from './evaluate.js'
import { readGold } from './gold.js'
import type { EvalResult } from './types.js'

export { align } from './align.js'
export { allPremise, BASELINES, positionBaseline } from './baselines.js'
export type { UnitError } from './errors.js'
export { type Analyzer, evaluateDocs, toPrediction } from './evaluate.js'
export { GoldError, goldToMarkdown, mapRange, parseGold, readGold } from './gold.js'
export { formatReport, type ReportFormat, type ReportOptions } from './report.js'
export { figures, scoreDocument } from './score.js'
export { SYSTEMS } from './types.js'
export type * from './types.js'

export interface EvalOptions {
  /** The analysis to measure; defaults to the `argmap run` pipeline. */
  analyze?: Analyzer
}

/** Evaluate against a gold JSONL file. Throws GoldError for a missing or invalid file. */
export function evaluate(goldPath: string, options: EvalOptions = {}): EvalResult {
  return evaluateDocs(readGold(goldPath), basename(goldPath), options.analyze ?? analyze)
}
