/**
 * A model's weights as the learned path reads them: resolved once at load to integer ids and flat arrays, scored
 * as features arrive (./features.ts emits them one by one as integer keys), and explained by the few features that
 * weighed most. Scoring a unit or a candidate pair allocates nothing; the readable names stay the model file's
 * vocabulary (./model.ts ModelFile).
 */
import { type FeatureSink, featureName } from './features.js'

const round2 = (x: number): string => (x >= 0 ? '+' : '') + x.toFixed(2)

/**
 * One model's weights resolved once, at load: each feature name an integer id, the weights one flat array
 * (id·k + class), so scoring a unit or a pair is a map lookup and k additions per feature, and allocates nothing.
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
