/**
 * Split a sentence where it holds two argumentative moves joined by a
 * connective: "X, because Y", "A; therefore B", "X, but Y", "X as it Y",
 * "X, even if Y", "X: the Y is Z", and a leading concession "Although X, Y". Both parts must
 * be clause-sized (≥ 3 words); conditionals ("If X, Y"), comparisons
 * ("as good as it is") and temporal "since" stay whole.
 */

const MIDDLE =
  /(?:[,;:]\s+|\s+(?=because\b))(?=(because|therefore|thus|hence|consequently|so|but|yet|although|though|whereas|however|nevertheless|as a result|which means|that is why)\b)/giu

/**
 * ", and" / ", or" / ", as" / ", which" / ", since" join two clauses only when
 * what follows opens a clause: a subject pronoun or determiner, or a
 * connective adverb ("and furthermore", "and therefore"). A list ("apples,
 * pears, and plums") does not.
 */
const COORDINATE = /,\s+(?=(and|or|as|since|while|whereas|for)\s+(\p{L}+))/giu
const CLAUSE_OPENER = new Set(
  (
    'i we you he she it they there this that these those one everyone nobody people many most some all no none each ' +
    'the a an our their his her its my your such furthermore moreover also therefore thus so then besides additionally ' +
    'consequently hence still yet in not even if'
  ).split(' '),
)
/** After ", which" or ", since" any word opens a clause ("which means", "since nobody"); "as" only before a subject. */
const ANY_OPENER = new Set<string>()

/**
 * Subordinate clauses after a main clause: a bare "as" or "since" before a
 * subject pronoun ("We should continue hunting as it provides ..."), ", as"
 * before anything but a fixed phrase or a role ("as well as", "as a"),
 * ", even if", and a bare "unless" ("X should not pay unless Y"). Groups 1-2
 * name the connective for the checks below.
 */
const SUBORDINATE =
  /\s+(?=(as)\s+(?:it|they|he|she|we|you|i|there|this|these|some|many|most)\b)|\s+(?=(since)\s+(?:it|they|he|she|we|you|i|there|this|these)\b)|,\s+(?=as\s+(?!(?:well|long|soon|far|much|many|such|a|an|of|to|for|in|opposed|compared|shown|seen|mentioned|noted|described|usual|always|ever|if|though|a result)\b)\p{L})|,\s+(?=even if\b)|(?<![,;])\s+(?=unless\b)/giu
/** Every SUBORDINATE alternative needs white space before one of these words (same flags, so the same case folding): without it the scan is skipped. */
const SUBORDINATE_WORD = /\s(?:as|since|unless|even if)\b/iu
const COLON = /:\s+(?=(\p{L}+))/gu
const COMPARATIVE_END = /\b(?:as|such|same|so|just|well|much|many|twice|long|soon|far)\s*$/i

const LEADING = /^(although|though|even though|even if|while|whereas|because|admittedly|granted)\b/iu

const WORD_CHAR = /[\p{L}\p{N}]/u

/**
 * Word counts of any slice of `s` in O(1), after one linear pass: what
 * `s.slice(x, y).match(/[\p{L}\p{N}]+/gu).length` gives, for slices that do not
 * split a surrogate pair (cut points are next to white space or punctuation).
 * The old per-connective recount of the rest of the sentence made a long
 * sentence of connectives quadratic.
 */
class WordCounts {
  /** `starts[i]`: how many words start before index i. */
  private readonly starts: Int32Array
  /** `inWord[i]`: 1 when a word character starts at i and the one before it is a word character too. */
  private readonly inWord: Uint8Array
  constructor(s: string) {
    const n = s.length
    this.starts = new Int32Array(n + 1)
    this.inWord = new Uint8Array(n + 1)
    let count = 0
    let prevWord = false
    for (let i = 0; i < n; ) {
      const cp = s.codePointAt(i) as number
      const width = cp > 0xffff ? 2 : 1
      const word = cp < 128 ? (cp >= 48 && cp <= 57) || ((cp | 32) >= 97 && (cp | 32) <= 122) : WORD_CHAR.test(String.fromCodePoint(cp))
      this.starts[i] = count
      if (word && prevWord) this.inWord[i] = 1
      if (word && !prevWord) count++
      if (width === 2) this.starts[i + 1] = count
      prevWord = word
      i += width
    }
    this.starts[n] = count
  }

  /** Words in `s.slice(x, y)`. */
  count(x: number, y: number): number {
    if (y <= x) return 0
    return this.starts[y]! - this.starts[x]! + this.inWord[x]!
  }
}

/** `re` (sticky) matches at index `at` of `s`: an anchored test without slicing the rest of the sentence. */
function matchesAt(re: RegExp, s: string, at: number): boolean {
  re.lastIndex = at
  return re.test(s)
}

const SO_FIXED = /so\s+(?:that|much|many|far|long)\b/iy
const BUT_FIXED = /but\s+(?:also|not|rather)\b/iy
const THOUGH_ADVERB = /though\s*[,.;:!?]/iy
const TEMPORAL_SINCE_AT = /since\s+\S+\s+(?:was|were|has|have|had)\b/iy

/**
 * The cuts found so far, pass by pass (each pass finds its cuts in increasing
 * order), with the two questions each pass asks of them answered in
 * amortised O(1): is there a cut within 3 chars of c, and which cut does the
 * part before c start at. A pass's candidates come in increasing order, so a
 * pointer per earlier pass walks forward; the old code asked both of one
 * array each time, which made a sentence of many connectives quadratic.
 */
class Cuts {
  private readonly passes: number[][] = [[]]
  private pointers: number[] = [0]

  constructor(private readonly from: number) {}

  private get current(): number[] {
    return this.passes[this.passes.length - 1]!
  }

