/**
 * The learned tagger and linker. Three log-linear models over the readable
 * features of ./features.ts:
 *
 * - roles: none / conclusion / claim / premise per unit (multinomial; the
 *   rules decide which units are argumentative, the model their role); the
 *   thesis is the unit most likely a conclusion, a later unit that is also
 *   most likely a conclusion and shares the thesis's words restates it;
 * - links: for each argumentative unit, which unit it bears on, chosen among
 *   a bounded set of candidates (a window of its paragraph, and the thesis),
 *   decoded into a forest (each unit one outgoing relation, no cycles);
 * - types: support or attack for each link, where the rules' plan does not
 *   already type the unit.
 *
 * A unit that something attaches to is a claim, the other argumentative
 * units premises, as in the gold. Every decision lists the features that
 * weighed most in it (`marker:because +1.42`) and a confidence.
 */
import type { Relation, Role, Segment } from '../model/types.js'
import type { Tagged, TagResult } from '../tag/index.js'
import { docView, type DocView, emitPairFeatures, emitTypeFeatures, emitUnitFeatures, type RuleView } from './features.js'
import { ClassScore, IdList, LinkScore, softmaxInto, topClass, topLink, WeightTable } from './linear.js'

export const MODEL_SCHEMA = 'argmap-model/1'
export const CLASSES: readonly Role[] = Object.freeze(['none', 'conclusion', 'claim', 'premise'])

/** The model file: plain JSON, weights by feature name (sorted), so it diffs and reads. */
export interface ModelFile {
  schema: typeof MODEL_SCHEMA
  about: {
    /** What it was trained on: gold files and reviewed paths, documents and units. */
    trainedOn: string[]
    documents: number
    units: number
    relations: number
    options: Record<string, number>
  }
  roles: { classes: Role[]; weights: Record<string, number[]> }
  links: { weights: Record<string, number> }
  types: { classes: string[]; weights: Record<string, number[]> }
}

/** How far (in units, inside its paragraph) a link may reach besides the thesis. */
export const WINDOW = 6

export interface LearnedResult {
  tagged: Tagged[]
  /** Relations by unit index (the caller turns them into ids). */
  links: Array<{ from: number; to: number; type: Relation['type']; confidence: number; signals: string[] }>
}

/** The rules' view of a document, from the rules-only tagger's result. */
export function ruleView(rules: TagResult): RuleView {
  const structure = rules.plan.structure
  return {
    tagged: rules.tagged,
    target: structure.map((a) => a.to),
    type: structure.map((a) => a.type),
    edgeSignals: structure.map((a) => a.signals),
  }
}

/**
 * Candidate targets of unit i: the argumentative units of its own paragraph
 * within WINDOW of it, and the thesis. Links across paragraphs go to the
 * thesis only: candidates from other paragraphs (the most claim-like unit of
 * the paragraphs before, or of the section) raised attachment F1 by 0.01 in
 * cross-validation but made a third of all one-sentence deletions change a
 * relation in another paragraph (stability 62% against 97% without them; see
 * corpus/tools/stability.mjs), and `argmap diff` must not report edits nobody made.
 * Into `out` when given (emptied first): the decoder refills one list for every unit.
 */
export function candidates(view: DocView, i: number, arg: readonly boolean[], thesis: number, out: number[] = []): number[] {
  out.length = 0
  const n = view.segments.length
  const para = view.segments[i]!.paragraph
  let lo = i
  while (lo > 0 && lo > i - WINDOW && view.segments[lo - 1]!.paragraph === para) lo--
  let hi = i
  while (hi < n - 1 && hi < i + WINDOW && view.segments[hi + 1]!.paragraph === para) hi++
  let thesisIn = false
  for (let j = lo; j <= hi; j++) {
    if (j === i || !arg[j]) continue
    out.push(j)
    if (j === thesis) thesisIn = true
  }
  if (thesis >= 0 && thesis !== i && !thesisIn) {
    // Kept in order without a sort (this runs for every unit): the thesis goes before the first candidate after it.
    let at = out.length
    while (at > 0 && out[at - 1]! > thesis) at--
    out.push(thesis)
    for (let t = out.length - 1; t > at; t--) out[t] = out[t - 1]!
    out[at] = thesis
  }
  return out
}

/** A loaded model: weights by feature id (./linear.ts WeightTable). */
export class Model {
  private readonly roles: WeightTable
  private readonly links: WeightTable
  private readonly types: WeightTable

  constructor(readonly file: ModelFile) {
    if (file.schema !== MODEL_SCHEMA) throw new Error(`not an argmap model (schema ${JSON.stringify(file.schema)}, expected ${MODEL_SCHEMA})`)
    this.roles = new WeightTable(file.roles.weights, CLASSES.length)
    this.links = new WeightTable(file.links.weights, 1)
    this.types = new WeightTable(file.types.weights, 2)
  }

