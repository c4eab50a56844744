import { InputError } from '../../io/files.js'
import type { ArgumentMap } from '../../model/types.js'
import { type Parsed, parseMarkdown } from '../../parse/index.js'
import { analyze } from '../../pipeline.js'
import { withReview } from '../../review/everywhere.js'
import { AnnotatedError } from '../../read/ids.js'
import { EXIT, type Io, readInput } from '../context.js'

/**
 * Write `pieces` to `stream` one after another, waiting for the stream to
 * drain whenever it asks to: a pipe takes 64 kB at a time and Node queues the
 * rest in memory, so writing every piece at once held the whole output again.
 */
async function writePieces(stream: Io['stdout'], pieces: Iterable<string>): Promise<void> {
  for (const piece of pieces) {
    if (stream.write(piece) === false) await new Promise((resolve) => stream.once('drain', resolve))
  }
}

/**
 * Shared shape of the one-document commands (map, annotate, strip, read):
 * read the input (or stdin), render, print; clear message and exit 1 on bad input.
 * A renderer may give its text in pieces (src/emit/json.ts jsonPieces): each
 * is written and dropped, so a large output is never held whole with its
 * UTF-8 copy; the exit code then comes once the last piece is written.
 */
export function documentCommand(path: string, io: Io, maxBytes: number | undefined, render: (text: string, path: string, sha256: string) => string): number
export function documentCommand(
  path: string,
  io: Io,
  maxBytes: number | undefined,
  render: (text: string, path: string, sha256: string) => string | Iterable<string>,
): number | Promise<number>
export function documentCommand(
  path: string,
  io: Io,
  maxBytes: number | undefined,
  render: (text: string, path: string, sha256: string) => string | Iterable<string>,
): number | Promise<number> {
  try {
    const file = readInput(path, io, maxBytes)
    if (!file.text.trim()) io.stderr.write(`warning: ${path}: empty document (no prose)\n`)
    const out = render(file.text, path, file.sha256)
    if (typeof out !== 'string') return writePieces(io.stdout, out).then(() => EXIT.ok)
    io.stdout.write(out)
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

export const mapOf = (text: string, path: string, sha256: string, parsed?: Parsed) => analyze(text, { path, sha256 }, parsed)

/**
 * The map a command shows: the machine's, with the sidecar beside `path`
 * applied unless `review` is false (`--no-review`); its messages go to stderr.
 */
export function reviewedMapOf(io: Io, review: boolean): (text: string, path: string, sha256: string, parsed?: Parsed) => ArgumentMap {
  return (text, path, sha256, parsed) => {
    const machine = mapOf(text, path, sha256, parsed)
    if (!review) return machine
    const { map, messages } = withReview(machine, text, path, io.cwd)
    for (const m of messages) io.stderr.write(`warning: ${m}\n`)
    return map
  }
}

/**
 * `argmap annotate`'s text: one parse serves the map and annotate's
 * verification, as in a corpus run (src/engine/render.ts). Without it,
 * annotate verified the marks by parsing the whole annotated text (the op-ed
 * ×1000: twice the CPU time of `argmap map` and 1.5 GB at the peak); the
 * output is the same. `annotate` is passed in so that only this command loads it.
 */
export function annotatedOf(
  io: Io,
  review: boolean,
  annotate: (source: string, map: ArgumentMap, parsed: Parsed) => string,
): (text: string, path: string, sha256: string) => string {
  const mapOf = reviewedMapOf(io, review)
  return (text, path, sha256) => {
    const parsed = parseMarkdown(text)
    return annotate(text, mapOf(text, path, sha256, parsed), parsed)
  }
}
