/**
 * Features for the learned tagger and linker: readable strings, one list per
 * unit and one per candidate pair. They are the rules' own signals (what the
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
  /** Per unit: its content words (longer than three letters), computed on first use. */
  content: (i: number) => ReadonlySet<string>
}

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu

export function tokens(plain: string): string[] {
  return (plain.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/’/g, "'"))
}

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90)
const isAsciiWordChar = (c: number): boolean => isAsciiLetter(c) || (c >= 48 && c <= 57)
/** No-break space and the General Punctuation block (quotes, dashes, spaces): never part of a word, whatever the case. */
const isPunctuation = (c: number): boolean => c === 0xa0 || (c >= 0x2000 && c <= 0x206f)
const APOSTROPHE = 39
const RIGHT_QUOTE = 0x2019

/**
 * The words of `tokens(plain)` without lower-casing the text, matching the regex and mapping the matches: counted,
 * and with `content`, those longer than three letters added to it. Most units need only their count (the
 * `words<=` buckets, the body-paragraph test), and tokenising every unit was much of the model's garbage. It reads
 * ASCII and punctuation (curly quotes, dashes) exactly as WORD does, and returns -1 at any other character (a
 * letter or digit lower-casing might change), for the caller to tokenise the unit the slow way.
 */
function scanWords(plain: string, content: Set<string> | null): number {
  let n = 0
  let i = 0
  const len = plain.length
  while (i < len) {
    const c = plain.charCodeAt(i)
    if (!isAsciiWordChar(c)) {
      if (c >= 128 && !isPunctuation(c)) return -1
      i++
      continue
    }
    const start = i
    let curly = false
    while (i < len && isAsciiWordChar(plain.charCodeAt(i))) i++
    // (?:['’]\p{L}+)*: an apostrophe continues the word only before a letter.
    while (i + 1 < len) {
      const q = plain.charCodeAt(i)
      if (q !== APOSTROPHE && q !== RIGHT_QUOTE) break
      const next = plain.charCodeAt(i + 1)
      if (next >= 128 && !isPunctuation(next)) return -1
      if (!isAsciiLetter(next)) break
      curly ||= q === RIGHT_QUOTE
      i++
      while (i < len && isAsciiLetter(plain.charCodeAt(i))) i++
    }
    if (i < len && plain.charCodeAt(i) >= 128 && !isPunctuation(plain.charCodeAt(i))) return -1
    n++
    if (content && i - start > 3) {
      const w = plain.slice(start, i).toLowerCase()
      content.add(curly ? w.replace(/’/g, "'") : w)
    }
  }
  return n
}

/** How many words `tokens(plain)` has. */
export function wordCount(plain: string): number {
  const n = scanWords(plain, null)
  return n >= 0 ? n : tokens(plain).length
}

/** The distinct words of `tokens(plain)` longer than three letters. */
export function contentWords(plain: string): Set<string> {
  const out = new Set<string>()
  return scanWords(plain, out) >= 0 ? out : new Set(tokens(plain).filter((w) => w.length > 3))
}