  /** Start the next pass. */
  pass(): void {
    this.passes.push([])
    this.pointers = this.passes.map(() => 0)
  }

  /** Move each earlier pass's pointer to its first cut at or past c - 2 (c never decreases within a pass). */
  private seek(c: number): void {
    for (let k = 0; k < this.passes.length - 1; k++) {
      const cuts = this.passes[k]!
      let p = this.pointers[k]!
      while (p < cuts.length && cuts[p]! <= c - 3) p++
      this.pointers[k] = p
    }
  }

  near(c: number): boolean {
    this.seek(c)
    for (let k = 0; k < this.passes.length - 1; k++) {
      const x = this.passes[k]![this.pointers[k]!]
      if (x !== undefined && x < c + 3) return true
    }
    const last = this.current[this.current.length - 1]
    return last !== undefined && Math.abs(last - c) < 3
  }

  /**
   * Where the part before c starts: the last cut of this pass, else the last
   * cut before c of the latest pass that has one, else the sentence start.
   * (The cuts were one list in the order found, and this was its last entry
   * before c; kept so that output stays as it was.)
   */
  before(c: number): number {
    const own = this.current[this.current.length - 1]
    if (own !== undefined) return own
    this.seek(c)
    for (let k = this.passes.length - 2; k >= 0; k--) {
      const cuts = this.passes[k]!
      let p = this.pointers[k]!
      while (p < cuts.length && cuts[p]! < c) p++
      if (p > 0) return cuts[p - 1]!
    }
    return this.from
  }

  add(c: number): void {
    this.current.push(c)
  }

  sorted(): number[] {
    // Most sentences have cuts from one pass or none, already in order: no flattened copy to sort then.
    const found = this.passes.filter((p) => p.length > 0)
    if (found.length <= 1) return found.length ? [...found[0]!] : []
    return found.flat().sort((x, y) => x - y)
  }
}

/** Cut points (indices into `text`) inside the sentence range [a, b). */
export function clauseCuts(text: string, a: number, b: number): number[] {
  const s = text.slice(a, b)
  // Built at the first count: most sentences have no candidate cut and never need one.
  let wc: WordCounts | null = null
  const words = (x: number, y: number): number => (wc ??= new WordCounts(s)).count(x, y)
  const n = s.length
  const cuts = new Cuts(a)
  let last = 0
  MIDDLE.lastIndex = 0
  for (let m = MIDDLE.exec(s); m; m = MIDDLE.exec(s)) {
    const connective = (m[1] as string).toLowerCase()
    const cut = m.index + m[0].length
    const sep = s[m.index]
    // "so" and "yet" split only after a comma or semicolon, "so that" never; "but also" never.
    if (connective === 'so' && (sep === ' ' || matchesAt(SO_FIXED, s, cut))) continue
    if (connective === 'but' && matchesAt(BUT_FIXED, s, cut)) continue
    if (connective === 'however' && sep !== ';') continue
    // "X, though, Y": a sentence adverb, not a conjunction.
    if (connective === 'though' && matchesAt(THOUGH_ADVERB, s, cut)) continue
    if (words(last, m.index) < 3 || words(cut, n) < 4) continue
    cuts.add(a + cut)
    last = cut
  }
  cuts.pass()
  COORDINATE.lastIndex = 0
  for (let m = COORDINATE.exec(s); m; m = COORDINATE.exec(s)) {
    const conj = (m[1] as string).toLowerCase()
    const next = (m[2] as string).toLowerCase()
    if (!ANY_OPENER.has(conj) && !CLAUSE_OPENER.has(next)) continue
    if (conj === 'since' && /^\d/.test(next)) continue
    const cut = m.index + m[0].length
    if (cuts.near(a + cut)) continue
    const prev = cuts.before(a + cut)
    if (words(prev - a, m.index) < 3 || words(cut, n) < 4) continue
    cuts.add(a + cut)
  }
  cuts.pass()
  SUBORDINATE.lastIndex = 0
  for (let m = SUBORDINATE_WORD.test(s) ? SUBORDINATE.exec(s) : null; m; m = SUBORDINATE.exec(s)) {
    const at = m.index + m[0].length
    const before = s.slice(Math.max(0, m.index - 40), m.index)
    // Comparisons keep their "as": "as good as it is", "such as they", "the same as we".
    if (m[1] && (COMPARATIVE_END.test(before) || /\bas\s+\S+(?:\s+\S+)?\s*$/i.test(before))) continue
    // Temporal "since": "since it was built", "since they have left".
    if (m[2] && matchesAt(TEMPORAL_SINCE_AT, s, at)) continue
    const c = a + at
    if (cuts.near(c)) continue
    const prev = cuts.before(c)
    if (words(prev - a, at) < 3 || words(at, n) < 3) continue
    cuts.add(c)
  }
  cuts.pass()
  // "X: the life expectancy is rising": a colon before a clause of its own.
  COLON.lastIndex = 0
  for (let m = COLON.exec(s); m; m = COLON.exec(s)) {
    if (!CLAUSE_OPENER.has((m[1] as string).toLowerCase())) continue
    const at = m.index + m[0].length
    const c = a + at
    if (cuts.near(c)) continue
    const prev = cuts.before(c)
    if (words(prev - a, at) < 3 || words(at, n) < 4) continue
    cuts.add(c)
  }
  const sorted = cuts.sorted()
  if (!sorted.length) {
    const lead = LEADING.exec(s)
    if (lead) {
      const comma = s.indexOf(', ', lead[0].length)
      if (comma !== -1 && words(0, comma) >= 3 && words(comma, n) >= 3) sorted.push(a + comma + 2)
    }
  }
  return sorted
}
