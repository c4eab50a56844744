/**
 * Features for the learned tagger and linker: readable names, one list per
 * unit and one per candidate pair, emitted one at a time as integer keys
 * (training collects the names, the model adds up weights; see FeatureSink
 * and featureKey below). They are the rules' own signals (what the
 * rules-only path decided and why), the unit's place in the document (its
 * paragraph, its section and that section's heading words, list items,
 * questions), and its words (lower-cased unigrams and bigrams, its first
 * words). A model weighs them; nothing here decides.
 *
 * Every list is computed in one pass over the units; a pair list reads two
 * units and a bounded window between them, so the work is linear in the
 * document's length.
 */
import type { Segment } from '../model/types.js'
import type { Tagged } from '../tag/index.js'

/** What the rules-only path said about the document (roles, and each unit's planned target). */
export interface RuleView {
  tagged: readonly Tagged[]
  /** Planned target index per unit (-1: none), its type and its signals. */
  target: readonly number[]
  type: readonly string[]
  edgeSignals: readonly (readonly string[])[]
}

const ruleEdge = (rules: RuleView, i: number): boolean => rules.target[i]! >= 0

/** Document shape the unit features need, computed once per document. */
export interface DocView {
  segments: readonly Segment[]
  rules: RuleView
  /** Per unit: index of its prose paragraph among the document's paragraph blocks (-1 for headings/cells), and their count. */
  paraRank: Int32Array
  paraCount: number
  /** Per unit: the words of the section heading it sits under ('' when the only heading is the title). */
  section: readonly string[]
  /** Per unit: paragraph rank inside its section, and the section's paragraph count. */
  secRank: Int32Array
  secCount: Int32Array
  /** Per unit: how many word tokens it has (the length of `tokens(plain)`). */
  words: Int32Array
  /** The units' content words (longer than three letters): how many two units share, how many one has. */
  content: ContentWords
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

export function tokens(plain: string): string[] {
  return (plain.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, "'"))
}

const RIGHT_QUOTES = /’/g
/**
 * Text that lower-casing leaves alone as far as WORD goes: ASCII, the no-break space and the General Punctuation
 * block (curly quotes, dashes, spaces). WORD then matches the same words in it as in its lower-cased copy.
 */
const CASE_SAFE = /^[\x00-\x7f\u00a0\u2000-\u206f]*$/

/**
 * How many words `tokens(plain)` has. Most units need only their count (the `words<=` buckets, the
 * body-paragraph test): for case-safe text it is the number of WORD matches in the text itself, counted off its
 * character codes (scanCaseSafe), without the lower-cased copy and the mapped token list.
 */
export function wordCount(plain: string): number {
  return CASE_SAFE.test(plain) ? scanCaseSafe(plain, null) : tokens(plain).length
}

/** A matched word as `tokens` gives it: lower-cased, ’ read as '. */
export function normalWord(match: string): string {
  const word = match.toLowerCase()
  return word.includes('’') ? word.replace(RIGHT_QUOTES, "'") : word
}

/** Receives the content words of case-safe text as ranges of it, each with the hash of the word as `tokens` gives it. */
export interface RangeSink {
  range(text: string, from: number, to: number, hash: number): void
}

// The hash of a word's characters as `tokens` gives them (FNV-1a over UTF-16 code units).
const HASH_SEED = 0x811c9dc5 | 0
const HASH_PRIME = 0x01000193

/*
 * The character tests of the scan, as table lookups written into its loops: the scan also runs in code not yet
 * optimised (a short document, the first units of a long one), where each call to a small helper per character
 * is a real call, and a scan with such calls cost more there than the expression it replaces.
 */
/** Case-safe text's word characters, by code below 128 (no other case-safe code is a letter or digit): 2 a letter (WORD's \p{L}), 1 a digit (\p{N}). */
const KIND = new Uint8Array(128)
for (let c = 48; c <= 57; c++) KIND[c] = 1
for (let c = 65; c <= 90; c++) KIND[c] = KIND[c + 32] = 2
/** Each code below LOWERED as `tokens` gives it: A-Z lowered, ’ read as '; codes from LOWERED on are themselves. */
const LOWERED = 0x2020
const LOWER = Uint16Array.from({ length: LOWERED }, (_, c) => (c >= 65 && c <= 90 ? c + 32 : c === 0x2019 ? 0x27 : c))

