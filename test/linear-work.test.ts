// Work, not time, on doubling inputs (issue 19): the characters that string and regular-expression calls
// touch while a function runs, counted by wrapping those calls. Linear code touches about twice as many
// characters when its input doubles; the quadratic code this replaced touched four times as many.
import { describe, expect, it } from 'vitest'
import { clauseCuts } from '../src/segment/clauses.js'
import { dropAutolinks, dropEmphasis, dropLinks, dropRefLinks, dropTags } from '../src/emit/text-scan.js'

/** Characters touched by slice/substring/match/indexOf/charCodeAt and RegExp exec/test while `fn` runs. */
function work(fn: () => void): number {
  let touched = 0
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
