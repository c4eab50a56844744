/**
 * A log-linear choice model: an example is a set of options, each a list of
 * feature ids; the model scores an option by the sum of its features'
 * weights and the probability of an option is the softmax of the scores.
 * A multinomial logistic regression is the case where the options are the
 * classes (feature × class conjunctions); a pairwise link scorer is the case
 * where the options are the candidate targets.
 *
 * Training minimises the negative log-likelihood plus an L2 penalty with
 * AdaGrad, in a fixed order (a seeded shuffle per epoch), so the same data
 * gives the same weights, byte for byte.
 */
import { type FeatureSink, featureName } from './features.js'

export interface Example {
  /** Feature ids per option. */
  options: Int32Array[]
  /** Index of the right option. */
  gold: number
  /** Weight of the example in the loss (default 1). */
  weight?: number
}

export interface TrainOptions {
  epochs?: number
  /** L2 strength per example. */
  l2?: number
  rate?: number
  seed?: number
  onEpoch?: (epoch: number, loss: number) => void
}

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function score(w: Float64Array, option: Int32Array): number {
  let s = 0
  for (let k = 0; k < option.length; k++) s += w[option[k]!]!
  return s
}

/** Softmax of the options' scores (in place in `out`). */
export function probabilities(w: Float64Array, options: readonly Int32Array[], out: Float64Array = new Float64Array(options.length)): Float64Array {
  let max = -Infinity
  for (let o = 0; o < options.length; o++) {
    out[o] = score(w, options[o]!)
    if (out[o]! > max) max = out[o]!
  }
  let z = 0
  for (let o = 0; o < options.length; o++) {
    out[o] = Math.exp(out[o]! - max)
    z += out[o]!
  }
  for (let o = 0; o < options.length; o++) out[o] = out[o]! / z
  return out
}

export function train(examples: readonly Example[], size: number, options: TrainOptions = {}): Float64Array {
  const epochs = options.epochs ?? 20
  const l2 = options.l2 ?? 1e-4
  const rate = options.rate ?? 0.2
  const w = new Float64Array(size)
  const g2 = new Float64Array(size).fill(1e-8)
  const order = examples.map((_, i) => i)
  const random = rng(options.seed ?? 1)
  const p = new Float64Array(Math.max(1, ...examples.map((e) => e.options.length)))
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1))
      const t = order[i]!
      order[i] = order[j]!
      order[j] = t
    }
    let loss = 0
    for (const idx of order) {
      const ex = examples[idx]!
      const weight = ex.weight ?? 1
      probabilities(w, ex.options, p)
      loss -= weight * Math.log(Math.max(1e-12, p[ex.gold]!))
      for (let o = 0; o < ex.options.length; o++) {
        const g = weight * (p[o]! - (o === ex.gold ? 1 : 0))
        if (g === 0) continue
        const opt = ex.options[o]!
        for (let k = 0; k < opt.length; k++) {
          const f = opt[k]!
          const grad = g + l2 * w[f]!
          g2[f] = g2[f]! + grad * grad
          w[f] = w[f]! - (rate * grad) / Math.sqrt(g2[f]!)
        }
      }
    }
    options.onEpoch?.(epoch + 1, loss / Math.max(1, examples.length))
  }
  return w
}

/** Feature names → ids, built from training data (features seen fewer than `minCount` times are dropped). */
export class Vocabulary {
  readonly ids = new Map<string, number>()
  readonly names: string[] = []

  static fromCounts(lists: Iterable<readonly string[]>, minCount: number): Vocabulary {
    const counts = new Map<string, number>()
    for (const list of lists) for (const f of new Set(list)) counts.set(f, (counts.get(f) ?? 0) + 1)
    const v = new Vocabulary()
    for (const [f, c] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      if (c >= minCount || f === 'bias') v.add(f)
    }
    return v
  }

  add(name: string): number {
    let id = this.ids.get(name)
    if (id === undefined) {
      id = this.names.length
      this.ids.set(name, id)
      this.names.push(name)
    }
    return id
  }

  get size(): number {
    return this.names.length
  }

  /** Ids of the known features of a list (unknown ones dropped; a feature listed twice counts twice, as in scoring). */
  encode(list: readonly string[]): number[] {
    const out: number[] = []
    for (const f of list) {
      const id = this.ids.get(f)
      if (id !== undefined) out.push(id)
    }
    return out
  }
}

/*
 * Scoring with a trained model, as the learned path reads it (./model.ts): each model's weights resolved once at
 * load to integer ids and flat arrays, scored as features arrive (./features.ts emits them one by one as integer
 * keys), and explained by the few features that weighed most. Scoring a unit or a candidate pair allocates
 * nothing; the readable names stay the model file's vocabulary (./model.ts ModelFile).
 */

const round2 = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(2)

/**
 * One model's weights resolved once, at load: each feature name an integer id, the weights one flat array
 * (id·k + class), each feature key's id remembered (byKey), so scoring a unit or a pair is an array lookup and k
 * additions per feature, and allocates nothing.
 */
export class WeightTable {
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
export class IdList {
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
export class ClassScore implements FeatureSink {
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

  add(key: number): void {
    const id = this.table.id(key)
    if (id < 0) return
    this.used.push(id)
    const { w, k } = this.table
    const s = this.s
    for (let c = 0; c < k; c++) s[c] = s[c]! + w[id * k + c]!
  }
}

/** A link model's score of one candidate, as features arrive; the ids go to `used` for the explanation. */
export class LinkScore implements FeatureSink {
  s = 0
  constructor(
    private readonly table: WeightTable,
    readonly used: IdList,
  ) {}

  add(key: number): void {
    const id = this.table.id(key)
    if (id < 0) return
    this.used.push(id)
    this.s += this.table.w[id]!
  }
}

/** Softmax of s[0 .. n) into out[offset ..], the arithmetic in the order training uses (./linear.ts). */
export function softmaxInto(s: Float64Array, n: number, out: Float64Array, offset: number): void {
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
export function topClass(table: WeightTable, used: Int32Array, from: number, to: number, c: number, limit: number, out: string[]): void {
  for (let u = from; u < to; u++) {
    const id = used[u]!
    if (id !== table.bias) offerTop(table, id, table.contrast[id * table.k + c]!, limit)
  }
  writeTop(table, c, out)
}

/** The link features (ids used[from .. to), each counted once) that weighed most for the chosen target. */
export function topLink(table: WeightTable, used: Int32Array, from: number, to: number): string[] {
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
