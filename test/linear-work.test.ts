// Work, not time, on doubling inputs (issue 19): the characters that string and regular-expression calls
// touch while a function runs, counted by wrapping those calls. Linear code touches about twice as many
// characters when its input doubles; the quadratic code this replaced touched four times as many.
import { describe, expect, it } from 'vitest'
import { clauseCuts } from '../src/segment/clauses.js'
import { dropAutolinks, dropEmphasis, dropLinks, dropRefLinks, dropTags } from '../src/emit/text-scan.js'
import { annotate } from '../src/emit/annotated.js'
import { toJSON } from '../src/emit/json.js'
import { parseMarkdown } from '../src/parse/index.js'
import { analyze } from '../src/pipeline.js'
import { INPUT_CLASSES } from '../bench/classes.js'

type Method = (...a: unknown[]) => unknown
const A = Array.prototype as unknown as Record<string, Method>
/** Array methods that call back once per element they visit: the callback calls are counted. */
const CALLBACK = ['map', 'filter', 'forEach', 'reduce', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'flatMap', 'sort'] as const

/**
 * Characters touched by slice/substring/match/indexOf/charCodeAt and RegExp exec/test while `fn` runs;
 * with `arrays`, also the elements array methods visit (callback calls; indexOf/includes up to the
 * match; slice/concat/join their length), which catches a stage that scans a growing list per item.
 */
function work(fn: () => void, arrays = false): number {
  let touched = 0
  const savedA: Record<string, Method> = {}
  if (arrays) {
    for (const name of CALLBACK) {
      const orig = (savedA[name] = A[name]!)
      A[name] = function (this: unknown[], cb: unknown, ...rest: unknown[]) {
        if (typeof cb !== 'function') return orig.call(this, cb, ...rest)
        const f = cb as Method
        return orig.call(this, function (this: unknown, ...x: unknown[]) {
          touched++
          return f.apply(this, x)
        }, ...rest)
      }
    }
    for (const name of ['indexOf', 'includes'] as const) {
      const orig = (savedA[name] = A[name]!)
      A[name] = function (this: unknown[], ...a: unknown[]) {
        const at = savedA.indexOf!.apply(this, a) as number
        touched += at === -1 ? this.length : at + 1
        return orig.apply(this, a)
      }
    }
    for (const name of ['slice', 'concat', 'join'] as const) {
      const orig = (savedA[name] = A[name]!)
      A[name] = function (this: unknown[], ...a: unknown[]) {
        const r = orig.apply(this, a)
        touched += name === 'join' ? this.length : (r as unknown[]).length
        return r
      }
    }
  }
  const S = String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>
  const R = RegExp.prototype as unknown as Record<string, (...a: unknown[]) => unknown>
  const saved = { slice: S.slice!, substring: S.substring!, match: S.match!, indexOf: S.indexOf!, charCodeAt: S.charCodeAt!, exec: R.exec!, test: R.test! }
  S.slice = function (this: string, ...a) {
    const r = saved.slice.apply(this, a) as string
    touched += r.length
    return r
  }
  S.substring = function (this: string, ...a) {
    const r = saved.substring.apply(this, a) as string
    touched += r.length
    return r
  }
  S.match = function (this: string, ...a) {
    touched += this.length
    return saved.match.apply(this, a)
  }
  S.indexOf = function (this: string, ...a) {
    const from = Number(a[1] ?? 0)
    const r = saved.indexOf.apply(this, a) as number
    touched += (r === -1 ? this.length : r) - from + 1
    return r
  }
  S.charCodeAt = function (this: string, ...a) {
    touched++
    return saved.charCodeAt.apply(this, a)
  }
  // A global or sticky expression scans from lastIndex to where it stops (a failed sticky test looks at one place).
  const scanned = (re: RegExp, input: string, start: number, found: boolean): number =>
    re.global || re.sticky ? (found ? re.lastIndex - start : re.sticky ? 1 : input.length - start) : input.length
  R.exec = function (this: RegExp, ...a) {
    const start = this.lastIndex
    const r = saved.exec.apply(this, a)
    touched += scanned(this, String(a[0]), start, r !== null)
    return r
  }
  R.test = function (this: RegExp, ...a) {
    const start = this.lastIndex
    const r = saved.test.apply(this, a) as boolean
    touched += scanned(this, String(a[0]), start, r)
    return r
  }
  try {
    fn()
  } finally {
    Object.assign(S, { slice: saved.slice, substring: saved.substring, match: saved.match, indexOf: saved.indexOf, charCodeAt: saved.charCodeAt })
    Object.assign(R, { exec: saved.exec, test: saved.test })
    Object.assign(A, savedA)
  }
  return touched
}

/** Work at n and 2n repeats of `unit`; linear gives a ratio near 2, quadratic near 4. */
function ratio(unit: string, run: (text: string) => void, n = 4000): number {
  const a = work(() => run(unit.repeat(n)))
  const b = work(() => run(unit.repeat(2 * n)))
  return b / Math.max(1, a)
}

describe('work grows linearly', () => {
  it.each([
    'a, because b, ', // issue 19 item 2
    'we know it, and we say it, ',
    'a b c as it d, ',
    'x y z: the a b c ',
    'We did, so that it, ',
    'and', // one long word
  ])('clause splitting: %j', (unit) => {
    expect(ratio(unit, (t) => clauseCuts(t, 0, t.length))).toBeLessThan(2.6)
  })

  it.each([
    ['a [b ', dropLinks],
    ['[a](' + '()'.repeat(3) + '[', dropLinks],
    ['[a][b ', dropRefLinks],
    ['a <http:b', dropAutolinks],
    ['a <b ', dropTags],
    ['<!-- a ', dropTags],
    ['a *b ', dropEmphasis],
    ['a `b ', dropEmphasis],
    ['``a ', dropEmphasis],
  ] as const)('display text: %j', (unit, scan) => {
    expect(ratio(unit, (t) => void scan(t))).toBeLessThan(2.6)
  })
})

/** argmap's own work after the parse, as `argmap run` does it per document: analyze (default model), JSON, annotated markdown. */
function afterParse(source: string): () => void {
  const parsed = parseMarkdown(source)
  return () => {
    const map = analyze(source, { path: 'x.md' }, parsed)
    toJSON(map)
    annotate(source, map, parsed)
  }
}

// Issue 18: every input class the bench doubles. k is the growth of work against bytes from n to 2n
// (1 linear, 2 quadratic); strings and arrays both counted.
describe('the whole pipeline after the parse grows linearly on every input class', () => {
  afterParse('Warm up: the model loads once. Because it does.')()
  it('the counter sees a quadratic scan over an array (k near 2)', () => {
    const quadratic = (n: number) => () => {
      const seen: number[] = []
      for (let i = 0; i < n; i++) if (!seen.includes(i)) seen.push(i)
    }
    expect(Math.log(work(quadratic(2000), true) / work(quadratic(1000), true)) / Math.log(2)).toBeGreaterThan(1.9)
  })
  it.each(INPUT_CLASSES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const [small, big] = [c.build(c.testN), c.build(2 * c.testN)]
    const [runSmall, runBig] = [afterParse(small), afterParse(big)]
    const k = Math.log(work(runBig, true) / work(runSmall, true)) / Math.log(big.length / small.length)
    if (process.env.ARGMAP_SHOW_K) process.stderr.write(`${[c.name, k.toFixed(3), small.length, big.length].join(" ")}\n`)
    expect(k).toBeLessThan(1.3)
  })
})
