import type { ArgumentMap } from '../../model/types.js'
import { analyze } from '../../pipeline.js'
import { withReview } from '../../review/everywhere.js'
import type { Io } from '../context.js'

/**
 * The map a command shows: the machine's, with the sidecar beside `path`
 * applied unless `review` is false (`--no-review`); its messages go to stderr.
 */
export function reviewedMapOf(io: Io, review: boolean): (text: string, path: string, sha256: string) => ArgumentMap {
  return (text, path, sha256) => {
    const machine = analyze(text, { path, sha256 })
    if (!review) return machine
    const { map, messages } = withReview(machine, text, path, io.cwd)
    for (const m of messages) io.stderr.write(`warning: ${m}\n`)
    return map
  }
}
