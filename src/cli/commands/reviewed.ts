import { analyze } from '../../pipeline.js'
import { withReview } from '../../review/everywhere.js'
import type { ArgumentMap } from '../../model/types.js'
import type { Parsed } from '../../parse/index.js'
import type { Io } from '../context.js'

/** A document's map; `parsed`, when the caller has parsed it already (annotate verifies its marks against the same parse). */
export type MapOf = (text: string, path: string, sha256: string, parsed?: Parsed) => ArgumentMap

/**
 * The map a command shows: the machine's, with the sidecar beside `path`
 * applied unless `review` is false (`--no-review`); its messages go to stderr.
 */
export function reviewedMapOf(io: Io, review: boolean): MapOf {
  return (text, path, sha256, parsed) => {
    const machine = analyze(text, { path, sha256 }, parsed)
    if (!review) return machine
    const { map, messages } = withReview(machine, text, path, io.cwd)
    for (const m of messages) io.stderr.write(`warning: ${m}\n`)
    return map
  }
}
