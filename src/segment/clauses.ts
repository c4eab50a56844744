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
const TEMPORAL_SINCE = /^since\s+\S+\s+(?:was|were|has|have|had)\b/i

const LEADING = /^(although|though|even though|even if|while|whereas|because|admittedly|granted)\b/iu

const WORD = /[\p{L}\p{N}]+/gu

function words(text: string): number {
  return text.match(WORD)?.length ?? 0
}

/** Cut points (indices into `text`) inside the sentence range [a, b). */
export function clauseCuts(text: string, a: number, b: number): number[] {
  const s = text.slice(a, b)
  const cuts: number[] = []
  let last = 0
  MIDDLE.lastIndex = 0
  for (let m = MIDDLE.exec(s); m; m = MIDDLE.exec(s)) {
    const connective = (m[1] as string).toLowerCase()
    const cut = m.index + m[0].length
    const sep = s[m.index]
    // "so" and "yet" split only after a comma or semicolon, "so that" never; "but also" never.
    if (connective === 'so' && (sep === ' ' || /^so\s+(?:that|much|many|far|long)\b/i.test(s.slice(cut)))) continue
    if (connective === 'but' && /^but\s+(?:also|not|rather)\b/i.test(s.slice(cut))) continue
    if (connective === 'however' && sep !== ';') continue
    // "X, though, Y": a sentence adverb, not a conjunction.
    if (connective === 'though' && /^though\s*[,.;:!?]/i.test(s.slice(cut))) continue
    if (words(s.slice(last, m.index)) < 3 || words(s.slice(cut)) < 4) continue
    cuts.push(a + cut)
    last = cut
  }
  COORDINATE.lastIndex = 0
  for (let m = COORDINATE.exec(s); m; m = COORDINATE.exec(s)) {
    const conj = (m[1] as string).toLowerCase()
    const next = (m[2] as string).toLowerCase()
    if (!ANY_OPENER.has(conj) && !CLAUSE_OPENER.has(next)) continue
    if (conj === 'since' && /^\d/.test(next)) continue
    const cut = m.index + m[0].length
    if (cuts.some((c) => Math.abs(c - (a + cut)) < 3)) continue
    const prev = cuts.filter((c) => c < a + cut).pop() ?? a
    if (words(text.slice(prev, a + m.index)) < 3 || words(s.slice(cut)) < 4) continue
    cuts.push(a + cut)
  }
  SUBORDINATE.lastIndex = 0
  for (let m = SUBORDINATE_WORD.test(s) ? SUBORDINATE.exec(s) : null; m; m = SUBORDINATE.exec(s)) {
    const at = m.index + m[0].length
    const before = s.slice(Math.max(0, m.index - 40), m.index)
    // Comparisons keep their "as": "as good as it is", "such as they", "the same as we".
    if (m[1] && (COMPARATIVE_END.test(before) || /\bas\s+\S+(?:\s+\S+)?\s*$/i.test(before))) continue
    // Temporal "since": "since it was built", "since they have left".
    if (m[2] && TEMPORAL_SINCE.test(s.slice(at))) continue
    const c = a + at
    if (cuts.some((x) => Math.abs(x - c) < 3)) continue
    const prev = cuts.filter((x) => x < c).pop() ?? a
    if (words(text.slice(prev, c)) < 3 || words(text.slice(c, b)) < 3) continue
    cuts.push(c)
  }
  // "X: the life expectancy is rising": a colon before a clause of its own.
  COLON.lastIndex = 0
  for (let m = COLON.exec(s); m; m = COLON.exec(s)) {
    if (!CLAUSE_OPENER.has((m[1] as string).toLowerCase())) continue
    const c = a + m.index + m[0].length
    if (cuts.some((x) => Math.abs(x - c) < 3)) continue
    const prev = cuts.filter((x) => x < c).pop() ?? a
    if (words(text.slice(prev, c)) < 3 || words(text.slice(c, b)) < 4) continue
    cuts.push(c)
  }
  cuts.sort((x, y) => x - y)
  if (!cuts.length) {
    const lead = LEADING.exec(s)
    if (lead) {
      const comma = s.indexOf(', ', lead[0].length)
      if (comma !== -1 && words(s.slice(0, comma)) >= 3 && words(s.slice(comma)) >= 3) cuts.push(a + comma + 2)
    }
  }
  return cuts
}