  /** Class probabilities of unit i (training reads them to give the link model predicted roles). */
  roleProbabilities(view: DocView, i: number): { p: Float64Array } {
    const score = new ClassScore(this.roles)
    emitUnitFeatures(view, i, score)
    const p = new Float64Array(CLASSES.length)
    softmaxInto(score.s, CLASSES.length, p, 0)
    return { p }
  }

  /** Tag and link a document. */
  apply(segments: readonly Segment[], rules: TagResult): LearnedResult {
    const view = docView(segments, ruleView(rules))
    const roles = this.scoreRoles(view)
    const reading = readArgument(view, roles)
    const links = new LinkDecoder(this.links, this.types, view, rules, reading).decode()
    return { tagged: tagUnits(this.roles, roles, reading, links), links }
  }

  /** Every unit's class probabilities and the features that made them. */
  private scoreRoles(view: DocView): RoleScores {
    const n = view.segments.length
    const probs = new Float64Array(n * K)
    const score = new ClassScore(this.roles)
    const usedStart = new Int32Array(n + 1)
    for (let i = 0; i < n; i++) {
      usedStart[i] = score.used.length
      score.reset()
      emitUnitFeatures(view, i, score)
      softmaxInto(score.s, K, probs, i * K)
    }
    usedStart[n] = score.used.length
    return { probs, used: score.used, usedStart }
  }
}

const K = CLASSES.length

/**
 * The role model's reading of a document: per unit its class probabilities at probs[i·K + c], and the ids of its
 * known features at used.ids[usedStart[i] .. usedStart[i+1]) (one flat list for the document, not a list per unit).
 */
interface RoleScores {
  probs: Float64Array
  used: IdList
  usedStart: Int32Array
}

/** What the roles say about the argument: each unit's best role, the thesis and its restatement. */
interface Reading {
  /** Class index per unit (0: none, the rules' call; else the model's best of conclusion, claim, premise). */
  best: Int8Array
  thesis: number
  restates: number
  /** Units that take part in the argument, and units a link may go to. */
  arg: Uint8Array
  target: boolean[]
  /** Each unit's role as the features name it (the thesis a conclusion). */
  roles: string[]
  /** The role probabilities (RoleScores probs). */
  probs: Float64Array
}

/** Unit i's probability of class c. */
const prob = (probs: Float64Array, i: number, c: number): number => probs[i * K + c]!

function readArgument(view: DocView, roles: RoleScores): Reading {
  const { segments, rules } = view
  const n = segments.length
  const probs = roles.probs
  // Whether a unit takes part in the argument at all stays the rules' call (bylines, datelines, bios, headings,
  // framing: knowledge of web articles that the open gold's genres do not teach); the model ranks the roles of
  // the units the rules keep. Measured: the same in-genre (cross-validated role macro F1 0.455 against 0.451 when
  // the model also decides none) and far better on short modern essays (microtexts 0.491 against 0.391).
  const best = new Int8Array(n)
  for (let i = 0; i < n; i++) {
    if (rules.tagged[i]!.role === 'none') continue
    let b = 1
    for (let c = 2; c < K; c++) if (prob(probs, i, c) > prob(probs, i, b)) b = c
    best[i] = b
  }
  const conclusion = new Float64Array(n)
  for (let i = 0; i < n; i++) conclusion[i] = prob(probs, i, 1)
  let thesis = chooseThesis(segments, rules.tagged, best, conclusion)
  // Restatement: an argumentative unit in another paragraph that says what the thesis says: read as a
  // conclusion and sharing two of its words, or sharing most of the shorter one's content words.
  let restates = -1
  if (thesis >= 0) {
    for (let i = 0; i < n; i++) {
      if (i === thesis || best[i] === 0 || segments[i]!.paragraph === segments[thesis]!.paragraph) continue
      const shared = view.content.shared(i, thesis)
      const most = shared >= 3 && 2 * shared >= Math.min(view.content.size(thesis), view.content.size(i))
      if (!(best[i] === 1 && shared >= 2) && !most) continue
      if (restates < 0 || prob(probs, i, 1) > prob(probs, restates, 1)) restates = i
    }
  }
  // The first full statement is the thesis, a later one restates it (the guideline's reading).
  if (restates >= 0 && restates < thesis) [thesis, restates] = [restates, thesis]
  const arg = new Uint8Array(n)
  // Premises are leaves, as in the gold: links go to units read as claims (or conclusions) and to the thesis.
  const target: boolean[] = new Array(n)
  for (let i = 0; i < n; i++) {
    arg[i] = best[i] !== 0 || i === thesis ? 1 : 0
    target[i] = i !== restates && (i === thesis || best[i] === 1 || best[i] === 2)
  }
  const names: string[] = new Array(n)
  for (let k = 0; k < n; k++) names[k] = k === thesis ? 'conclusion' : CLASSES[best[k]!]!
  return { best, thesis, restates, arg, target, roles: names, probs }
}

