/**
 * Ids that come from an annotated file (a mark's `#id`, its `supports=` and
 * `attacks=` targets, the trailer's data block) are checked against the id
 * grammar of the map schema (`schema/argmap.schema.json`, `$defs/id`) before
 * they are used: an id such as `Note 1` would split into two targets, and
 * one such as `x"><img ...>` would reach the review page. A bad id is an
 * error with its place in the annotated file; it is never repaired.
 */
import { LineIndex } from '../parse/index.js'

/** The schema's id pattern: what argmap writes (`slug-1a2b3c`, `-2` for repeats). */
export const ID_GRAMMAR = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export class AnnotatedError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly problem: string,
  ) {
    super(`${line}:${column}: ${problem}`)
    this.name = 'AnnotatedError'
  }
}

/** How a bad id is shown: quoted, cut to 60 characters. */
function shown(id: string): string {
  return JSON.stringify(id.length > 60 ? `${id.slice(0, 59)}…` : id)
}

/** Throw an AnnotatedError at `offset` of `text` unless `id` follows the grammar. */
export function checkId(id: string, where: string, text: string, offset: number, lines?: LineIndex): void {
  if (ID_GRAMMAR.test(id)) return
  const p = (lines ?? new LineIndex(text)).point(offset)
  throw new AnnotatedError(p.line, p.column, `invalid unit id ${shown(id)} in ${where}; expected lower-case letters and digits joined by single hyphens (as argmap writes them)`)
}
