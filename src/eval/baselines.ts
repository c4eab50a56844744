/**
 * The two baselines every figure is read against. Both keep argmap's own
 * segmentation (the same predicted units, `none` units included, so they do
 * not depend on the tagger) and replace the roles and relations:
 *
 * - `all-premise`: the last unit of the text is the conclusion; every other
 *   unit is a premise supporting the conclusion directly.
 * - `position`: the first unit of the text is the conclusion; the first unit of
 *   every other paragraph is a claim supporting the conclusion; every other
 *   unit is a premise supporting the nearest preceding claim, or the
 *   conclusion when no claim precedes it.
 */
import type { PredRelation, PredUnit, Prediction } from './types.js'

export const BASELINES = ['all-premise', 'position'] as const
export type BaselineName = (typeof BASELINES)[number]

function inOrder(units: readonly PredUnit[]): PredUnit[] {
  return [...units].sort((a, b) => a.start - b.start || a.end - b.end)
}

function relabel(u: PredUnit, role: PredUnit['role']): PredUnit {
  return { ...u, role, confidence: 1, signals: [] }
}

export function allPremise(pred: Prediction): Prediction {
  const units = inOrder(pred.units)
  const last = units[units.length - 1]
  if (!last) return { units: [], relations: [] }
  const relations: PredRelation[] = []
  const out = units.map((u) => {
    if (u === last) return relabel(u, 'conclusion')
    relations.push({ from: u.id, to: last.id, type: 'support' })
    return relabel(u, 'premise')
  })
  return { units: out, relations }
}

export function positionBaseline(pred: Prediction): Prediction {
  const units = inOrder(pred.units)
  const first = units[0]
  if (!first) return { units: [], relations: [] }
  const relations: PredRelation[] = []
  let claim: PredUnit | null = null
  let paragraph = first.paragraph
  const out = units.map((u) => {
    if (u === first) return relabel(u, 'conclusion')
    if (u.paragraph !== paragraph) {
      paragraph = u.paragraph
      claim = u
      relations.push({ from: u.id, to: first.id, type: 'support' })
      return relabel(u, 'claim')
    }
    relations.push({ from: u.id, to: (claim ?? first).id, type: 'support' })
    return relabel(u, 'premise')
  })
  return { units: out, relations }
}

export function baseline(name: BaselineName, pred: Prediction): Prediction {
  return name === 'all-premise' ? allPremise(pred) : positionBaseline(pred)
}
