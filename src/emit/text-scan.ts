/**
 * Linear-time equivalents of the regular-expression replacements that
 * ./text.ts documents. Each is a global replace: the leftmost match, then
 * the next from where it ended, with the match at a position chosen in the
 * expression's backtracking order. Where the expression would scan ahead
 * (to the next `]`, `>`, closing delimiter), the scanners look the answer up
 * in a table or a cursor that only moves forward, so no character is
 * rescanned once per opener.
 */

/** JavaScript's `\s` (without the `u` flag: per UTF-16 code unit). */
export function isSpace(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  )
}

/** For each i, the first index ≥ i whose char satisfies `stop` (s.length when none). */
function nextWhere(s: string, stop: (c: number) => boolean): Int32Array {
  const n = s.length
  const next = new Int32Array(n + 1)
  next[n] = n
  for (let i = n - 1; i >= 0; i--) next[i] = stop(s.charCodeAt(i)) ? i : next[i + 1]!
  return next
}

const BRACKET_END = (c: number): boolean => c === 93 || c === 10 // ] or \n
const PAREN_OR_SPACE = (c: number): boolean => c === 40 || c === 41 || isSpace(c)

/** Replace matches found by `at(i)` (the end of a match starting at i, or -1), keeping what `keep(i, end)` returns. */
function replaceAll(s: string, candidate: (c: number) => boolean, at: (i: number) => number, keep: (i: number, end: number) => string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < s.length; i++) {
    if (!candidate(s.charCodeAt(i))) continue
    const end = at(i)
    if (end < 0) continue
    out += s.slice(from, i) + keep(i, end)
    from = end
    i = end - 1
  }
  return from === 0 ? s : out + s.slice(from)
}

/** `[label](destination "title")` and images → label. */
export function dropLinks(s: string): string {
  if (!s.includes('](')) return s
  const stop = nextWhere(s, BRACKET_END)
  const paren = nextWhere(s, PAREN_OR_SPACE)
  const quote = nextWhere(s, (c) => c === 34)
  const nonSpace = nextWhere(s, (c) => !isSpace(c))
  /** Where the destination's greedy run of items ends, from q (memoised: many labels can share one destination). */
  const destEnd = new Map<number, number>()
  const dest = (q0: number): number => {
    const seen: number[] = []
    let q = q0
    let end = -1
    for (;;) {
      const known = destEnd.get(q)
      if (known !== undefined) {
        end = known
        break
      }
      seen.push(q)
      const c = s.charCodeAt(q)
      if (q < s.length && !PAREN_OR_SPACE(c)) q = paren[q]!
      else if (c === 40 && s.charCodeAt(paren[q + 1]!) === 41) q = paren[q + 1]! + 1
      else {
        end = q
        break
      }
    }
    for (const x of seen) destEnd.set(x, end)
    return end
  }
  /** The end of the `](...)` tail whose `]` is at j, or -1. */
  const tails = new Map<number, number>()
  const tail = (j: number): number => {
    const known = tails.get(j)
    if (known !== undefined) return known
    let end = -1
    if (s.charCodeAt(j + 1) === 40) {
      const e = dest(j + 2)
      if (e < s.length && isSpace(s.charCodeAt(e))) {
        const w = nonSpace[e]!
        if (s.charCodeAt(w) === 34) {
          const t = quote[w + 1]!
          if (t < s.length && s.charCodeAt(t + 1) === 41) end = t + 2
        }
      }
      if (end < 0 && s.charCodeAt(e) === 41) end = e + 1
    }
    tails.set(j, end)
    return end
  }
  let label = ''
  return replaceAll(
    s,
    (c) => c === 33 || c === 91,
    (i) => {
      const open = s.charCodeAt(i) === 33 ? i + 1 : i
      if (s.charCodeAt(open) !== 91) return -1
      const j = stop[open + 1]!
      if (j >= s.length || s.charCodeAt(j) !== 93) return -1
      const end = tail(j)
      if (end >= 0) label = s.slice(open + 1, j)
      return end
    },
    () => label,
  )
}

/** `[label][ref]` and images → label. */
export function dropRefLinks(s: string): string {
  if (!s.includes('][')) return s
  const stop = nextWhere(s, BRACKET_END)
  let label = ''
  return replaceAll(
    s,
    (c) => c === 33 || c === 91,
    (i) => {
      const open = s.charCodeAt(i) === 33 ? i + 1 : i
      if (s.charCodeAt(open) !== 91) return -1
      const j = stop[open + 1]!
      if (j === open + 1 || j >= s.length || s.charCodeAt(j) !== 93 || s.charCodeAt(j + 1) !== 91) return -1
      const k = stop[j + 2]!
      if (k >= s.length || s.charCodeAt(k) !== 93) return -1
      label = s.slice(open + 1, j)
      return k + 1
    },
    () => label,
  )
}

