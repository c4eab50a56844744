/**
 * The discourse-marker lexicon, grouped by function, compiled once into
 * regular expressions. Matching runs on folded text (see ../text.ts).
 */
import { CONCLUSION, INNER_CONCLUSION, STANCE, SUMMARY } from './conclusion.js'
import { CONCESSION, CONTRAST, INNER_CONTRAST } from './contrast.js'
import { BOOSTERS, HEDGES } from './hedge.js'
import { DEONTIC, EVALUATIVE, NECESSITY } from './modal.js'
import { ADDITION, EMPHASIS, EXAMPLE, REASON } from './support.js'

export { ADDITION, BOOSTERS, CONCESSION, CONCLUSION, CONTRAST, DEONTIC, NECESSITY, EMPHASIS, EVALUATIVE, EXAMPLE, HEDGES, REASON, STANCE, SUMMARY }

/** What a leading discourse marker does. */
export type MarkerFunction =
  | 'reason'
  | 'example'
  | 'addition'
  | 'emphasis'
  | 'conclusion'
  | 'stance'
  | 'contrast'
  | 'concession'

/** Lexicon groups in priority order: a phrase listed twice keeps its first function. */
const GROUPS: ReadonlyArray<readonly [MarkerFunction, readonly string[]]> = [
  ['stance', STANCE],
  ['conclusion', CONCLUSION],
  ['example', EXAMPLE],
  ['concession', CONCESSION],
  ['contrast', CONTRAST],
  ['reason', REASON],
  ['addition', ADDITION],
  ['emphasis', EMPHASIS],
]

const FUNCTION_OF = new Map<string, MarkerFunction>()
for (const [fn, phrases] of GROUPS) for (const p of phrases) if (!FUNCTION_OF.has(p)) FUNCTION_OF.set(p, fn)

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Alternation of phrases, longest first, so "for example" wins over "for". */
function alternation(phrases: Iterable<string>): string {
  return [...new Set(phrases)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map(escape)
    .join('|')
}

/** Words a sentence may open with before its real marker: "And yet", "Well, of course". */
const OPENERS = '(?:(?:and|or|now|well|oh)\\s*,?\\s+)?'
const END = "(?![a-z0-9'])"

const LEAD = new RegExp(`^["'(\\[\\s]*${OPENERS}(${alternation(FUNCTION_OF.keys())})${END}`)

export interface LeadMarker {
  fn: MarkerFunction
  phrase: string
  /** Folded text after the marker (leading punctuation and spaces removed). */
  rest: string
  /** The marker is set off by a comma ("Still, ..."). */
  comma: boolean
}

/** The discourse marker a folded unit text opens with, if any. */
export function leadMarker(folded: string): LeadMarker | null {
  const m = LEAD.exec(folded)
  if (!m || m[1] === undefined) return null
  const phrase = m[1]
  const fn = FUNCTION_OF.get(phrase)
  if (!fn) return null
  const after = folded.slice(m[0].length)
  const rest = after.replace(/^[\s,:;-]+/, '')
  return { fn, phrase, rest, comma: /^\s*,/.test(after) }
}

/** Compile a list of phrases into a global whole-word matcher. */
export function wordMatcher(phrases: readonly string[]): RegExp {
  return new RegExp(`(?<![a-z0-9'])(${alternation(phrases)})${END}`, 'g')
}

/** Distinct phrases of `re` (a wordMatcher) found in `folded`, in order of first occurrence. */
export function findAll(re: RegExp, folded: string): string[] {
  const out: string[] = []
  re.lastIndex = 0
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    const p = m[1] ?? m[0]
    if (!out.includes(p)) out.push(p)
  }
  return out
}

export const INNER_CONCLUSION_RE = wordMatcher(INNER_CONCLUSION)
export const INNER_CONTRAST_LIST = INNER_CONTRAST