/** The hash of text[from .. to) as `tokens` gives it (of a word so given: `wordHash(w, 0, w.length)`). */
export function wordHash(text: string, from: number, to: number): number {
  let h = HASH_SEED
  for (let x = from; x < to; x++) {
    const c = text.charCodeAt(x)
    h = Math.imul(h ^ (c < LOWERED ? LOWER[c]! : c), HASH_PRIME)
  }
  // Thirty bits: a small integer to V8, which a full 32-bit value is not (it would be boxed, an allocation per word).
  return h & 0x3fffffff
}

/**
 * WORD's matches in case-safe text, read off its character codes: the content words (longer than three letters)
 * go to `sink` as ranges with their hash, so looking one up makes no string and lower-cases nothing; returns how
 * many words the text has. Matching the expression, cutting each match out, lower-casing it and hashing it again
 * in a Map was most of the learned path's time (test/learn-features.test.ts holds this to `tokens`). Only a
 * content word is hashed (a second pass over it): the short words, a third of the text, are only skipped.
 */
export function scanCaseSafe(text: string, sink: RangeSink | null): number {
  const n = text.length
  let words = 0
  let x = 0
  let c = 0
  while (x < n) {
    c = text.charCodeAt(x)
    if (c >= 128 || KIND[c] === 0) {
      x++
      continue
    }
    const from = x
    while (++x < n && (c = text.charCodeAt(x)) < 128 && KIND[c] !== 0);
    // (?:['’]\p{L}+)*: an apostrophe counts only before a letter.
    while (x + 1 < n && ((c = text.charCodeAt(x)) === 0x27 || c === 0x2019) && (c = text.charCodeAt(x + 1)) < 128 && KIND[c] === 2) {
      x++
      while (++x < n && (c = text.charCodeAt(x)) < 128 && KIND[c] === 2);
    }
    words++
    if (sink !== null && x - from > 3) sink.range(text, from, x, wordHash(text, from, x))
  }
  return words
}

/**
 * A document's vocabulary: each distinct word (as `tokens` gives it) an id, in an open-addressing table keyed by
 * the word's hash. Case-safe text's words are looked up as ranges of the text (`scanCaseSafe`), compared
 * character by character with the stored word, so only a new word becomes a string; other text's tokens are
 * looked up as strings, in the same table.
 */
class WordIds {
  private slots = new Int32Array(1024)
  private hashes: number[] = []
  private words: string[] = []

  /** The id of text[from .. to) as `tokens` gives it, hash h (`scanCaseSafe`); `normal`: the range needs no lowering. */
  id(text: string, from: number, to: number, h: number, normal: boolean): number {
    const mask = this.slots.length - 1
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s]! - 1
      if (at < 0) return this.add(s, h, normal ? text.slice(from, to) : normalWord(text.slice(from, to)))
      if (this.hashes[at] === h && sameWord(this.words[at]!, text, from, to)) return at
    }
  }

  private add(slot: number, h: number, word: string): number {
    const id = this.words.length
    this.words.push(word)
    this.hashes.push(h)
    this.slots[slot] = id + 1
    if (2 * this.words.length > this.slots.length) this.rehash()
    return id
  }

  /** Doubles the table (kept at most half full, so a probe ends soon). */
  private rehash(): void {
    const slots = new Int32Array(2 * this.slots.length)
    const mask = slots.length - 1
    for (let id = 0; id < this.hashes.length; id++) {
      let s = this.hashes[id]! & mask
      while (slots[s] !== 0) s = (s + 1) & mask
      slots[s] = id + 1
    }
    this.slots = slots
  }
}