const SCHEME = /(?:https?|mailto):/y

/** `<https://…>` → the URL. */
export function dropAutolinks(s: string): string {
  if (!s.includes('<')) return s
  const stop = nextWhere(s, (c) => c === 62 || isSpace(c))
  return replaceAll(
    s,
    (c) => c === 60,
    (i) => {
      SCHEME.lastIndex = i + 1
      if (!SCHEME.test(s)) return -1
      const from = SCHEME.lastIndex
      const k = stop[from]!
      return k > from && s.charCodeAt(k) === 62 ? k + 1 : -1
    },
    (i, end) => s.slice(i + 1, end - 1),
  )
}

/** HTML tags and comments → nothing. */
export function dropTags(s: string): string {
  if (!s.includes('<')) return s
  const gt = nextWhere(s, (c) => c === 62)
  // The first `-->` at or after a position: a cursor that moves forward only (candidates come in order).
  let commentAt = -2
  const commentEnd = (from: number): number => {
    if (commentAt !== -1 && commentAt < from) commentAt = s.indexOf('-->', from)
    return commentAt
  }
  const letter = (c: number): boolean => (c | 32) >= 97 && (c | 32) <= 122
  return replaceAll(
    s,
    (c) => c === 60,
    (i) => {
      const name = s.charCodeAt(i + 1) === 47 ? i + 2 : i + 1
      if (letter(s.charCodeAt(name))) {
        const k = gt[name + 1]!
        if (k < s.length) return k + 1
      }
      if (s.startsWith('!--', i + 1)) {
        const k = commentEnd(i + 4)
        if (k >= 0) return k + 3
      }
      return -1
    },
    () => '',
  )
}

/**
 * `**x**`, `__x__`, `~~x~~`, `*x*` and backtick spans → their content. At
 * each position the alternatives are tried in the expression's order; the
 * content is the shortest that ends in a non-space before the same
 * delimiter.
 */
export function dropEmphasis(s: string): string {
  if (!/[*_~`]/.test(s)) return s
  const n = s.length
  const nonSpaceAt = (k: number): boolean => k < n && !isSpace(s.charCodeAt(k))
  /** For each delimiter: the first closer at or after a position (queries come in increasing order, so a forward cursor). */
  const closer = (d: string) => {
    let found = -2
    return (from: number): number => {
      if (found === -1 || found >= from) return found
      for (let e = s.indexOf(d, Math.max(from, 1)); ; e = s.indexOf(d, e + 1)) {
        if (e === -1 || nonSpaceAt(e - 1)) return (found = e)
      }
    }
  }
  const fixed: Array<[string, (from: number) => number]> = ['**', '__', '~~', '*'].map((d) => [d, closer(d)])
  // Backtick runs: start, length, and the longest closer each offers (one less after white space).
  const runs: Array<{ start: number; len: number; eff: number }> = []
  for (let i = 0; i < n; ) {
    if (s.charCodeAt(i) !== 96) {
      i++
      continue
    }
    let j = i
    while (j < n && s.charCodeAt(j) === 96) j++
    runs.push({ start: i, len: j - i, eff: nonSpaceAt(i - 1) ? j - i : j - i - 1 })
    i = j
  }
  const suffixMax = new Int32Array(runs.length + 1)
  for (let r = runs.length - 1; r >= 0; r--) suffixMax[r] = Math.max(runs[r]!.eff, suffixMax[r + 1]!)
  let run = 0
  let content: [number, number] = [0, 0]
  const ticks = (p: number): number => {
    while (run < runs.length && runs[run]!.start + runs[run]!.len <= p) run++
    const own = runs[run]!
    const rest = own.start + own.len - p
    const later = run + 1
    let k = Math.min(rest, suffixMax[later]!)
    if (k === rest && !nonSpaceAt(p + rest)) k = rest - 1
    const inOwn = (rest - 1) >> 1
    if (k <= inOwn) {
      if (inOwn < 1) return -1
      content = [p + inOwn, p + inOwn + 1]
      return p + 2 * inOwn + 1
    }
    // The first later run that offers k backticks; runs before it lie inside this match and are never looked at again.
    let r = later
    while (runs[r]!.eff < k) r++
    const e = nonSpaceAt(runs[r]!.start - 1) ? runs[r]!.start : runs[r]!.start + 1
    content = [p + k, e]
    return e + k
  }
  return replaceAll(
    s,
    (c) => c === 42 || c === 95 || c === 126 || c === 96,
    (p) => {
      if (s.charCodeAt(p) === 96) return ticks(p)
      for (const [d, next] of fixed) {
        if (!s.startsWith(d, p) || !nonSpaceAt(p + d.length)) continue
        const e = next(p + d.length + 1)
        if (e < 0) continue
        content = [p + d.length, e]
        return e + d.length
      }
      return -1
    },
    () => s.slice(content[0], content[1]),
  )
}
