/**
 * Training the learned tagger and linker from gold documents (and, through
 * the caller, from reviewers' corrections turned into the same shape).
 *
 * Each gold document goes through argmap's own parse and segmentation; its
 * units are aligned to the gold units by the scorer's rule (shared characters
 * ≥ half the longer), so the labels are exactly what `argmap eval` will ask
 * for. Deterministic: the same documents in the same order give the same
 * model file, byte for byte.
 */
import { align } from '../eval/align.js'
import { goldToMarkdown, mapRange } from '../eval/gold.js'
import type { GoldDoc, PredUnit } from '../eval/types.js'
import type { Role } from '../model/types.js'
import { firstHeading, parseMarkdown } from '../parse/index.js'
import { segment } from '../segment/index.js'
import { tagSegments } from '../tag/index.js'
import { docView, type DocView, pairFeatures, typeFeatures, unitFeatures } from './features.js'
import { type Example, train, Vocabulary } from './linear.js'
import { candidates, chooseThesis, CLASSES, MODEL_SCHEMA, type ModelFile, Model, ruleView } from './model.js'

/** One document ready for learning: its units' view and labels. */
export interface LabelledDoc {
  id: string
  view: DocView
  /** Class index per unit (CLASSES), or -1 when the unit has no label (not reviewed). */
  role: Int8Array
  /** Gold target per unit (-1: none) and its type. */
  target: Int32Array
  type: Array<'support' | 'attack' | 'restates' | null>
}

export interface TrainSettings {
  epochs: number
  l2: number
  minCount: number
}

export const DEFAULT_SETTINGS: TrainSettings = Object.freeze({ epochs: 12, l2: 1e-3, minCount: 2 })

/** A gold document as argmap's units with labels. */
export function labelGold(doc: GoldDoc): LabelledDoc {
  const { markdown, toGold } = goldToMarkdown(doc)
  const parsed = parseMarkdown(markdown)
  const segments = segment(markdown, {}, parsed)
  const rules = tagSegments(segments, firstHeading(parsed.tree))
  const view = docView(segments, ruleView(rules))
  const pred: PredUnit[] = segments.map((s, i) => {
    const [start, end] = mapRange(toGold, s.start, s.end) ?? [0, 0]
    return { id: String(i), role: 'none', start, end, text: s.text, paragraph: s.paragraph, confidence: 0, signals: [] }
  })
  const alignment = align(pred, doc.units)
  const goldRole = new Map(doc.units.map((u) => [u.id, u.role]))
  const n = segments.length
  const role = new Int8Array(n)
  const target = new Int32Array(n).fill(-1)
  const type: LabelledDoc['type'] = new Array(n).fill(null)
  for (let i = 0; i < n; i++) {
    const g = alignment.predToGold.get(String(i))
    role[i] = g === undefined ? 0 : CLASSES.indexOf(goldRole.get(g) as Role)
  }
  for (const r of doc.relations) {
    const from = alignment.goldToPred.get(r.from)
    const to = alignment.goldToPred.get(r.to)
    if (from === undefined || to === undefined || from === to) continue
    target[Number(from)] = Number(to)
    type[Number(from)] = r.type
  }
  return { id: doc.id, view, role, target, type }
}

interface Encoded {
  vocab: Vocabulary
  weights: Float64Array
}

