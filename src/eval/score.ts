/**
 * Scores one system's predictions against gold, document by document; counts
 * are summed over the file and turned into figures once (micro-averaged).
 *
 * - Segmentation compares ALL predicted units (whatever their role, `none`
 *   included) with the gold units that have text: the gold texts are
 *   argumentative throughout, so every unit should have been found.
 * - Roles: a predicted `none` unit has no role. For role r, precision =
 *   aligned pairs with both roles r / predicted units with role r; recall = the
 *   same / gold units with role r (implicit gold units included: nobody can
 *   find them). Macro F1 = mean of the conclusion, claim and premise F1.
 * - Central claim: a document is right when it has exactly one predicted
 *   conclusion that restates no other (its thesis) and that unit is aligned
 *   to a gold conclusion (the thesis or a restatement of it).
 * - Relations: a predicted relation is mapped through the alignment; attachment
 *   counts distinct (from, to) pairs, typed attachment (from, to, type).
 * - A figure whose denominator is 0 is 0.
 */
import { ARGUMENT_ROLES } from '../model/types.js'
import type { Alignment, Confusion, ConfusionCol, GoldDoc, GoldRole, Prediction, Prf, SystemScores } from './types.js'
import { CONFUSION_COLS, CONFUSION_ROWS } from './types.js'

interface Tally {
  tp: number
  predicted: number
  gold: number
}

export interface Counts {
  documents: number
  /** Documents whose gold conclusion is explicit (has offsets). */
  explicitDocuments: number
  centralCorrect: number
  segmentation: Tally
  roles: Record<GoldRole, Tally>
  attachment: Tally
  typedAttachment: Tally
  confusion: Confusion
}

const tally = (): Tally => ({ tp: 0, predicted: 0, gold: 0 })

export function emptyConfusion(): Confusion {
  const matrix = {} as Confusion
  for (const row of CONFUSION_ROWS) {
    matrix[row] = {} as Record<ConfusionCol, number>
    for (const col of CONFUSION_COLS) matrix[row][col] = 0
  }
  return matrix
}

export function emptyCounts(): Counts {
  return {
    documents: 0,
    explicitDocuments: 0,
    centralCorrect: 0,
    segmentation: tally(),
    roles: { conclusion: tally(), claim: tally(), premise: tally() },
    attachment: tally(),
    typedAttachment: tally(),
    confusion: emptyConfusion(),
  }
}

const isGoldRole = (role: string): role is GoldRole => role === 'conclusion' || role === 'claim' || role === 'premise'

/** Counts for one document. */
export function scoreDocument(gold: GoldDoc, pred: Prediction, alignment: Alignment): Counts {
  const c = emptyCounts()
  c.documents = 1
  c.explicitDocuments = gold.units.some((u) => u.role === 'conclusion' && !u.implicit) ? 1 : 0
  const goldById = new Map(gold.units.map((u) => [u.id, u]))
  const predById = new Map(pred.units.map((u) => [u.id, u]))

  c.segmentation.predicted = pred.units.length
  c.segmentation.gold = gold.units.filter((u) => !u.implicit).length
  c.segmentation.tp = alignment.pairs.length

  for (const g of gold.units) c.roles[g.role].gold++
  for (const p of pred.units) {
    if (isGoldRole(p.role)) c.roles[p.role].predicted++
    const g = goldById.get(alignment.predToGold.get(p.id) ?? '')
    if (g) {
      c.confusion[g.role][p.role]++
      if (g.role === p.role) c.roles[g.role].tp++
    } else {
      c.confusion.unmatched[p.role]++
    }
  }
  for (const g of gold.units) if (!alignment.goldToPred.has(g.id)) c.confusion[g.role].unmatched++

  // The central claim is the conclusion that restates no other (a restatement of the thesis is a conclusion too).
  const restating = new Set(pred.relations.filter((r) => r.type === 'restates').map((r) => r.from))
  const conclusions = pred.units.filter((u) => u.role === 'conclusion' && !restating.has(u.id))
  if (conclusions.length === 1) {
    const g = goldById.get(alignment.predToGold.get(conclusions[0]!.id) ?? '')
    if (g?.role === 'conclusion') c.centralCorrect = 1
  }

  const goldPairs = new Set(gold.relations.map((r) => `${r.from}\u0000${r.to}`))
  const goldTriples = new Set(gold.relations.map((r) => `${r.from}\u0000${r.to}\u0000${r.type}`))
  const predPairs = new Set<string>()
  const predTriples = new Set<string>()
  for (const r of pred.relations) {
    if (!predById.has(r.from) || !predById.has(r.to)) continue
    // Unaligned endpoints get a key no gold relation can have.
    const from = alignment.predToGold.get(r.from) ?? `\u0001${r.from}`
    const to = alignment.predToGold.get(r.to) ?? `\u0001${r.to}`
    predPairs.add(`${from}\u0000${to}`)
    predTriples.add(`${from}\u0000${to}\u0000${r.type}`)
  }
  c.attachment = { tp: intersect(predPairs, goldPairs), predicted: predPairs.size, gold: goldPairs.size }
  c.typedAttachment = { tp: intersect(predTriples, goldTriples), predicted: predTriples.size, gold: goldTriples.size }
  return c
}

function intersect(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0
  for (const x of a) if (b.has(x)) n++
  return n
}

function addTally(into: Tally, t: Tally): void {
  into.tp += t.tp
  into.predicted += t.predicted
  into.gold += t.gold
}

/** Add `c` into `into` (in place). */
export function addCounts(into: Counts, c: Counts): void {
  into.documents += c.documents
  into.explicitDocuments += c.explicitDocuments
  into.centralCorrect += c.centralCorrect
  addTally(into.segmentation, c.segmentation)
  for (const r of ARGUMENT_ROLES) addTally(into.roles[r], c.roles[r])
  addTally(into.attachment, c.attachment)
  addTally(into.typedAttachment, c.typedAttachment)
  for (const row of CONFUSION_ROWS) for (const col of CONFUSION_COLS) into.confusion[row][col] += c.confusion[row][col]
}

const ratio = (n: number, d: number): number => (d === 0 ? 0 : n / d)

export function prf(t: Tally): Prf {
  const precision = ratio(t.tp, t.predicted)
  const recall = ratio(t.tp, t.gold)
  const f1 = ratio(2 * precision * recall, precision + recall)
  return { ...t, precision, recall, f1 }
}

/** Figures from summed counts. */
export function figures(c: Counts): SystemScores {
  const roles = {
    conclusion: prf(c.roles.conclusion),
    claim: prf(c.roles.claim),
    premise: prf(c.roles.premise),
  }
  return {
    segmentation: prf(c.segmentation),
    roles,
    macroF1: (roles.conclusion.f1 + roles.claim.f1 + roles.premise.f1) / 3,
    centralClaim: {
      correct: c.centralCorrect,
      documents: c.documents,
      accuracy: ratio(c.centralCorrect, c.documents),
      explicitDocuments: c.explicitDocuments,
      explicitAccuracy: ratio(c.centralCorrect, c.explicitDocuments),
    },
    attachment: prf(c.attachment),
    typedAttachment: prf(c.typedAttachment),
    confusion: c.confusion,
  }
}
