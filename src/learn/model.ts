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
import { docView, type DocView, type Emit, emitPairFeatures, featureName, emitTypeFeatures, emitUnitFeatures, type RuleView } from './features.js'

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

const round2 = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(2)

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
 */
export function candidates(view: DocView, i: number, arg: readonly boolean[], thesis: number): number[] {
  const out: number[] = []
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
    // In order: the thesis goes before the first candidate after it.
    let at = out.length
    while (at > 0 && out[at - 1]! > thesis) at--
    out.push(thesis)
    for (let t = out.length - 1; t > at; t--) out[t] = out[t - 1]!
    out[at] = thesis
  }
  return out
}

/**
 * One model's weights resolved once, at load: each feature name an integer id, the weights one flat array
 * (id·k + class), so scoring a unit or a pair is a map lookup and k additions per feature, and allocates nothing.
 */
class WeightTable {
  readonly ids = new Map<string, number>()
  readonly names: string[] = []
  readonly w: Float64Array
  /**
   * What feature id weighs for class c in an explanation (id·k + c): its weight for c against the mean of the
   * others (the weight itself when k = 1). A property of the model, so computed once, as is each explanation's
   * text (`para=first +1.42`), which every unit used to format again.
   */
  readonly contrast: Float64Array
  private readonly said: Array<string | undefined>
  private readonly byKey: number[] = []
  /** The id of 'bias' (-1 when absent), which no explanation lists. */
  readonly bias: number

  constructor(
    weights: Record<string, number | number[]>,
    readonly k: number,
  ) {
    const entries = Object.entries(weights)
    this.w = new Float64Array(entries.length * k)
    for (const [name, v] of entries) {
      const id = this.names.length
      this.ids.set(name, id)
      this.names.push(name)
      if (typeof v === 'number') this.w[id * k] = v
      else for (let c = 0; c < k; c++) this.w[id * k + c] = v[c]!
    }
    this.contrast = k === 1 ? this.w : new Float64Array(this.w.length)
    if (k > 1) {
      for (let id = 0; id < this.names.length; id++) {
        for (let c = 0; c < k; c++) {
          let others = 0
          for (let o = 0; o < k; o++) if (o !== c) others += this.w[id * k + o]!
          this.contrast[id * k + c] = this.w[id * k + c]! - others / (k - 1)
        }
      }
    }
    this.said = new Array(this.w.length)
    this.bias = this.ids.get('bias') ?? -1
  }

  /** The id of a feature key (./features.ts), -1 when the model has no weight for it; looked up once per key. */
  id(key: number): number {
    let id = this.byKey[key]
    if (id === undefined) this.byKey[key] = id = this.ids.get(featureName(key)) ?? -1
    return id
  }

  /** The explanation of feature id for class c: its name and contrast (`marker:because +1.20`). */
  say(id: number, c: number): string {
    const x = id * this.k + c
    return (this.said[x] ??= `${this.names[id]!} ${round2(this.contrast[x]!)}`)
  }
}

/** A growing list of feature ids, cleared without giving back its memory (it is refilled for every unit or pair). */
class IdList {
  ids = new Int32Array(64)
  length = 0

  push(id: number): void {
    if (this.length === this.ids.length) {
      const more = new Int32Array(2 * this.ids.length)
      more.set(this.ids)
      this.ids = more
    }
    this.ids[this.length++] = id
  }
}

/**
 * Adds up a class model's weights as the features arrive (./features.ts emits them one by one), and appends the
 * id of each known feature to `used` for the explanation. Reused from unit to unit: `reset` clears the scores.
 */
class ClassScore {
  readonly s: Float64Array
  constructor(
    private readonly table: WeightTable,
    readonly used: IdList = new IdList(),
  ) {
    this.s = new Float64Array(table.k)
  }

  reset(): void {
    this.s.fill(0)
  }

  readonly emit: Emit = (key) => {
    const id = this.table.id(key)
    if (id < 0) return
    this.used.push(id)
    const { w, k } = this.table
    const s = this.s
    for (let c = 0; c < k; c++) s[c] = s[c]! + w[id * k + c]!
  }
}

/** A link model's score of one candidate, as features arrive; the ids go to `used` for the explanation. */
class LinkScore {
  s = 0
  constructor(
    private readonly table: WeightTable,
    readonly used: IdList,
  ) {}

  readonly emit: Emit = (key) => {
    const id = this.table.id(key)
    if (id < 0) return
    this.used.push(id)
    this.s += this.table.w[id]!
  }
}

