import { InputError } from '../../io/files.js'
import type { ArgumentMap } from '../../model/types.js'
import { analyze } from '../../pipeline.js'
import { withReview } from '../../review/everywhere.js'
import { AnnotatedError } from '../../read/ids.js'
import { EXIT, type Io, readInput } from '../context.js'

/**
 * Shared shape of the one-document commands (map, annotate, strip, read):
 * read the input (or stdin), render, print; clear message and exit 1 on bad input.
 */
export function documentCommand(
  path: string,
  io: Io,
  maxBytes: number | undefined,
  render: (text: string, path: string, sha256: string) => string | Iterable<string>,
): number {
  try {
    const file = readInput(path, io, maxBytes)
    if (!file.text.trim()) io.stderr.write(`warning: ${path}: empty document (no prose)\n`)
    const out = render(file.text, path, file.sha256)
    // A renderer may give its text in pieces (src/emit/json.ts jsonPieces): each is written and dropped, so a large
    // output is never held whole with its UTF-8 copy (standard output to a file or pipe is written synchronously).
    if (typeof out === 'string') io.stdout.write(out)
    else for (const piece of out) io.stdout.write(piece)
    return EXIT.ok
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr.write(`argmap: ${e.message}\n`)
      return EXIT.failed
    }
    if (e instanceof AnnotatedError) {
      io.stderr.write(`argmap: ${path}:${e.message}\n`)
      return EXIT.failed
    }
    throw e
  }
}

export const mapOf = (text: string, path: string, sha256: string) => analyze(text, { path, sha256 })

/**
 * The map a command shows: the machine's, with the sidecar beside `path`
 * applied unless `review` is false (`--no-review`); its messages go to stderr.
 */
export function reviewedMapOf(io: Io, review: boolean): (text: string, path: string, sha256: string) => ArgumentMap {
  return (text, path, sha256) => {
    const machine = mapOf(text, path, sha256)
    if (!review) return machine
    const { map, messages } = withReview(machine, text, path, io.cwd)
    for (const m of messages) io.stderr.write(`warning: ${m}\n`)
    return map
  }
}
