/**
 * What `review accept` refuses before it records anything: a file that is
 * not an annotated file (the source given by mistake), a mark with an
 * unknown role (`:clam[…]`), a malformed mark (`:claim[…` never closed, or
 * attributes the directive syntax cannot read), a mark or a relation naming
 * an id that is neither the machine's nor valid. Each problem has its place
 * (line and column in the annotated file), so the reviewer can go there.
 * Pure.
 */
import { distance } from 'fastest-levenshtein'
import { ARGUMENT_ROLES } from '../model/types.js'
import { scan } from '../syntax/scan.js'
import { ESCAPE, LITERAL_MARK } from '../syntax/annotation.js'
import { splitTrailer } from '../read/trailer.js'
import { isUnitId } from './ids.js'

export interface AnnotatedProblem {
  line: number
  column: number
  /** A rule id, for tests and tools: `not-annotated`, `unknown-role`, `malformed-mark`, `unknown-id`, `invalid-id`, `unknown-target`. */
  rule: string
  reason: string
}

const ROLE_LIST = ARGUMENT_ROLES.map((r) => `:${r}`).join(', ')

function place(text: string, offset: number): { line: number; column: number } {
  let line = 1
  let lineStart = 0
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++
    lineStart = i + 1
  }
  return { line, column: offset - lineStart + 1 }
}

/** Offsets inside fenced/indented code and inline code spans, where directive syntax is only text. */
function codeRanges(body: string, blocks: ReadonlyArray<{ type: string; start: number; end: number }>): Array<[number, number]> {
  const out: Array<[number, number]> = blocks.filter((b) => b.type === 'code' || b.type === 'html').map((b) => [b.start, b.end])
  for (const m of body.matchAll(/(`+)[^`]*?\1/g)) out.push([m.index, m.index + m[0].length])
  return out
}

/** A directive-like `:name[` whose name is a near miss of a role: a typo, not the author's text. */
const DIRECTIVE = /(?<![\p{L}\p{N}_:\\])[:](\p{L}[\p{L}\p{N}_-]*)(?=\[)/gu

/**
 * `source`, when known, is the text the file was made from: a directive-like
 * near miss that the author wrote there (`:class[…]` in a CSS essay) is text,
 * not a mistyped mark.
 */
export function checkAnnotated(annotated: string, source?: string): AnnotatedProblem[] {
  const { body, found: hasTrailer, data } = splitTrailer(annotated)
  const found = scan(body)
  const problems: AnnotatedProblem[] = []
  const at = (offset: number, rule: string, reason: string): void => void problems.push({ ...place(annotated, offset), rule, reason })
  const withId = found.marks.filter((m) => m.attributes.id)
  if (!hasTrailer && !withId.length) {
    at(0, 'not-annotated', 'not an annotated file (no argmap marks and no argmap trailer): accept `out/<name>.annotated.md` as written by `argmap run`, not the source')
    return problems
  }
  const code = codeRanges(body, found.blocks)
  const inCode = (p: number): boolean => code.some(([a, b]) => p >= a && p < b)
  const markStarts = new Set(found.marks.map((m) => m.start))
  for (const o of found.others) at(o.start, 'unknown-role', `unknown role \`:${o.name}\` in a mark with an id, expected one of ${ROLE_LIST}`)
  const otherStarts = new Set(found.others.map((o) => o.start))
  for (const m of body.matchAll(DIRECTIVE)) {
    const name = m[1]!
    if (otherStarts.has(m.index) || markStarts.has(m.index) || inCode(m.index)) continue
    if (source?.includes(`:${name}[`)) continue
    if ((ARGUMENT_ROLES as readonly string[]).includes(name)) continue
    if (ARGUMENT_ROLES.some((r) => distance(r, name.toLowerCase()) <= 2)) at(m.index, 'unknown-role', `unknown role \`:${name}\`, expected one of ${ROLE_LIST}`)
  }
  for (const m of body.matchAll(LITERAL_MARK)) {
    if (markStarts.has(m.index) || inCode(m.index) || body.startsWith(ESCAPE, m.index + 1)) continue
    const next = body[m.index + m[0].length]
    if (next === '[' || next === '{') at(m.index, 'malformed-mark', `malformed mark \`${m[0]}${next}…\`: expected \`${m[0]}[text]{#id supports=ID}\` with its brackets closed`)
  }
  for (let i = 0; i + 1 < found.marks.length; i++) {
    const m = found.marks[i]!
    if (m.end > found.marks[i + 1]!.start) at(m.start, 'malformed-mark', `malformed mark \`:${m.name}[…\`: another mark starts inside its text (a closing \`]\` is missing)`)
  }
  const known = new Set<string>([...(data?.units ?? []).map((u) => u.id), ...withId.map((m) => m.attributes.id!)])
  for (const m of found.marks) {
    if (!m.label && !m.attributes.len) {
      at(m.start, 'malformed-mark', `malformed mark \`:${m.name}${body[m.end] === '[' ? '[…' : ''}\`: expected \`:${m.name}[text]{…}\` with its brackets closed`)
    }
    if (body[m.end] === '{') at(m.end, 'malformed-mark', 'malformed attributes after a mark: expected `{#id supports=ID}` or `{#id attacks=ID}`')
    const id = m.attributes.id
    if (id !== undefined) {
      if (!isUnitId(id)) at(m.start, 'invalid-id', `invalid id ${JSON.stringify(id)} (ids are lower-case letters, digits and single hyphens)`)
      else if (data && !data.units.some((u) => u.id === id)) at(m.start, 'unknown-id', `unknown id \`${id}\`: not a unit of the map this file was written with (leave the id out on a new mark)`)
    }
    for (const [attr, type] of [['supports', 'support'], ['attacks', 'attack']] as const) {
      for (const to of (m.attributes[attr] ?? '').split(/\s+/).filter(Boolean)) {
        if (!isUnitId(to)) at(m.start, 'invalid-id', `invalid id ${JSON.stringify(to)} in ${attr}= (ids are lower-case letters, digits and single hyphens)`)
        else if (!known.has(to)) at(m.start, 'unknown-target', `${attr}=${to}: no unit of this document has that id, so it cannot ${type} it`)
      }
    }
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column)
}
