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
