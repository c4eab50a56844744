/**
 * Run an analyzer on every gold document (as markdown), align its units to
 * gold, and score it beside the two baselines. No IO, no pipeline import: the
 * analyzer is passed in (index.ts passes the `argmap run` pipeline).
 */
import type { ArgumentMap } from '../model/types.js'
import { align } from './align.js'
import { BASELINES, baseline } from './baselines.js'
import { documentErrors, sortErrors, type UnitError } from './errors.js'
import { goldToMarkdown, mapRange } from './gold.js'
import { addCounts, emptyCounts, figures, scoreDocument, type Counts } from './score.js'
import type { EvalResult, GoldDoc, Prediction, SystemName } from './types.js'

export type Analyzer = (source: string, options?: { path?: string }) => ArgumentMap

/** A predicted map as units and relations in gold-text offsets. */
export function toPrediction(map: ArgumentMap, toGold: Int32Array): Prediction {
  return {
    units: map.units.map((u) => {
      const [start, end] = mapRange(toGold, u.start.offset, u.end.offset) ?? [0, 0]
      return {
        id: u.id,
        role: u.role,
        start,
        end,
        text: u.text,
        paragraph: u.paragraph,
        confidence: u.confidence,
        signals: u.signals,
      }
    }),
    relations: map.relations.map((r) => ({ from: r.from, to: r.to, type: r.type })),
  }
}

/** Score `analyze` (and the baselines on its units) against gold documents; `file` names them in the result. */
export function evaluateDocs(docs: readonly GoldDoc[], file: string, analyze: Analyzer, rules: Analyzer = analyze): EvalResult {
  const totals: Record<SystemName, Counts> = { argmap: emptyCounts(), rules: emptyCounts(), 'all-premise': emptyCounts(), position: emptyCounts() }
  const errors: UnitError[] = []
  let reachableConclusions = 0
  let reachableRelations = 0
  for (const doc of docs) {
    const { markdown, toGold } = goldToMarkdown(doc)
    let map: ArgumentMap
    try {
      map = analyze(markdown, { path: `${doc.id}.md` })
    } catch (error) {
      throw new Error(`analysis failed on gold document ${doc.id}: ${(error as Error).message}`, { cause: error })
    }
    const predicted = toPrediction(map, toGold)
    const alignment = align(predicted.units, doc.units)
    addCounts(totals.argmap, scoreDocument(doc, predicted, alignment))
    errors.push(...documentErrors(doc, predicted, alignment))
    if (doc.units.some((u) => u.role === 'conclusion' && alignment.goldToPred.has(u.id))) reachableConclusions++
    for (const r of doc.relations) {
      if (alignment.goldToPred.has(r.from) && alignment.goldToPred.has(r.to)) reachableRelations++
    }
    // The rules alone (the same units, so the same alignment), unless they are what was measured.
    const ruleMap = rules === analyze ? map : rules(markdown, { path: `${doc.id}.md` })
    addCounts(totals.rules, scoreDocument(doc, rules === analyze ? predicted : toPrediction(ruleMap, toGold), alignment))
    // Baselines keep the same units, so the same alignment holds.
    for (const name of BASELINES) addCounts(totals[name], scoreDocument(doc, baseline(name, predicted), alignment))
  }
  let units = 0
  let implicitUnits = 0
  let multiSpanUnits = 0
  let relations = 0
  for (const d of docs) {
    units += d.units.length
    relations += d.relations.length
    for (const u of d.units) {
      if (u.implicit) implicitUnits++
      if (u.spans.length > 1) multiSpanUnits++
    }
  }
  return {
    gold: { file, documents: docs.length, units, implicitUnits, multiSpanUnits, relations },
    ceiling: {
      centralClaim: docs.length ? reachableConclusions / docs.length : 0,
      relationRecall: relations ? reachableRelations / relations : 0,
    },
    systems: {
      argmap: figures(totals.argmap),
      rules: figures(totals.rules),
      'all-premise': figures(totals['all-premise']),
      position: figures(totals.position),
    },
    errors: sortErrors(errors),
  }
}