/**
 * Links each argumentative unit, in document order, to the most likely of its candidates that closes no cycle,
 * typed. One unit at a time (`link`), over buffers reused from unit to unit: candidate scores and each candidate's
 * feature ids at linkIds.ids[linkStart[k] .. linkStart[k+1]).
 */
class LinkDecoder {
  private readonly forest: Forest
  private readonly out: LearnedResult['links'] = []
  private readonly linkIds = new IdList()
  private readonly linkScore: LinkScore
  private readonly typeScore: ClassScore
  private readonly tp = new Float64Array(2)
  private readonly cands: number[] = []
  private scores = new Float64Array(16)
  private pl = new Float64Array(16)
  private linkStart = new Int32Array(17)
  private tried = new Uint8Array(16)

  constructor(
    private readonly links: WeightTable,
    private readonly types: WeightTable,
    private readonly view: DocView,
    private readonly rules: TagResult,
    private readonly reading: Reading,
  ) {
    this.forest = new Forest(view.segments.length)
    this.linkScore = new LinkScore(links, this.linkIds)
    this.typeScore = new ClassScore(types)
  }

  decode(): LearnedResult['links'] {
    const { thesis, restates, arg, probs } = this.reading
    if (restates >= 0) {
      this.forest.attach(restates, thesis)
      this.out.push({ from: restates, to: thesis, type: 'restates', confidence: prob(probs, restates, 1), signals: ['restates:thesis', `overlap:${this.view.content.shared(restates, thesis)}`] })
    }
    for (let i = 0; i < arg.length; i++) if (arg[i] && i !== thesis && i !== restates) this.link(i)
    return this.out
  }

  private link(i: number): void {
    const { view, reading } = this
    const cands = candidates(view, i, reading.target, reading.thesis, this.cands)
    const m = cands.length
    if (!m) return
    if (m > this.scores.length) this.grow(m)
    const { scores, pl, linkStart, tried, linkIds, linkScore } = this
    linkIds.length = 0
    for (let k = 0; k < m; k++) {
      linkStart[k] = linkIds.length
      linkScore.s = 0
      emitPairFeatures(view, i, cands[k]!, reading.roles, reading.thesis, linkScore)
      scores[k] = linkScore.s
    }
    linkStart[m] = linkIds.length
    softmaxInto(scores, m, pl, 0)
    tried.fill(0, 0, m)
    // Candidates from the most likely down (ties: the earlier unit), the first that closes no cycle.
    for (let left = m; left > 0; left--) {
      let k = -1
      for (let x = 0; x < m; x++) if (!tried[x] && (k < 0 || pl[x]! > pl[k]!)) k = x
      tried[k] = 1
      const j = cands[k]!
      if (this.forest.closesCycle(i, j)) continue
      this.forest.attach(i, j)
      this.attach(i, j, pl[k]!, linkStart[k]!, linkStart[k + 1]!)
      return
    }
  }

  /** The link from i to j (probability pl among i's candidates, its features at linkIds.ids[from .. to)), typed. */
  private attach(i: number, j: number, pl: number, from: number, to: number): void {
    const { view, reading, typeScore, tp } = this
    typeScore.used.length = 0
    typeScore.reset()
    emitTypeFeatures(view, i, j, reading.roles, reading.thesis, typeScore)
    softmaxInto(typeScore.s, 2, tp, 0)
    // Support or attack is the rules' call where their plan placed the unit (contrast and concession markers, a
    // reported objection and its answer: typed attachment on the microtexts 0.342 against the model's 0.267,
    // within 0.01 on the open gold's dev split); the type model decides where the rules planned nothing.
    const planned = this.rules.plan.structure[i]!
    const ruleType = planned.to >= 0 && (planned.type === 'support' || planned.type === 'attack') ? planned.type : null
    const type = ruleType ?? (tp[1]! > 0.5 ? 'attack' : 'support')
    const signals = topLink(this.links, this.linkIds.ids, from, to)
    if (ruleType) {
      signals.push(ruleType === 'attack' ? 'type:rules attack' : 'type:rules support')
      for (let x = 0; x < planned.signals.length && x < 2; x++) signals.push(`rule:${planned.signals[x]!}`)
    } else topClass(this.types, typeScore.used.ids, 0, typeScore.used.length, type === 'attack' ? 1 : 0, 3, signals)
    this.out.push({ from: i, to: j, type, confidence: pl * Math.max(tp[0]!, tp[1]!), signals })
  }

