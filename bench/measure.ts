/** A small timing harness: warm-up, interleaved rounds, medians. No timed assertions anywhere: this only reports. */

export type Fn = () => unknown

const gc = (globalThis as { gc?: () => void }).gc

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

export function now(): number {
  return Number(process.hrtime.bigint()) / 1e6
}

export interface Timing {
  /** Median milliseconds per call. */
  median: number
  min: number
  samples: number
  /** Every call's milliseconds, by round (the same index is the same round for every variant). */
  times: number[]
}

/**
 * The median over rounds of a/b, each round's two times taken back to back.
 * This machine's speed drifts over seconds (the same call varies by a fifth
 * between minutes); a ratio of two medians can pair one variant's fast
 * phase with the other's slow one, a per-round ratio cannot.
 */
export function pairedRatio(a: Timing, b: Timing): number {
  return median(a.times.map((x, i) => x / b.times[i]!))
}

/**
 * Time several variants on the same input. Each round runs every variant once,
 * in a rotating order, so that load from other processes and heap state fall
 * on all variants alike. Rounds go on until `minRounds` are done and
 * `budgetMs` is spent, or `maxRounds`. With `gc` (and `--expose-gc`), a full
 * collection before each timed call: for large inputs only, since forced
 * collections age out compiled code and would slow small calls artificially.
 */
export function compare(
  variants: Readonly<Record<string, Fn>>,
  opts: { warmup?: number; minRounds?: number; maxRounds?: number; budgetMs?: number; gc?: boolean } = {},
): Record<string, Timing> {
  const names = Object.keys(variants)
  const { warmup = 2, minRounds = 5, maxRounds = 200, budgetMs = 2000 } = opts
  const collect = opts.gc ? gc : undefined
  for (let w = 0; w < warmup; w++) for (const n of names) variants[n]!()
  const samples: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]))
  const began = now()
  for (let r = 0; r < maxRounds && (r < minRounds || now() - began < budgetMs); r++) {
    for (let k = 0; k < names.length; k++) {
      const n = names[(r + k) % names.length]!
      collect?.()
      const t = now()
      variants[n]!()
      samples[n]!.push(now() - t)
    }
  }
  return Object.fromEntries(names.map((n) => [n, { median: median(samples[n]!), min: Math.min(...samples[n]!), samples: samples[n]!.length, times: samples[n]! }]))
}

/** Least-squares slope of log(y) on log(x): time ∝ size^k. */
export function exponent(points: ReadonlyArray<[number, number]>): number {
  const xs = points.map((p) => Math.log(p[0]))
  const ys = points.map((p) => Math.log(p[1]))
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length
  const my = ys.reduce((a, b) => a + b, 0) / ys.length
  let num = 0
  let den = 0
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my)
    den += (xs[i]! - mx) ** 2
  }
  return num / den
}

export const mbps = (bytes: number, ms: number): number => bytes / 1e6 / (ms / 1000)
