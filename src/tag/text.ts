/**
 * Small text helpers shared by the tagging rules: case/quote folding, word
 * lists and a light stemmer for vocabulary overlap (a text's words are read
 * by ./lexicon/tokens.ts). No IO; the only state is the Set of a long stem
 * list, made once.
 */

/** Lower-case, fold curly quotes and dashes, collapse whitespace. */
const NEEDS_FOLDING = /[^\x20-\x7e]|\s\s|`|^\s|\s$/
const FOLDED_CHAR = /[\u2018\u2019\u201A\u201B\u2032`\u201C\u201D\u201E\u201F\u2033\u2010-\u2015]/g
/** White space other than single spaces inside the text. */
const LOOSE_SPACE = /[^\S ]| {2}|^ | $/
const SPACE_RUN = /\s+/g

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0)
  if (c >= 0x2010 && c <= 0x2015) return '-'
  return c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f || c === 0x2033 ? '"' : "'"
}

export function fold(plain: string): string {
  const lower = plain.toLowerCase()
  if (!NEEDS_FOLDING.test(lower)) return lower
  // One pass for the quotes and dashes (a callback only where one occurs), then white space only when needed.
  const folded = lower.replace(FOLDED_CHAR, foldChar)
  return LOOSE_SPACE.test(folded) ? folded.replace(SPACE_RUN, ' ').trim() : folded
}

/** Generic English function words (closed classes) plus very common verbs. */
const STOP = new Set(
  (
    'a an the and or nor but yet so for of in on at to from by with without within into onto upon over under about ' +
    'above below after before since until while as than then there here this that these those it its it\'s they them ' +
    'their theirs we us our ours you your yours he him his she her hers i me my mine one ones who whom whose which ' +
    'what when where why how whether if unless because though although also too very more most less least much many ' +
    'some any all each every both either neither no not only just even still already again ever never always often ' +
    'be is are was were been being am do does did done doing have has had having can could may might must shall should ' +
    'will would ought need needs let lets get gets got make makes made such other another same own via per etc ' +
    'however therefore thus hence indeed moreover furthermore besides instead rather quite really actually way ' +
    'things thing something anything nothing everything people person don\'t doesn\'t isn\'t aren\'t can\'t won\'t'
  ).split(' '),
)

export function isStopword(w: string): boolean {
  return STOP.has(w)
}

/** Crude suffix stripping so "taxes/taxed/taxing" meet at "tax". */
const SUFFIXES = ['ations', 'ation', 'ments', 'ment', 'ness', 'ings', 'ing', 'ies', 'ied', 'ers', 'er', 'ed', 'es', 's', 'ly']

export function stem(w: string): string {
  if (w.length <= 4) return w
  const s = w.endsWith("'s") ? w.slice(0, -2) : w
  for (const suf of SUFFIXES) {
    if (s.length - suf.length >= 4 && s.endsWith(suf)) return s.slice(0, s.length - suf.length)
  }
  return s
}

/** Whether a word is all ASCII digits. */
function numeric(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i)
    if (c < 48 || c > 57) return false
  }
  return w.length > 0
}

/**
 * A unit's distinct content stems, in order of first occurrence. A plain
 * array, not a Set: every unit keeps its stems for the whole document, most
 * have a dozen, and a Set's table is several times the array's size (on
 * large documents, what the tagger keeps is what the collector copies).
 * Ask membership with hasStem.
 */
export type Stems = readonly string[]

/**
 * A word's stem, or '' for a word that is no content word (short, a stop
 * word, a number). Pure: the word table (./lexicon/tokens.ts) keeps each
 * word's, and makes stem lists from it.
 */
export function contentStem(w: string): string {
  return w.length < 3 || STOP.has(w) || numeric(w) ? '' : stem(w)
}

/** Short lists are searched; a long one (a unit of hundreds of words) gets a Set, made once. */
export const SHORT = 16
const LONG_SETS = new WeakMap<Stems, ReadonlySet<string>>()

function setOf(stems: Stems): ReadonlySet<string> {
  let set = LONG_SETS.get(stems)
  if (!set) {
    set = new Set(stems)
    LONG_SETS.set(stems, set)
  }
  return set
}

export function hasStem(stems: Stems, w: string): boolean {
  return stems.length <= SHORT ? stems.includes(w) : setOf(stems).has(w)
}

/** How many of a unit's stems are in `set`. */
export function sharedStems(stems: Stems, set: ReadonlySet<string>): number {
  let n = 0
  for (let i = 0; i < stems.length; i++) if (set.has(stems[i]!)) n++
  return n
}

const SLUGS = new Map<string, string>()

/** Turn a phrase into a signal id fragment: "given that" -> "given-that" (memoised: phrases come from the lexicon). */
export function slug(phrase: string): string {
  let s = SLUGS.get(phrase)
  if (s === undefined) {
    s = phrase.replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
    if (SLUGS.size < 4096) SLUGS.set(phrase, s)
  }
  return s
}

/**
 * `prefix` and the slug of a phrase, made once per phrase (the phrases come
 * from the lexicon): a rule's signals are then shared strings, where a
 * template built a new one for every unit that had the phrase.
 */
export function signalNames(prefix: string): (phrase: string) => string {
  const names = new Map<string, string>()
  return (phrase) => {
    let s = names.get(phrase)
    if (s === undefined) {
      s = prefix + slug(phrase)
      if (names.size < 4096) names.set(phrase, s)
    }
    return s
  }
}

/** True when a unit's text closes a sentence (ends in . ! ? or an ellipsis, maybe inside quotes). */
export function endsSentence(plain: string): boolean {
  return SENTENCE_END.test(plain)
}
/** (Made once: a literal in the function would be a new expression object on every call, several per unit.) */
const SENTENCE_END = /[.!?…]["'”’)\]]*\s*$/
