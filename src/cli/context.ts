import { InvalidArgumentError } from 'commander'
import { DEFAULT_MAX_BYTES, decodeSource, readCappedFd, readSource, type SourceFile } from '../io/files.js'

/** What a command may touch: injected so tests need no subprocess (as unified-engine's tests do). */
export interface Io {
  cwd: string
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number }
  stderr: NodeJS.WritableStream & { isTTY?: boolean }
  /** Reads standard input to its end, or to one byte past `maxBytes` (so an endless pipe is refused, not read forever). */
  stdin: (maxBytes?: number) => Buffer
}

/** Exit codes: 0 ok, 1 some input failed (or differs / is stale), 2 usage error, 3 internal error (a bug). */
export const EXIT = Object.freeze({ ok: 0, failed: 1, usage: 2, internal: 3 })

/**
 * A reader that stops reading (`argmap review status | head -2`) closes the
 * pipe: the next write fails with EPIPE, emitted on the stream. That is the
 * reader's choice, not an error: stop quietly, as a command killed by
 * SIGPIPE would, instead of dying with a stack trace.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok)
    throw e
  })
}

export function processIo(): Io {
  quietOnClosedPipe(process.stdout)
  return {
    cwd: process.cwd(),
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: (maxBytes) => readCappedFd(0, maxBytes),
  }
}

/** Read a path, or standard input for `-`. */
export function readInput(path: string, io: Io, maxBytes = DEFAULT_MAX_BYTES): SourceFile {
  if (path === '-') return decodeSource('-', io.stdin(maxBytes), maxBytes)
  return readSource(path, maxBytes)
}

/** Parse a `--max-size` value such as 16MB, 500k, 1048576. */
export function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)b?$/i.exec(value.trim())
  if (!m) throw new InvalidArgumentError(`invalid size "${value}", expected a number of bytes such as 16MB or 500KB`)
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g']
  return Math.round(Number(m[1]) * mult)
}

/** Parse a count such as `-n 5`: a whole number of at least 0, nothing else (`abc`, `2x`, `-1` are usage errors). */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError(`invalid count "${value}", expected a whole number such as 5`)
  return Number(value.trim())
}
