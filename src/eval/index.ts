/**
 * Evaluation against hand-annotated gold maps (`argmap eval`): `evaluate()`
 * runs the same pipeline as `argmap run` on every gold document and scores it
 * beside two baselines. See README "Accuracy".
 */
import { basename } from 'node:path'
import { analyze } from '../pipeline.js'
import { type Analyzer, evaluateDocs } from './evaluate.js'
import { GoldError, readGold } from './gold.js'
import type { EvalResult, GoldDoc } from './types.js'

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
  /** The analysis to measure; defaults to the `argmap run` pipeline (with its default model). */
  analyze?: Analyzer
  /** Keep only the documents of these splits (the gold's `split` field). */
  splits?: readonly string[]
  /** Keep only the documents of these sources (the gold's `source` field). */
  sources?: readonly string[]
}

/** The pipeline with the rules alone: the `rules` column of every report. */
export const rulesOnly: Analyzer = (source, options) => analyze(source, { ...options, model: 'rules' })

/** The documents of a gold file that the options select (all of them by default). */
export function selectDocs(docs: readonly GoldDoc[], options: Pick<EvalOptions, 'splits' | 'sources'>): GoldDoc[] {
  return docs.filter(
    (d) => (!options.splits?.length || options.splits.includes(d.split ?? '')) && (!options.sources?.length || options.sources.includes(d.source ?? '')),
  )
}

/** Evaluate against a gold JSONL file, beside the rules alone and both baselines. Throws GoldError for a missing or invalid file. */
export function evaluate(goldPath: string, options: EvalOptions = {}): EvalResult {
  const docs = selectDocs(readGold(goldPath), options)
  if (!docs.length) throw new GoldError(`No documents in ${goldPath} match the selected splits or sources`)
  return evaluateSelected(docs, basename(goldPath), options.analyze)
}

/** Evaluate documents already read (and selected), beside the rules alone and both baselines. */
export function evaluateSelected(docs: readonly GoldDoc[], name: string, analyzer: Analyzer = analyze): EvalResult {
  return evaluateDocs(docs, name, analyzer, rulesOnly)
}
