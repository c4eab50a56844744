/**
 * K-fold cross-validation by document: train on K-1 folds, score the held-out
 * fold with the scorer `argmap eval` uses, report each figure's mean and
 * spread over the folds. Nothing is written: a model fitted inside a fold
 * (on the microtexts, say) lives only in memory.
 */
import { evaluateSelected } from '../eval/index.js'
import { aligned, markdownTable, num, type ReportFormat, round4 } from '../eval/report.js'
import type { EvalResult, GoldDoc, SystemName, SystemScores } from '../eval/types.js'
import { SYSTEMS } from '../eval/types.js'
import { analyze } from '../pipeline.js'
import { Model } from './model.js'
import { labelGold, type TrainSettings, trainModel } from './train.js'

export interface CvFigure {
  mean: number
  sd: number
  folds: number[]
}

export interface CvResult {
  k: number
  documents: number
  /** How the folds were made: `cv_folds` (the corpus's own folds) or `round-robin` (by sorted id). */
  folds: 'cv_folds' | 'round-robin'
  systems: Record<SystemName, Record<CvKey, CvFigure>>
  results: EvalResult[]
}

export const CV_KEYS = ['macroF1', 'conclusionF1', 'claimF1', 'premiseF1', 'centralClaim', 'attachmentF1', 'typedAttachmentF1'] as const
export type CvKey = (typeof CV_KEYS)[number]

const pick: Record<CvKey, (s: SystemScores) => number> = {
  macroF1: (s) => s.macroF1,
  conclusionF1: (s) => s.roles.conclusion.f1,
  claimF1: (s) => s.roles.claim.f1,
  premiseF1: (s) => s.roles.premise.f1,
  centralClaim: (s) => s.centralClaim.accuracy,
  attachmentF1: (s) => s.attachment.f1,
  typedAttachmentF1: (s) => s.typedAttachment.f1,
}

/** Fold index per document: the gold's own first `cv_folds` entry when every document has one, else round-robin over sorted ids. */
export function foldsOf(docs: readonly GoldDoc[], k: number): { fold: number[]; kind: CvResult['folds'] } {
  if (docs.every((d) => Array.isArray(d.cvFolds) && d.cvFolds.length > 0) && new Set(docs.map((d) => d.cvFolds![0])).size === k) {
    return { fold: docs.map((d) => d.cvFolds![0]!), kind: 'cv_folds' }
  }
  const order = docs.map((d, i) => [d.id, i] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const fold = new Array<number>(docs.length)
  order.forEach(([, i], rank) => (fold[i] = rank % k))
  return { fold, kind: 'round-robin' }
}

export function crossValidate(
  docs: readonly GoldDoc[],
  k: number,
  options: { settings?: Partial<TrainSettings>; progress?: (m: string) => void; file?: string } = {},
): CvResult {
  const { fold, kind } = foldsOf(docs, k)
  const labelled = docs.map(labelGold)
  const results: EvalResult[] = []
  for (let f = 0; f < k; f++) {
    options.progress?.(`fold ${f + 1}/${k}: training on ${fold.filter((x) => x !== f).length} documents`)
    const file = trainModel({ docs: labelled.filter((_, i) => fold[i] !== f), trainedOn: [], settings: options.settings })
    const model = new Model(file)
    const held = docs.filter((_, i) => fold[i] === f)
    results.push(evaluateSelected(held, options.file ?? 'cv', (source, o) => analyze(source, { ...o, model })))
  }
  const systems = {} as CvResult['systems']
  for (const s of SYSTEMS) {
    systems[s] = {} as Record<CvKey, CvFigure>
    for (const key of CV_KEYS) {
      const xs = results.map((r) => pick[key](r.systems[s]))
      const mean = xs.reduce((a, b) => a + b, 0) / xs.length
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, xs.length - 1))
      systems[s][key] = { mean, sd, folds: xs }
    }
  }
  return { k, documents: docs.length, folds: kind, systems, results }
}

/** Render a cross-validation result: each figure's mean ± spread (sd over folds) per system. */
export function formatCv(cv: CvResult, file: string, format: ReportFormat = 'table'): string {
  const labels: Record<CvKey, string> = {
    macroF1: 'role macro F1',
    conclusionF1: 'conclusion F1',
    claimF1: 'claim F1',
    premiseF1: 'premise F1',
    centralClaim: 'central-claim accuracy',
    attachmentF1: 'attachment F1',
    typedAttachmentF1: 'typed attachment F1',
  }
  const cell = (f: { mean: number; sd: number }) => `${num(f.mean)} ± ${num(f.sd)}`
  const rows = CV_KEYS.map((k) => [labels[k], ...SYSTEMS.map((s) => cell(cv.systems[s][k]))])
  const head = ['figure (mean ± sd over folds)', ...SYSTEMS]
  if (format === 'json') {
    return `${JSON.stringify({ file, k: cv.k, documents: cv.documents, folds: cv.folds, systems: cv.systems }, (_k, v: unknown) => (typeof v === 'number' ? round4(v) : v), 2)}\n`
  }
  const title = `${file}: ${cv.k}-fold cross-validation by document (${cv.documents} documents, folds: ${cv.folds === 'cv_folds' ? "the corpus's own cv_folds, iteration 1" : 'round-robin by id'}); argmap = a model trained on the other folds`
  return format === 'markdown' ? `**${title}**\n\n${markdownTable([head, ...rows])}\n` : `${title}\n\n${aligned([head, ...rows])}\n`
}