  private grow(m: number): void {
    this.scores = new Float64Array(m)
    this.pl = new Float64Array(m)
    this.linkStart = new Int32Array(m + 1)
    this.tried = new Uint8Array(m)
  }
}

/** Each unit's final role, confidence and the features that weighed most for it. */
function tagUnits(table: WeightTable, roles: RoleScores, reading: Reading, links: LearnedResult['links']): Tagged[] {
  const { thesis, restates, arg, best, probs } = reading
  const n = arg.length
  const targeted = new Uint8Array(n)
  for (const l of links) if (l.type !== 'restates') targeted[l.to] = 1
  const tagged: Tagged[] = new Array(n)
  for (let i = 0; i < n; i++) {
    let role: Role
    if (i === thesis || i === restates) role = 'conclusion'
    else if (!arg[i]) role = 'none'
    else role = best[i] === 2 || best[i] === 1 || targeted[i] ? 'claim' : 'premise'
    const c = CLASSES.indexOf(role)
    const confidence = role === 'claim' || role === 'premise' ? prob(probs, i, 2) + prob(probs, i, 3) : prob(probs, i, c)
    const signals: string[] = []
    topClass(table, roles.used.ids, roles.usedStart[i]!, roles.usedStart[i + 1]!, c, 6, signals)
    tagged[i] = { role, confidence: Math.round(confidence * 100) / 100, signals }
  }
  return tagged
}

/**
 * The thesis: the rules' conclusion when they find one, else the argumentative prose unit the model finds most
 * likely a conclusion (none when the rules find no argument). The rules' choice (conclusion markers, stance and
 * deontic language, the opening or closing statement, overlap with the title) is what carries to modern essays and
 * op-eds: on the microtexts it finds 0.848 of the theses against the model's 0.580, on the op-ed it finds the
 * thesis the model misses, and on held-out essays the issue reports 0.53 for it. On the open gold's old and technical
 * prose the model's own choice does better (dev 0.417 against 0.167 with the rules' thesis); argmap is for the
 * modern genres, so the rules choose. Training decodes the same way (src/learn/train.ts).
 */
export function chooseThesis(segments: readonly Segment[], rules: readonly Tagged[], best: ArrayLike<number>, conclusion: ArrayLike<number>): number {
  const r = rules.findIndex((t) => t.role === 'conclusion')
  if (r >= 0) return r
  let thesis = -1
  for (let i = 0; i < segments.length; i++) {
    if (segments[i]!.block === 'heading' || best[i] === 0) continue
    if (thesis < 0 || conclusion[i]! > conclusion[thesis]!) thesis = i
  }
  return thesis
}

/**
 * The links decoded so far, for the cycle check: each unit gets its one outgoing link while it is still a root
 * of its tree, so a link from `from` to `to` closes a cycle exactly when `to`'s tree is rooted at `from`. Roots
 * are found through a union-find with path halving, so a paragraph of thousands of units chained one to the
 * next costs linear time, not a walk up the whole chain for every unit.
 */
class Forest {
  private readonly up: Int32Array

  constructor(n: number) {
    this.up = Int32Array.from({ length: n }, (_, i) => i)
  }

  private root(x: number): number {
    const up = this.up
    while (up[x] !== x) {
      up[x] = up[up[x]!]!
      x = up[x]!
    }
    return x
  }

  closesCycle(from: number, to: number): boolean {
    return this.root(to) === from
  }

  attach(from: number, to: number): void {
    this.up[from] = this.root(to)
  }
}

/** The model file as text: one weight per line (sorted), so a retrained model diffs line by line. */
export function formatModel(m: ModelFile): string {
  const weights = (w: Record<string, unknown>): string =>
    '{\n' +
    Object.keys(w)
      .sort()
      .map((k) => `      ${JSON.stringify(k)}: ${JSON.stringify(w[k])}`)
      .join(',\n') +
    '\n    }'
  return (
    '{\n' +
    `  "schema": ${JSON.stringify(m.schema)},\n` +
    `  "about": ${JSON.stringify(m.about)},\n` +
    `  "roles": {\n    "classes": ${JSON.stringify(m.roles.classes)},\n    "weights": ${weights(m.roles.weights)}\n  },\n` +
    `  "links": {\n    "weights": ${weights(m.links.weights)}\n  },\n` +
    `  "types": {\n    "classes": ${JSON.stringify(m.types.classes)},\n    "weights": ${weights(m.types.weights)}\n  }\n` +
    '}\n'
  )
}
