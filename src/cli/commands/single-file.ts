import { InputError } from '../../io/files.js'
import { AnnotatedError } from '../../read/ids.js'
import { EXIT, type Io, readInput } from '../context.js'

/**
 * Shared shape of the one-document commands (map, annotate, strip, read):
 * read the input (or stdin), render, print; clear message and exit 1 on bad input.
 * It loads no analysis: `strip` needs none, and the others bring their own
 * (./map-of.ts, ./read.ts).
 */
export function documentCommand(path: string, io: Io, maxBytes: number | undefined, render: (text: string, path: string, sha256: string) => string): number {
  try {
    const file = readInput(path, io, maxBytes)
    if (!file.text.trim()) io.stderr.write(`warning: ${path}: empty document (no prose)\n`)
    io.stdout.write(render(file.text, path, file.sha256))
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
