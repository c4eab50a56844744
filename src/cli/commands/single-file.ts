import { InputError } from '../../io/files.js'
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
 * It loads no analysis: `strip` needs none, and the others bring their own
 * (./map-of.ts, ./read.ts). A renderer may give its text in pieces
 * (src/emit/json.ts jsonPieces): each is written and dropped, so a large
 * output is never held whole with its UTF-8 copy; the exit code then comes
 * once the last piece is written (a whole text gives it at once).
 */
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