/** Whether text[from .. to), as `tokens` gives it, is `word` (itself as `tokens` gives it). */
function sameWord(word: string, text: string, from: number, to: number): boolean {
  if (word.length !== to - from) return false
  for (let x = 0; x < word.length; x++) {
    const c = text.charCodeAt(from + x)
    if (word.charCodeAt(x) !== (c < LOWERED ? LOWER[c]! : c)) return false
  }
  return true
}

/**
 * The content words of a document's units, each unit's computed on first use (a restatement or a link reads it)
 * as the sorted ids of its distinct words in the document's vocabulary, all in one flat array: two units' overlap
 * is then a merge that allocates nothing, and no unit holds a set of strings.
 */
export class ContentWords implements RangeSink {
  private readonly ids = new WordIds()
  private readonly start: Int32Array
  private readonly end: Int32Array
  private buf = new Int32Array(1024)
  private len = 0

  constructor(private readonly segments: readonly Segment[]) {
    this.start = new Int32Array(segments.length).fill(-1)
    this.end = new Int32Array(segments.length)
  }

  range(text: string, from: number, to: number, h: number): void {
    this.push(this.ids.id(text, from, to, h, false))
  }

  private push(id: number): void {
    if (this.len === this.buf.length) {
      const more = new Int32Array(2 * this.buf.length)
      more.set(this.buf)
      this.buf = more
    }
    this.buf[this.len++] = id
  }

  /** Unit i's words: appended, then sorted with duplicates dropped (insertion sort: a few dozen words at most). */
  private read(i: number): void {
    if (this.start[i]! < 0) this.count(i)
  }

  /** Reads unit i's words (it must not have been read) and returns how many words it has, as `wordCount` does. */
  count(i: number): number {
    const from = this.len
    this.start[i] = from
    const plain = this.segments[i]!.plain
    const words = CASE_SAFE.test(plain) ? scanCaseSafe(plain, this) : this.tokenise(plain)
    const u = this.buf
    let n = from
    for (let x = from; x < this.len; x++) {
      const id = u[x]!
      let at = n
      while (at > from && u[at - 1]! > id) at--
      if (at > from && u[at - 1] === id) continue
      for (let t = n; t > at; t--) u[t] = u[t - 1]!
      u[at] = id
      n++
    }
    this.len = n
    this.end[i] = n
    return words
  }

  /** Text that is not case-safe: its tokens, looked up as strings. */
  private tokenise(plain: string): number {
    const ws = tokens(plain)
    for (const w of ws) if (w.length > 3) this.push(this.ids.id(w, 0, w.length, wordHash(w, 0, w.length), true))
    return ws.length
  }

  size(i: number): number {
    this.read(i)
    return this.end[i]! - this.start[i]!
  }

  shared(i: number, j: number): number {
    this.read(i)
    this.read(j)
    const u = this.buf
    let n = 0
    let x = this.start[i]!
    let y = this.start[j]!
    const xe = this.end[i]!
    const ye = this.end[j]!
    while (x < xe && y < ye) {
      if (u[x]! < u[y]!) x++
      else if (u[x]! > u[y]!) y++
      else (n++, x++, y++)
    }
    return n
  }
}