/** A loaded model: weights by feature id (see WeightTable). */
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
    emitUnitFeatures(view, i, score.emit)
    const p = new Float64Array(CLASSES.length)
    softmaxInto(score.s, CLASSES.length, p, 0)
    return { p }
  }

  /** Tag and link a document. */
  apply(segments: readonly Segment[], rules: TagResult): LearnedResult {
    const view = docView(segments, ruleView(rules))
    const n = segments.length
    const K = CLASSES.length
    // Per unit: its class probabilities at probs[i·K + c], and the ids of its known features at
    // used[usedStart[i] .. usedStart[i+1]) (one flat list for the document, not a list per unit).
    const probs = new Float64Array(n * K)
    const roleScore = new ClassScore(this.roles)
    const usedStart = new Int32Array(n + 1)
    for (let i = 0; i < n; i++) {
      usedStart[i] = roleScore.used.length
      roleScore.reset()
      emitUnitFeatures(view, i, roleScore.emit)
      softmaxInto(roleScore.s, K, probs, i * K)
    }
    usedStart[n] = roleScore.used.length
    const p = (i: number, c: number): number => probs[i * K + c]!
    // Whether a unit takes part in the argument at all stays the rules' call (bylines, datelines, bios, headings,
    // framing: knowledge of web articles that the open gold's genres do not teach); the model ranks the roles of
    // the units the rules keep. Measured: the same in-genre (cross-validated role macro F1 0.455 against 0.451 when
    // the model also decides none) and far better on short modern essays (microtexts 0.491 against 0.391).
    const best = new Int8Array(n)
    for (let i = 0; i < n; i++) {
      if (rules.tagged[i]!.role === 'none') continue
      let b = 1
      for (let c = 2; c < K; c++) if (p(i, c) > p(i, b)) b = c
      best[i] = b
    }
    let thesis = chooseThesis(segments, rules.tagged, best, (i) => p(i, 1))
    // Restatement: an argumentative unit in another paragraph that says what the thesis says: read as a
    // conclusion and sharing two of its words, or sharing most of the shorter one's content words.
    let restates = -1
    if (thesis >= 0) {
      for (let i = 0; i < n; i++) {
        if (i === thesis || best[i] === 0 || segments[i]!.paragraph === segments[thesis]!.paragraph) continue
        const shared = view.shared(i, thesis)
        const most = shared >= 3 && 2 * shared >= Math.min(view.contentSize(thesis), view.contentSize(i))
        if (!(best[i] === 1 && shared >= 2) && !most) continue
        if (restates < 0 || p(i, 1) > p(restates, 1)) restates = i
      }
    }
    // The first full statement is the thesis, a later one restates it (the guideline's reading).
    if (restates >= 0 && restates < thesis) [thesis, restates] = [restates, thesis]
    const arg: boolean[] = new Array(n)
    // Premises are leaves, as in the gold: links go to units read as claims (or conclusions) and to the thesis.
    const target: boolean[] = new Array(n)
    for (let i = 0; i < n; i++) {
      arg[i] = best[i] !== 0 || i === thesis
      target[i] = i !== restates && (i === thesis || best[i] === 1 || best[i] === 2)
    }
    const roleOf = (k: number): string => (k === thesis ? 'conclusion' : CLASSES[best[k]!]!)
    const forest = new Forest(n)
    const links: LearnedResult['links'] = []
    if (restates >= 0) {
      forest.attach(restates, thesis)
      links.push({ from: restates, to: thesis, type: 'restates', confidence: p(restates, 1), signals: ['restates:thesis', `overlap:${view.shared(restates, thesis)}`] })
    }
    // Reused for every unit: candidate scores, each candidate's feature ids (linkIds[linkStart[k] .. linkStart[k+1])).
    const linkIds = new IdList()
    const linkScore = new LinkScore(this.links, linkIds)
    const typeScore = new ClassScore(this.types)
    const tp = new Float64Array(2)
    let scores = new Float64Array(16)
    let pl = new Float64Array(16)
    let linkStart = new Int32Array(17)
    let tried = new Uint8Array(16)
    for (let i = 0; i < n; i++) {
      if (!arg[i] || i === thesis || i === restates) continue
      const cands = candidates(view, i, target, thesis)
      const m = cands.length
      if (!m) continue
      if (m > scores.length) ((scores = new Float64Array(m)), (pl = new Float64Array(m)), (linkStart = new Int32Array(m + 1)), (tried = new Uint8Array(m)))
      linkIds.length = 0
      for (let k = 0; k < m; k++) {
        linkStart[k] = linkIds.length
        linkScore.s = 0
        emitPairFeatures(view, i, cands[k]!, roleOf, thesis, linkScore.emit)
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
        if (forest.closesCycle(i, j)) continue
        forest.attach(i, j)
        typeScore.used.length = 0
        typeScore.reset()
        emitTypeFeatures(view, i, j, roleOf, thesis, typeScore.emit)
        softmaxInto(typeScore.s, 2, tp, 0)
        // Support or attack is the rules' call where their plan placed the unit (contrast and concession markers, a
        // reported objection and its answer: typed attachment on the microtexts 0.342 against the model's 0.267,
        // within 0.01 on the open gold's dev split); the type model decides where the rules planned nothing.
        const planned = rules.plan.structure[i]!
        const ruleType = planned.to >= 0 && (planned.type === 'support' || planned.type === 'attack') ? planned.type : null
        const type = ruleType ?? (tp[1]! > 0.5 ? 'attack' : 'support')
        const signals = topLink(this.links, linkIds.ids, linkStart[k]!, linkStart[k + 1]!)
        if (ruleType) {
          signals.push(`type:rules ${ruleType}`)
          for (const x of planned.signals.slice(0, 2)) signals.push(`rule:${x}`)
        } else topClass(this.types, typeScore.used.ids, 0, typeScore.used.length, type === 'attack' ? 1 : 0, 3, signals)
        links.push({ from: i, to: j, type, confidence: pl[k]! * Math.max(tp[0]!, tp[1]!), signals })
        break
      }
    }
    const targeted = new Uint8Array(n)
    for (const l of links) if (l.type !== 'restates') targeted[l.to] = 1
    const tagged: Tagged[] = new Array(n)
    for (let i = 0; i < n; i++) {
      let role: Role
      if (i === thesis || i === restates) role = 'conclusion'
      else if (!arg[i]) role = 'none'
      else role = best[i] === 2 || best[i] === 1 || targeted[i] ? 'claim' : 'premise'
      const c = CLASSES.indexOf(role)
      const confidence = role === 'claim' || role === 'premise' ? p(i, 2) + p(i, 3) : p(i, c)
      const signals: string[] = []
      topClass(this.roles, roleScore.used.ids, usedStart[i]!, usedStart[i + 1]!, c, 6, signals)
      tagged[i] = { role, confidence: Math.round(confidence * 100) / 100, signals }
    }
    return { tagged, links }
  }
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
export function chooseThesis(segments: readonly Segment[], rules: readonly Tagged[], best: ArrayLike<number>, conclusion: (i: number) => number): number {
  const r = rules.findIndex((t) => t.role === 'conclusion')
  if (r >= 0) return r
  let thesis = -1
  for (let i = 0; i < segments.length; i++) {
    if (segments[i]!.block === 'heading' || best[i] === 0) continue
    if (thesis < 0 || conclusion(i) > conclusion(thesis)) thesis = i
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

/** Softmax of s[0 .. n) into out[offset ..], the arithmetic in the order training uses (./linear.ts). */
function softmaxInto(s: Float64Array, n: number, out: Float64Array, offset: number): void {
  let max = -Infinity
  for (let k = 0; k < n; k++) if (s[k]! > max) max = s[k]!
  let z = 0
  for (let k = 0; k < n; k++) {
    out[offset + k] = Math.exp(s[k]! - max)
    z += out[offset + k]!
  }
  for (let k = 0; k < n; k++) out[offset + k] = out[offset + k]! / z
}

/**
 * The `limit` features that weigh most, largest |weight| first, ties by name, as their explanations (WeightTable
 * say). A top-k insertion into fixed arrays: the signals of every unit were a filter/map/sort chain of fresh arrays.
 */
const TOP_MAX = 8
const topIds = new Int32Array(TOP_MAX)
const topWeights = new Float64Array(TOP_MAX)
let topCount = 0

function offerTop(table: WeightTable, id: number, x: number, limit: number): void {
  const ax = Math.abs(x)
  if (!(ax >= 0.005)) return
  let at = topCount
  while (at > 0) {
    const ay = Math.abs(topWeights[at - 1]!)
    if (ax > ay || (ax === ay && table.names[id]! < table.names[topIds[at - 1]!]!)) at--
    else break
  }
  if (at >= limit) return
  const end = Math.min(topCount, limit - 1)
  for (let t = end; t > at; t--) {
    topIds[t] = topIds[t - 1]!
    topWeights[t] = topWeights[t - 1]!
  }
  topIds[at] = id
  topWeights[at] = x
  topCount = end + 1
}

function writeTop(table: WeightTable, c: number, out: string[]): void {
  for (let t = 0; t < topCount; t++) out.push(table.say(topIds[t]!, c))
  topCount = 0
}

/** The features (ids used[from .. to)) that weighed most for class c against the other classes. */
function topClass(table: WeightTable, used: Int32Array, from: number, to: number, c: number, limit: number, out: string[]): void {
  for (let u = from; u < to; u++) {
    const id = used[u]!
    if (id !== table.bias) offerTop(table, id, table.contrast[id * table.k + c]!, limit)
  }
  writeTop(table, c, out)
}

/** The link features (ids used[from .. to), each counted once) that weighed most for the chosen target. */
function topLink(table: WeightTable, used: Int32Array, from: number, to: number): string[] {
  outer: for (let u = from; u < to; u++) {
    const id = used[u]!
    if (id === table.bias) continue
    for (let v = from; v < u; v++) if (used[v] === id) continue outer
    offerTop(table, id, table.w[id]!, 4)
  }
  const out: string[] = []
  writeTop(table, 0, out)
  return out
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