function fitClasses(lists: string[][], labels: number[], k: number, s: TrainSettings, progress?: (m: string) => void, name = 'roles'): Encoded {
  const vocab = Vocabulary.fromCounts(lists, s.minCount)
  const examples: Example[] = lists.map((l, x) => {
    const ids = vocab.encode(l)
    return { options: Array.from({ length: k }, (_, c) => Int32Array.from(ids, (id) => id * k + c)), gold: labels[x]! }
  })
  const weights = train(examples, vocab.size * k, { epochs: s.epochs, l2: s.l2, onEpoch: (e, loss) => progress?.(`${name}: epoch ${e}/${s.epochs}, loss ${loss.toFixed(4)}`) })
  return { vocab, weights }
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4

function classWeights(e: Encoded, k: number): Record<string, number[]> {
  const out: Record<string, number[]> = {}
  e.vocab.names.forEach((name, id) => {
    const w = Array.from({ length: k }, (_, c) => r4(e.weights[id * k + c]!))
    if (w.some((x) => x !== 0)) out[name] = w
  })
  return out
}

/** Role probabilities per unit of each document from a roles-only model (for the link model's inputs). */
function roleModel(e: Encoded): Model {
  return new Model({
    schema: MODEL_SCHEMA,
    about: { trainedOn: [], documents: 0, units: 0, relations: 0, options: {} },
    roles: { classes: [...CLASSES], weights: classWeights(e, CLASSES.length) },
    links: { weights: {} },
    types: { classes: ['support', 'attack'], weights: {} },
  })
}

export interface TrainInput {
  docs: readonly LabelledDoc[]
  trainedOn: string[]
  settings?: Partial<TrainSettings>
  progress?: (message: string) => void
}

/** Train the three models. */
export function trainModel(input: TrainInput): ModelFile {
  const s: TrainSettings = { ...DEFAULT_SETTINGS, ...input.settings }
  const docs = input.docs
  const progress = input.progress
  // Roles: every labelled unit.
  const roleLists: string[][] = []
  const roleLabels: number[] = []
  for (const d of docs) {
    for (let i = 0; i < d.role.length; i++) {
      if (d.role[i]! < 0) continue
      roleLists.push(unitFeatures(d.view, i))
      roleLabels.push(d.role[i]!)
    }
  }
  const roles = fitClasses(roleLists, roleLabels, CLASSES.length, s, progress, 'roles')
  // The link model reads predicted roles; predict each document's with a role model fitted on the other half.
  const half = (k: number): LabelledDoc[] => docs.filter((_, x) => x % 2 === k)
  const predicted = new Map<LabelledDoc, Float64Array[]>()
  for (const k of [0, 1]) {
    const fit = half(1 - k)
    const lists: string[][] = []
    const labels: number[] = []
    for (const d of fit) for (let i = 0; i < d.role.length; i++) if (d.role[i]! >= 0) (lists.push(unitFeatures(d.view, i)), labels.push(d.role[i]!))
    const m = roleModel(fitClasses(lists, labels, CLASSES.length, s))
    for (const d of half(k)) predicted.set(d, d.view.segments.map((_, i) => m.roleProbabilities(d.view, i).p))
  }
  const linkLists: string[][][] = []
  const linkGold: number[] = []
  const typeLists: string[][] = []
  const typeLabels: number[] = []
  let relations = 0
  for (const d of docs) {
    const p = predicted.get(d)!
    const segments = d.view.segments
    // As the model decodes: the rules decide none, the role model the role of the others.
    const best = p.map((x, i) => {
      if (d.view.rules.tagged[i]!.role === 'none') return 0
      let b = 1
      for (let c = 2; c < x.length; c++) if (x[c]! > x[b]!) b = c
      return b
    })
    const thesis = chooseThesis(segments, d.view.rules.tagged, best, Float64Array.from(p, (x) => x[1]!))
    // Candidate targets as the model will see them: units read as claims or conclusions, and the thesis.
    const arg = best.map((c, i) => c === 1 || c === 2 || i === thesis)
    const roles = best.map((c, k) => (k === thesis ? 'conclusion' : CLASSES[c]!))
    for (let i = 0; i < d.target.length; i++) {
      const t = d.target[i]!
      const type = d.type[i]
      if (t < 0 || type === 'restates' || type === null) continue
      relations++
      const cands = candidates(d.view, i, arg, thesis)
      if (!cands.includes(t)) cands.push(t)
      linkLists.push(cands.map((j) => pairFeatures(d.view, i, j, roles, thesis)))
      linkGold.push(cands.indexOf(t))
      typeLists.push(typeFeatures(d.view, i, t, roles, thesis))
      typeLabels.push(type === 'attack' ? 1 : 0)
    }
  }
  const linkVocab = Vocabulary.fromCounts(linkLists.flat(), s.minCount)
  const linkExamples: Example[] = linkLists.map((opts, x) => ({ options: opts.map((o) => Int32Array.from(linkVocab.encode(o))), gold: linkGold[x]! }))
  const linkW = train(linkExamples, linkVocab.size, { epochs: s.epochs, l2: s.l2, onEpoch: (e, loss) => progress?.(`links: epoch ${e}/${s.epochs}, loss ${loss.toFixed(4)}`) })
  const types = fitClasses(typeLists, typeLabels, 2, s, progress, 'types')
  const links: Record<string, number> = {}
  linkVocab.names.forEach((name, id) => {
    const w = r4(linkW[id]!)
    if (w !== 0) links[name] = w
  })
  let units = 0
  for (const d of docs) for (const r of d.role) if (r >= 0) units++
  return {
    schema: MODEL_SCHEMA,
    about: {
      trainedOn: input.trainedOn,
      documents: docs.length,
      units,
      relations,
      options: { epochs: s.epochs, l2: s.l2, minCount: s.minCount },
    },
    roles: { classes: [...CLASSES], weights: classWeights(roles, CLASSES.length) },
    links: { weights: links },
    types: { classes: ['support', 'attack'], weights: classWeights(types, 2) },
  }
}