// The form tests, compiled once (a regular expression literal inside a function is a new object on every call).
const DIGIT = /\d/
const YEAR = /\b(1[5-9]|20)\d\d\b/
const PERCENT = /%|\bper ?cent\b/i
const QUOTE = /["“”]/
const ALL_CAPS = /^[^a-z]*[A-Z]{3,}[^a-z]*$/

/**
 * How a unit's text ends, read backwards from its end: `/[.!?:;]["'”’)\]]*\s*$/` and its kin, as expressions,
 * are tried at every position of the text, so each cost a scan of every unit (~5% of the learned path). The
 * character sets are disjoint, so skipping the longest run of each from the end decides the same (the
 * equivalence is tested in test/learn-features.test.ts).
 */
/** JavaScript's \s. */
const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
/** ["'”’)] */
const isQuestionCloser = (c: number): boolean => c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29
/** ["'”’)\]] */
const isCloser = (c: number): boolean => isQuestionCloser(c) || c === 0x5d

function skipSpaces(text: string, end: number): number {
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--
  return end
}

function skipClosers(text: string, end: number, closer: (c: number) => boolean): number {
  while (end > 0 && closer(text.charCodeAt(end - 1))) end--
  return end
}

/** The character before the text's trailing closers and spaces (`[.!?]["'”’)\]]*\s*$` reads it), -1 for none. */
export function lastMark(text: string): number {
  const end = skipClosers(text, skipSpaces(text, text.length), isCloser)
  return end > 0 ? text.charCodeAt(end - 1) : -1
}

/** `/[.!?]["'”’)\]]*\s*$/`: ends a sentence, given lastMark. */
export const endsSentence = (mark: number): boolean => mark === 0x2e || mark === 0x21 || mark === 0x3f
/** `/[.!?:;]["'”’)\]]*\s*$/`. */
export const endsTerminal = (mark: number): boolean => endsSentence(mark) || mark === 0x3a || mark === 0x3b

/** `/\?\s*["'”’)]*$/`. */
export function endsQuestion(text: string): boolean {
  const end = skipSpaces(text, skipClosers(text, text.length, isQuestionCloser))
  return end > 0 && text.charCodeAt(end - 1) === 0x3f
}

/** `/:\s*$/`. */
export function endsColon(text: string): boolean {
  const end = skipSpaces(text, text.length)
  return end > 0 && text.charCodeAt(end - 1) === 0x3a
}

/** The structure of a document that every unit feature reads. */
export function docView(segments: readonly Segment[], rules: RuleView): DocView {
  const n = segments.length
  const paraRank = new Int32Array(n).fill(-1)
  const section: string[] = new Array(n).fill('')
  const secRank = new Int32Array(n)
  const secCount = new Int32Array(n)
  const words = new Int32Array(n)
  const content = new ContentWords(segments)
  // The units the rules keep are the argument's units, whose words the restatement and link features read: one
  // scan counts their words and reads them; the others are only counted.
  for (let i = 0; i < n; i++) words[i] = rules.tagged[i]!.role === 'none' ? wordCount(segments[i]!.plain) : content.count(i)
  // The document's first heading is its title, not a section.
  const firstHeading = segments.findIndex((s) => s.block === 'heading')
  const titleParagraph = firstHeading >= 0 ? segments[firstHeading]!.paragraph : -1
  // Body paragraphs: those holding a sentence (six words or more, ending in . ! or ?). Lines such as a
  // newspaper's name, a dateline, a byline, a salutation ending in a colon or a signature are not counted, so
  // "the first paragraph" is the first paragraph of the argument in an old newspaper essay and a blog post alike.
  const body = new Set<number>()
  for (let i = 0; i < n; i++) {
    const s = segments[i]!
    if (s.block === 'paragraph' && words[i]! >= 6 && endsSentence(lastMark(s.plain))) body.add(s.paragraph)
  }
  let rank = -1
  let lastPara = -1
  let sec = ''
  let secStart = 0
  let secParas = 0
  let headingPara = -1
  for (let i = 0; i < n; i++) {
    const s = segments[i]!
    if (s.block === 'heading' && s.paragraph !== titleParagraph) {
      if (s.paragraph !== headingPara) {
        // A new section: close the one before it.
        for (let k = secStart; k < i; k++) secCount[k] = secParas
        secStart = i
        secParas = 0
        headingPara = s.paragraph
        sec = ''
      }
      sec = [...sec.split(' ').filter(Boolean), ...tokens(s.plain)].slice(0, 6).join(' ')
      for (let k = secStart; k <= i; k++) section[k] = sec
      continue
    }
    const inBody = s.block === 'paragraph' && body.has(s.paragraph)
    if (inBody && s.paragraph !== lastPara) {
      rank++
      lastPara = s.paragraph
      secParas++
    }
    paraRank[i] = inBody ? rank : -1
    section[i] = sec
    secRank[i] = Math.max(0, secParas - 1)
  }
  for (let k = secStart; k < n; k++) secCount[k] = secParas
  // Only the units a restatement or a link reads need their words (tokenised on first use).
  return { segments, rules, paraRank, paraCount: rank + 1, section, secRank, secCount, words, content }
}

/**
 * Features travel as integer keys, each standing for one readable name (the model file's vocabulary): a name is
 * registered the first time some unit or pair takes it, and a model resolves a key to its weights once (./model.ts
 * WeightTable), so scoring is array indexing. Formatting ~60 template strings per unit and ~15 per pair and looking
 * each up in a map was most of the learned path's time and garbage. The names come from finite families (roles,
 * block kinds, positions, the rules' signal names from their lexicon), so the registry stays small.
 */
const featureNames: string[] = []
const featureKeys = new Map<string, number>()

export function featureKey(name: string): number {
  let key = featureKeys.get(name)
  if (key === undefined) {
    key = featureNames.length
    featureNames.push(name)
    featureKeys.set(name, key)
  }
  return key
}

export const featureName = (key: number): string => featureNames[key]!

const MEMO_LIMIT = 4096

/** The keys of a family of features, one per value, each made on first use. */
function named<K extends string | number>(make: (k: K) => string): (k: K) => number {
  const memo = new Map<K, number>()
  return (k) => {
    let key = memo.get(k)
    if (key === undefined) {
      // Bounded, should some family's raw values (a signal with a count) not be few.
      if (memo.size >= MEMO_LIMIT) memo.clear()
      memo.set(k, (key = featureKey(make(k))))
    }
    return key
  }
}

/** The keys of a bucketed count (`words<=8`, `words>40`). */
function buckets(prefix: string, edges: readonly number[]): (n: number) => number {
  const keys = [...edges.map((e) => featureKey(`${prefix}<=${e}`)), featureKey(`${prefix}>${edges[edges.length - 1]}`)]
  return (n) => {
    let b = 0
    while (b < edges.length && n > edges[b]!) b++
    return keys[b]!
  }
}

/** The keys of fixed features, by name (`F.bias`, `F['same-para']`). */
function fixed<N extends string>(...names: N[]): Readonly<Record<N, number>> {
  const out = {} as Record<N, number>
  for (const name of names) out[name] = featureKey(name)
  return Object.freeze(out)
}

/** A signal's name without a trailing weight or count (`marker:because`, not `marker:because +1.2`). */
const signalName = (s: string): string => s.replace(/\s[+-]?\d.*$/, '')

/**
 * The families over a role (the rules' or the model's) or a unit's place in its paragraph, the values almost
 * every unit and pair reads: their keys are made at load, in arrays by index, so a pair's features look up no
 * Map for them (a Map lookup per feature was the costliest step of a pair's features).
 */
const ROLE_NAMES = ['none', 'conclusion', 'claim', 'premise'] as const
/** A role's index in ROLE_NAMES, -1 for another value (comparisons of short constant strings). */
const roleIndex = (r: string): number => (r === 'none' ? 0 : r === 'conclusion' ? 1 : r === 'claim' ? 2 : r === 'premise' ? 3 : -1)

/** A family over roles: the four roles' keys by index, any other value through `named`. */
function byRole(make: (r: string) => string): (r: string) => number {
  const keys = ROLE_NAMES.map((r) => featureKey(make(r)))
  const other = named(make)
  return (r) => {
    const x = roleIndex(r)
    return x >= 0 ? keys[x]! : other(r)
  }
}

/** A unit's place in its paragraph, as sentencePlace gives its index. */
const PLACE_NAMES = ['only', 'first', 'last', 'mid'] as const
type Place = 0 | 1 | 2 | 3
/** The keys of a family over places, by index. */
const byPlace = (make: (p: string) => string): readonly number[] => PLACE_NAMES.map((p) => featureKey(make(p)))

const RULE_ROLE = byRole((r: string) => `rule:role=${r}`)
const RULE_SIGNAL = named((sig: string) => `rule:${signalName(sig)}`)
/** A signal's family feature (`boilerplate:bio` → `rule-family:boilerplate`), -1 when the name has no family. */
const RULE_FAMILY = ((memo) => (sig: string): number => {
  let key = memo.get(sig)
  if (key === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear()
    const name = signalName(sig)
    const family = name.split(':')[0]!
    memo.set(sig, (key = family !== name ? featureKey(`rule-family:${family}`) : -1))
  }
  return key
})(new Map<string, number>())
const RULE_EDGE_TYPE = named((t: string) => `rule:edge=${t}`)
const RULE_EDGE_SIGNAL = named((sig: string) => `rule:edge:${signalName(sig)}`)
const TO_RULE_SIGNAL = named((sig: string) => `to-rule:${signalName(sig)}`)
const TO_RULE_EDGE = named((t: string) => `to-rule-edge=${t}`)
const BLOCK = named((b: string) => `block=${b}`)
const HEADING_DEPTH = named((d: number) => `heading-depth=${d}`)
const IN = named((c: string) => `in=${c}`)
const SENT = byPlace((p: string) => `sent=${p}`)
const SENTS = buckets('sents', [1, 3, 6, 12])
const PARA_FIFTH = named((k: number) => `para-fifth=${k}`)
const PARA_EDGE_SENT = { first: byPlace((p: string) => `para-edge+sent=first:${p}`), last: byPlace((p: string) => `para-edge+sent=last:${p}`) }
const PARAS = buckets('paras', [1, 3, 6, 12])
const WORDS = buckets('words', [2, 4, 8, 15, 25, 40])
const NEXT_RULE = byRole((r: string) => `next-rule=${r}`)
const PREV_RULE = byRole((r: string) => `prev-rule=${r}`)
const DIST = { back: buckets('dist=back', [1, 2, 3, 5, 8, 15]), fwd: buckets('dist=fwd', [1, 2, 3, 5, 8, 15]) }
const PARA_GAP = buckets('para-gap', [1, 2, 4])
const FROM = byRole((r: string) => `from=${r}`)
const TO = byRole((r: string) => `to=${r}`)
const FROM_TO_BY_FROM = new Map<string, (rj: string) => number>()
const FROM_TO_KEYS = ROLE_NAMES.flatMap((ri) => ROLE_NAMES.map((rj) => featureKey(`from-to=${ri}>${rj}`)))
const FROM_TO = (ri: string, rj: string): number => {
  const x = roleIndex(ri)
  const y = roleIndex(rj)
  if (x >= 0 && y >= 0) return FROM_TO_KEYS[4 * x + y]!
  let to = FROM_TO_BY_FROM.get(ri)
  if (!to) FROM_TO_BY_FROM.set(ri, (to = named((r: string) => `from-to=${ri}>${r}`)))
  return to(rj)
}
const TO_THESIS_FROM = byRole((r: string) => `to-thesis:from=${r}`)
const TO_SENT = byPlace((p: string) => `to-sent=${p}`)
const TO_SENT_DIR = { back: byPlace((p: string) => `to-sent+dir=${p}:back`), fwd: byPlace((p: string) => `to-sent+dir=${p}:fwd`) }
const OVERLAP = buckets('overlap', [0, 1, 2, 4])
const F = fixed(
  'all-caps',
  'bias',
  'clause',
  'code',
  'digits',
  'ends-colon',
  'next=none',
  'no-terminal',
  'para-other',
  'para=first',
  'para=last',
  'para=mid',
  'para=outside-body',
  'para=penultimate',
  'para=second',
  'percent',
  'prev=none',
  'question',
  'quote',
  'rule:edge',
  'rule:reverse-edge',
  'same-para',
  'same-section',
  'sec-para=first',
  'sec-para=last',
  'sec-para=mid',
  'sec=none',
  'to-thesis',
  'to-thesis:other',
  'to-thesis:same-para',
  'year',
)

/**
 * Receives features one at a time: training collects the names, the model adds up their weights without a list
 * (./linear.ts). A class with a method, not a closure made per document: the scoring code then sees the same
 * call target in every document and stays optimised from one to the next.
 */
export interface FeatureSink {
  add(feature: number): void
}

/** Training's sink: the features' names, in order. */
class NameList implements FeatureSink {
  readonly names: string[] = []

  add(feature: number): void {
    this.names.push(featureName(feature))
  }
}

/** The feature of each signal (an index loop: these run for every unit and pair). */
function emitEach(signals: readonly string[], feature: (sig: string) => number, f: FeatureSink): void {
  for (let x = 0; x < signals.length; x++) f.add(feature(signals[x]!))
}

/** Whether one of the first `x` signals has the family feature `family` (each family is listed once per unit). */
function familyBefore(signals: readonly string[], x: number, family: number): boolean {
  for (let y = 0; y < x; y++) if (RULE_FAMILY(signals[y]!) === family) return true
  return false
}

/** A unit's place in its paragraph. */
const sentencePlace = (s: Segment): Place => (s.count === 1 ? 0 : s.index === 0 ? 1 : s.index === s.count - 1 ? 2 : 3)

/** Features of unit i. */
export function unitFeatures(view: DocView, i: number): string[] {
  const f = new NameList()
  emitUnitFeatures(view, i, f)
  return f.names
}

export function emitUnitFeatures(view: DocView, i: number, f: FeatureSink): void {
  const s = view.segments[i]!
  const rule = view.rules.tagged[i]!
  f.add(F.bias)
  f.add(RULE_ROLE(rule.role))
  // Each rule signal, and its family (`boilerplate:bio` → `boilerplate`), so a signal the gold never showed still
  // counts through its family's weight.
  for (let x = 0; x < rule.signals.length; x++) {
    const sig = rule.signals[x]!
    f.add(RULE_SIGNAL(sig))
    const family = RULE_FAMILY(sig)
    if (family >= 0 && !familyBefore(rule.signals, x, family)) f.add(family)
  }
  if (ruleEdge(view.rules, i)) {
    f.add(RULE_EDGE_TYPE(view.rules.type[i]!))
    emitEach(view.rules.edgeSignals[i]!, RULE_EDGE_SIGNAL, f)
  }
  f.add(BLOCK(s.block))
  if (s.block === 'heading') f.add(HEADING_DEPTH(s.depth))
  for (let x = 0; x < s.containers.length; x++) f.add(IN(s.containers[x]!))
  if (s.clause) f.add(F.clause)
  // Place in the paragraph.
  const pos = sentencePlace(s)
  f.add(SENT[pos]!)
  f.add(SENTS(s.count))
  // Place in the document (prose paragraphs only).
  const r = view.paraRank[i]!
  if (r >= 0) {
    const last = view.paraCount - 1
    f.add(r === 0 ? F['para=first'] : r === last ? F['para=last'] : r === 1 ? F['para=second'] : r === last - 1 ? F['para=penultimate'] : F['para=mid'])
    f.add(PARA_FIFTH(Math.min(4, Math.floor((5 * r) / Math.max(1, view.paraCount)))))
    if (r === 0 || r === last) f.add(PARA_EDGE_SENT[r === 0 ? 'first' : 'last'][pos]!)
    f.add(PARAS(view.paraCount))
  } else if (s.block === 'paragraph') f.add(F['para=outside-body'])
  // Section.
  const sec = view.section[i]!
  if (sec) {
    const sr = view.secRank[i]!
    const sc = view.secCount[i]!
    f.add(sr === 0 ? F['sec-para=first'] : sr === sc - 1 ? F['sec-para=last'] : F['sec-para=mid'])
  } else f.add(F['sec=none'])
  // Form.
  const plain = s.plain
  if (endsQuestion(plain)) f.add(F.question)
  if (endsColon(plain)) f.add(F['ends-colon'])
  if (!endsTerminal(lastMark(plain))) f.add(F['no-terminal'])
  if (DIGIT.test(plain)) f.add(F.digits)
  if (YEAR.test(plain)) f.add(F.year)
  if (PERCENT.test(plain)) f.add(F.percent)
  if (s.text.includes('`')) f.add(F.code)
  if (QUOTE.test(plain)) f.add(F.quote)
  if (ALL_CAPS.test(plain)) f.add(F['all-caps'])
  f.add(WORDS(view.words[i]!))
  // Words are not features: on the open gold, unigrams, bigrams, first words and the section heading's words
  // lowered every figure in cross-validation (role macro F1 0.412 against 0.457 without them, central claim
  // 0.146 against 0.271) and carried the genre's vocabulary (18th-century prose, Rust) into the weights. The
  // rules' marker signals above carry the words that generalise (because, therefore, however, in conclusion).
  const next = view.segments[i + 1]
  f.add(next && next.paragraph === s.paragraph ? NEXT_RULE(view.rules.tagged[i + 1]!.role) : F['next=none'])
  const prev = view.segments[i - 1]
  f.add(prev && prev.paragraph === s.paragraph ? PREV_RULE(view.rules.tagged[i - 1]!.role) : F['prev=none'])
}


/** Features of the candidate relation from unit i to unit j; `roles` gives each unit's predicted role. */
export function pairFeatures(view: DocView, i: number, j: number, roles: readonly string[], thesis: number): string[] {
  const f = new NameList()
  emitPairFeatures(view, i, j, roles, thesis, f)
  return f.names
}

export function emitPairFeatures(view: DocView, i: number, j: number, roles: readonly string[], thesis: number, f: FeatureSink): void {
  const si = view.segments[i]!
  const sj = view.segments[j]!
  const d = j - i
  f.add(F.bias)
  const dir = d < 0 ? 'back' : 'fwd'
  f.add(DIST[dir](Math.abs(d)))
  const samePara = si.paragraph === sj.paragraph
  f.add(samePara ? F['same-para'] : view.paraRank[j]! >= 0 && view.paraRank[i]! >= 0 ? PARA_GAP(Math.abs(view.paraRank[i]! - view.paraRank[j]!)) : F['para-other'])
  if (view.section[i] === view.section[j]) f.add(F['same-section'])
  const ri = roles[i]!
  const rj = roles[j]!
  f.add(FROM(ri))
  f.add(TO(rj))
  f.add(FROM_TO(ri, rj))
  if (j === thesis) {
    f.add(F['to-thesis'])
    f.add(samePara ? F['to-thesis:same-para'] : F['to-thesis:other'])
    f.add(TO_THESIS_FROM(ri))
  }
  const sentJ = sentencePlace(sj)
  f.add(TO_SENT[sentJ]!)
  if (samePara) f.add(TO_SENT_DIR[dir][sentJ]!)
  if (view.rules.target[i] === j && ruleEdge(view.rules, i)) {
    f.add(F['rule:edge'])
    f.add(RULE_EDGE_TYPE(view.rules.type[i]!))
    emitEach(view.rules.edgeSignals[i]!, RULE_EDGE_SIGNAL, f)
  }
  if (view.rules.target[j] === i && ruleEdge(view.rules, j)) f.add(F['rule:reverse-edge'])
  f.add(OVERLAP(view.content.shared(i, j)))
}

/** Features of the relation type (support or attack) from i to j. */
export function typeFeatures(view: DocView, i: number, j: number, roles: readonly string[], thesis: number): string[] {
  const f = new NameList()
  emitTypeFeatures(view, i, j, roles, thesis, f)
  return f.names
}

export function emitTypeFeatures(view: DocView, i: number, j: number, roles: readonly string[], thesis: number, f: FeatureSink): void {
  f.add(F.bias)
  emitEach(view.rules.tagged[i]!.signals, RULE_SIGNAL, f)
  emitEach(view.rules.tagged[j]!.signals, TO_RULE_SIGNAL, f)
  if (view.rules.target[i] === j && ruleEdge(view.rules, i)) f.add(RULE_EDGE_TYPE(view.rules.type[i]!))
  f.add(FROM(roles[i]!))
  f.add(TO(roles[j]!))
  if (j === thesis) f.add(F['to-thesis'])
  if (ruleEdge(view.rules, j)) f.add(TO_RULE_EDGE(view.rules.type[j]!))
}