/** The structure of a document that every unit feature reads. */
export function docView(segments: readonly Segment[], rules: RuleView): DocView {
  const n = segments.length
  const paraRank = new Int32Array(n).fill(-1)
  const section: string[] = new Array(n).fill('')
  const secRank = new Int32Array(n)
  const secCount = new Int32Array(n)
  const words = new Int32Array(n)
  for (let i = 0; i < n; i++) words[i] = wordCount(segments[i]!.plain)
  // The document's first heading is its title, not a section.
  const firstHeading = segments.findIndex((s) => s.block === 'heading')
  const titleParagraph = firstHeading >= 0 ? segments[firstHeading]!.paragraph : -1
  // Body paragraphs: those holding a sentence (six words or more, ending in . ! or ?). Lines such as a
  // newspaper's name, a dateline, a byline, a salutation ending in a colon or a signature are not counted, so
  // "the first paragraph" is the first paragraph of the argument in an old newspaper essay and a blog post alike.
  const body = new Set<number>()
  for (let i = 0; i < n; i++) {
    const s = segments[i]!
    if (s.block === 'paragraph' && words[i]! >= 6 && /[.!?]["'”’)\]]*\s*$/.test(s.plain)) body.add(s.paragraph)
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
  const contents: Array<Set<string> | undefined> = new Array(n)
  const content = (i: number): ReadonlySet<string> => (contents[i] ??= contentWords(segments[i]!.plain))
  return { segments, rules, paraRank, paraCount: rank + 1, section, secRank, secCount, words, content }
}

/**
 * Feature names are built once per distinct value, not per unit or pair: the families are finite (roles, block
 * kinds, positions, the rules' signal names), and formatting ~60 template strings per unit and ~15 per pair was
 * most of the learned path's garbage. The memo is bounded in case some value were not.
 */
function named<K extends string | number, V = string>(make: (k: K) => V): (k: K) => V {
  const memo = new Map<K, V>()
  return (k) => {
    let s = memo.get(k)
    if (s === undefined) {
      if (memo.size >= 4096) memo.clear()
      s = make(k)
      memo.set(k, s)
    }
    return s
  }
}

/** The names of a bucketed count (`words<=8`, `words>40`), one per bucket, made once. */
function buckets(prefix: string, edges: readonly number[]): (n: number) => string {
  const names = [...edges.map((e) => `${prefix}<=${e}`), `${prefix}>${edges[edges.length - 1]}`]
  return (n) => {
    let b = 0
    while (b < edges.length && n > edges[b]!) b++
    return names[b]!
  }
}

/** A signal's name without a trailing weight or count (`marker:because`, not `marker:because +1.2`). */
const signalName = (s: string): string => s.replace(/\s[+-]?\d.*$/, '')

const RULE_ROLE = named((r: string) => `rule:role=${r}`)
const RULE_SIGNAL = named((sig: string) => `rule:${signalName(sig)}`)
/** A signal's family feature (`boilerplate:bio` → `rule-family:boilerplate`), '' when the name has no family. */
const RULE_FAMILY = named((sig: string) => {
  const name = signalName(sig)
  const family = name.split(':')[0]!
  return family !== name ? `rule-family:${family}` : ''
})
const RULE_EDGE_TYPE = named((t: string) => `rule:edge=${t}`)
const RULE_EDGE_SIGNAL = named((sig: string) => `rule:edge:${signalName(sig)}`)
const TO_RULE_SIGNAL = named((sig: string) => `to-rule:${signalName(sig)}`)
const TO_RULE_EDGE = named((t: string) => `to-rule-edge=${t}`)
const BLOCK = named((b: string) => `block=${b}`)
const HEADING_DEPTH = named((d: number) => `heading-depth=${d}`)
const IN = named((c: string) => `in=${c}`)
const SENT = named((p: string) => `sent=${p}`)
const SENTS = buckets('sents', [1, 3, 6, 12])
const PARA_FIFTH = named((k: number) => `para-fifth=${k}`)
const PARA_EDGE_SENT = { first: named((p: string) => `para-edge+sent=first:${p}`), last: named((p: string) => `para-edge+sent=last:${p}`) }
const PARAS = buckets('paras', [1, 3, 6, 12])
const WORDS = buckets('words', [2, 4, 8, 15, 25, 40])
const NEXT_RULE = named((r: string) => `next-rule=${r}`)
const PREV_RULE = named((r: string) => `prev-rule=${r}`)
const DIST = { back: buckets('dist=back', [1, 2, 3, 5, 8, 15]), fwd: buckets('dist=fwd', [1, 2, 3, 5, 8, 15]) }
const PARA_GAP = buckets('para-gap', [1, 2, 4])
const FROM = named((r: string) => `from=${r}`)
const TO = named((r: string) => `to=${r}`)
const FROM_TO = named((ri: string) => named((rj: string) => `from-to=${ri}>${rj}`))
const TO_THESIS_FROM = named((r: string) => `to-thesis:from=${r}`)
const TO_SENT = named((p: string) => `to-sent=${p}`)
const TO_SENT_DIR = { back: named((p: string) => `to-sent+dir=${p}:back`), fwd: named((p: string) => `to-sent+dir=${p}:fwd`) }
const OVERLAP = buckets('overlap', [0, 1, 2, 4])

/** Receives features one at a time: training collects the names, the model adds up their weights without a list. */
export type Emit = (feature: string) => void

const collect = (write: (emit: Emit) => void): string[] => {
  const f: string[] = []
  write((x) => f.push(x))
  return f
}

/** A unit's place in its paragraph. */
const sentencePlace = (s: Segment): string => (s.count === 1 ? 'only' : s.index === 0 ? 'first' : s.index === s.count - 1 ? 'last' : 'mid')

/** Features of unit i. */
export function unitFeatures(view: DocView, i: number): string[] {
  return collect((emit) => emitUnitFeatures(view, i, emit))
}

/** The family features this unit already has (a scratch list: features are emitted one unit at a time). */
const seenFamilies: string[] = []

export function emitUnitFeatures(view: DocView, i: number, f: Emit): void {
  const s = view.segments[i]!
  const rule = view.rules.tagged[i]!
  f('bias')
  f(RULE_ROLE(rule.role))
  // Each rule signal, and its family (`boilerplate:bio` → `boilerplate`), so a signal the gold never showed still
  // counts through its family's weight.
  seenFamilies.length = 0
  for (const sig of rule.signals) {
    f(RULE_SIGNAL(sig))
    const family = RULE_FAMILY(sig)
    if (family && !seenFamilies.includes(family)) (seenFamilies.push(family), f(family))
  }
  if (ruleEdge(view.rules, i)) {
    f(RULE_EDGE_TYPE(view.rules.type[i]!))
    for (const sig of view.rules.edgeSignals[i]!) f(RULE_EDGE_SIGNAL(sig))
  }
  f(BLOCK(s.block))
  if (s.block === 'heading') f(HEADING_DEPTH(s.depth))
  for (const c of s.containers) f(IN(c))
  if (s.clause) f('clause')
  // Place in the paragraph.
  const pos = sentencePlace(s)
  f(SENT(pos))
  f(SENTS(s.count))
  // Place in the document (prose paragraphs only).
  const r = view.paraRank[i]!
  if (r >= 0) {
    const last = view.paraCount - 1
    f(r === 0 ? 'para=first' : r === last ? 'para=last' : r === 1 ? 'para=second' : r === last - 1 ? 'para=penultimate' : 'para=mid')
    f(PARA_FIFTH(Math.min(4, Math.floor((5 * r) / Math.max(1, view.paraCount)))))
    if (r === 0 || r === last) f(PARA_EDGE_SENT[r === 0 ? 'first' : 'last'](pos))
    f(PARAS(view.paraCount))
  } else if (s.block === 'paragraph') f('para=outside-body')
  // Section.
  const sec = view.section[i]!
  if (sec) {
    const sr = view.secRank[i]!
    const sc = view.secCount[i]!
    f(sr === 0 ? 'sec-para=first' : sr === sc - 1 ? 'sec-para=last' : 'sec-para=mid')
  } else f('sec=none')
  // Form.
  const plain = s.plain
  if (/\?\s*["'”’)]*$/.test(plain)) f('question')
  if (/:\s*$/.test(plain)) f('ends-colon')
  if (!/[.!?:;]["'”’)\]]*\s*$/.test(plain)) f('no-terminal')
  if (/\d/.test(plain)) f('digits')
  if (/\b(1[5-9]|20)\d\d\b/.test(plain)) f('year')
  if (/%|\bper ?cent\b/i.test(plain)) f('percent')
  if (/`/.test(s.text)) f('code')
  if (/["“”]/.test(plain)) f('quote')
  if (/^[^a-z]*[A-Z]{3,}[^a-z]*$/.test(plain)) f('all-caps')
  f(WORDS(view.words[i]!))
  // Words are not features: on the open gold, unigrams, bigrams, first words and the section heading's words
  // lowered every figure in cross-validation (role macro F1 0.412 against 0.457 without them, central claim
  // 0.146 against 0.271) and carried the genre's vocabulary (18th-century prose, Rust) into the weights. The
  // rules' marker signals above carry the words that generalise (because, therefore, however, in conclusion).
  const next = view.segments[i + 1]
  f(next && next.paragraph === s.paragraph ? NEXT_RULE(view.rules.tagged[i + 1]!.role) : 'next=none')
  const prev = view.segments[i - 1]
  f(prev && prev.paragraph === s.paragraph ? PREV_RULE(view.rules.tagged[i - 1]!.role) : 'prev=none')
}

/** How many words two content-word sets share. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let n = 0
  for (const w of small) if (large.has(w)) n++
  return n
}

/** Features of the candidate relation from unit i to unit j; `roleOf` gives j's (and i's) predicted role. */
export function pairFeatures(view: DocView, i: number, j: number, roleOf: (k: number) => string, thesis: number): string[] {
  return collect((emit) => emitPairFeatures(view, i, j, roleOf, thesis, emit))
}

export function emitPairFeatures(view: DocView, i: number, j: number, roleOf: (k: number) => string, thesis: number, f: Emit): void {
  const si = view.segments[i]!
  const sj = view.segments[j]!
  const d = j - i
  f('bias')
  const dir = d < 0 ? 'back' : 'fwd'
  f(DIST[dir](Math.abs(d)))
  const samePara = si.paragraph === sj.paragraph
  f(samePara ? 'same-para' : view.paraRank[j]! >= 0 && view.paraRank[i]! >= 0 ? PARA_GAP(Math.abs(view.paraRank[i]! - view.paraRank[j]!)) : 'para-other')
  if (view.section[i] === view.section[j]) f('same-section')
  const ri = roleOf(i)
  const rj = roleOf(j)
  f(FROM(ri))
  f(TO(rj))
  f(FROM_TO(ri)(rj))
  if (j === thesis) {
    f('to-thesis')
    f(samePara ? 'to-thesis:same-para' : 'to-thesis:other')
    f(TO_THESIS_FROM(ri))
  }
  const sentJ = sentencePlace(sj)
  f(TO_SENT(sentJ))
  if (samePara) f(TO_SENT_DIR[dir](sentJ))
  if (view.rules.target[i] === j && ruleEdge(view.rules, i)) {
    f('rule:edge')
    f(RULE_EDGE_TYPE(view.rules.type[i]!))
    for (const sig of view.rules.edgeSignals[i]!) f(RULE_EDGE_SIGNAL(sig))
  }
  if (view.rules.target[j] === i && ruleEdge(view.rules, j)) f('rule:reverse-edge')
  f(OVERLAP(overlap(view.content(i), view.content(j))))
}

/** Features of the relation type (support or attack) from i to j. */
export function typeFeatures(view: DocView, i: number, j: number, roleOf: (k: number) => string, thesis: number): string[] {
  return collect((emit) => emitTypeFeatures(view, i, j, roleOf, thesis, emit))
}

export function emitTypeFeatures(view: DocView, i: number, j: number, roleOf: (k: number) => string, thesis: number, f: Emit): void {
  f('bias')
  for (const sig of view.rules.tagged[i]!.signals) f(RULE_SIGNAL(sig))
  for (const sig of view.rules.tagged[j]!.signals) f(TO_RULE_SIGNAL(sig))
  if (view.rules.target[i] === j && ruleEdge(view.rules, i)) f(RULE_EDGE_TYPE(view.rules.type[i]!))
  f(FROM(roleOf(i)))
  f(TO(roleOf(j)))
  if (j === thesis) f('to-thesis')
  if (ruleEdge(view.rules, j)) f(TO_RULE_EDGE(view.rules.type[j]!))
}
