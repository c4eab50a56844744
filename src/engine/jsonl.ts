/**
 * `argmap run --jsonl`: documents as JSON lines `{"id": ..., "text": ...}` on
 * standard input, one map per line on standard output, in input order.
 *
 * - A map line is the compact JSON map (same keys and order as
 *   `<name>.argmap.json`) with `source.path` set to the document's id.
 * - A line that cannot be mapped gives an error line in its place,
 *   `{"id": <id or null>, "line": <1-based input line>, "error": "<message>"}`,
 *   and the run exits 1 after the last line. Blank input lines are skipped.
 * - Memory is bounded: lines are read as they are needed, at most `limit`
 *   documents are in flight, and output waits for the consumer (back-pressure).
 */
import type { Readable, Writable } from 'node:stream'
import { getHeapStatistics } from 'node:v8'
import { ordered } from '../emit/json.js'
import { analyze } from '../pipeline.js'
import { DEFAULT_MAX_BYTES, formatBytes } from '../io/files.js'
import { checkResources } from '../io/limits.js'
import { type Pool, createPool, orderedMap, runBatch } from './pool.js'

export interface JsonlLine {
  /** 1-based line number in the input. */
  n: number
  /** The line's bytes without its line end, or the reason it was not read. */
  bytes: Buffer | { tooLong: number }
}

export interface JsonlResult {
  ok: boolean
  line: string
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function errorLine(id: unknown, n: number, message: string): JsonlResult {
  const shown = typeof id === 'string' || typeof id === 'number' ? id : null
  return { ok: false, line: JSON.stringify({ id: shown, line: n, error: message }) }
}

/** Map one JSON line (pure: runs in a worker too). */
export function mapJsonLine(line: JsonlLine): JsonlResult {
  const { n, bytes } = line
  if (!Buffer.isBuffer(bytes) && !(bytes instanceof Uint8Array)) {
    return errorLine(null, n, `line is ${formatBytes(bytes.tooLong)}, over the size limit (raise it with --max-size)`)
  }
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    return errorLine(null, n, 'invalid UTF-8; expected a JSON object {"id", "text"}')
  }
  let doc: unknown
  try {
    doc = JSON.parse(text)
  } catch (e) {
    return errorLine(null, n, `invalid JSON (${(e as Error).message}); expected a JSON object {"id", "text"}`)
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return errorLine(null, n, 'expected a JSON object {"id", "text"}')
  const { id, text: source } = doc as { id?: unknown; text?: unknown }
  if (typeof id !== 'string' && typeof id !== 'number') return errorLine(id, n, '"id" must be a string or a number')
  if (typeof source !== 'string') return errorLine(id, n, '"text" must be a string')
  // The limits a file gets (nesting, inline nesting, memory), per line: a line is a document.
  const limit = checkResources(source, getHeapStatistics().heap_size_limit)
  if (limit) return errorLine(id, n, limit.problem)
  try {
    const map = analyze(source, { path: String(id) })
    return { ok: true, line: JSON.stringify(ordered(map)) }
  } catch (e) {
    return errorLine(id, n, `internal error (please report it): ${(e as Error).message}`)
  }
}

/**
 * Split a byte stream into lines (LF or CRLF). A line longer than `maxBytes`
 * is dropped as it streams by (never held whole) and reported as too long.
 */
export async function* readLines(input: AsyncIterable<Buffer | string>, maxBytes = DEFAULT_MAX_BYTES): AsyncGenerator<JsonlLine> {
  let parts: Buffer[] = []
  let size = 0
  let over = false
  let n = 0
  const finish = (): JsonlLine | null => {
    n++
    const line: JsonlLine = over ? { n, bytes: { tooLong: size } } : { n, bytes: Buffer.concat(parts, size) }
    parts = []
    size = 0
    over = false
    if (Buffer.isBuffer(line.bytes)) {
      let end = line.bytes.length
      if (end && line.bytes[end - 1] === 0x0d) end--
      line.bytes = line.bytes.subarray(0, end)
      // Blank lines are skipped (they still count for line numbers).
      if (!line.bytes.some((b) => b !== 0x20 && b !== 0x09)) return null
    }
    return line
  }
  const add = (chunk: Buffer): void => {
    size += chunk.length
    if (size > maxBytes) {
      over = true
      parts = []
    } else if (!over) parts.push(chunk)
  }
  for await (const raw of input) {
    const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw
    let from = 0
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
      add(chunk.subarray(from, nl))
      const line = finish()
      if (line) yield line
      from = nl + 1
    }
    if (from < chunk.length) add(Buffer.from(chunk.subarray(from)))
  }
  if (size > 0 || over) {
    const line = finish()
    if (line) yield line
  }
}

const NOT_YET = Symbol('not yet')

/**
 * Group lines into batches of what is already read: a batch takes lines
 * while the next one is ready now (up to `size` lines or `bytes` bytes) and
 * is handed on as soon as the next would mean waiting for input, so a
 * document piped in alone is mapped at once, not held for company. A worker
 * task per batch instead of per line saves the pool's fixed cost per task.
 */
export async function* batchLines(lines: AsyncIterable<JsonlLine>, size = 8, bytes = 4 << 20): AsyncGenerator<JsonlLine[]> {
  const it = lines[Symbol.asyncIterator]()
  let pending: Promise<IteratorResult<JsonlLine>> | null = null
  let batch: JsonlLine[] = []
  let held = 0
  for (;;) {
    pending ??= it.next()
    // Lines the reader has in hand settle within this turn; setImmediate runs after them, before any new input.
    const next = batch.length === 0 ? await pending : await Promise.race([pending, new Promise<typeof NOT_YET>((r) => setImmediate(() => r(NOT_YET)))])
    if (next === NOT_YET) {
      yield batch
      batch = []
      held = 0
      continue
    }
    pending = null
    if (next.done) break
    batch.push(next.value)
    held += Buffer.isBuffer(next.value.bytes) ? next.value.bytes.length : 0
    if (batch.length >= size || held >= bytes) {
      yield batch
      batch = []
      held = 0
    }
  }
  if (batch.length) yield batch
}

export interface JsonlOptions {
  /** Worker threads; 1 maps in this thread. */
  jobs: number
  maxBytes?: number
}

export interface JsonlSummary {
  mapped: number
  failed: number
}

function write(out: Writable, text: string): Promise<void> | undefined {
  if (out.write(text)) return undefined
  return new Promise((resolve, reject) => {
    const done = (): void => {
      out.off('error', fail)
      resolve()
    }
    const fail = (e: Error): void => {
      out.off('drain', done)
      reject(e)
    }
    out.once('drain', done)
    out.once('error', fail)
  })
}

async function* oneByOne(lines: AsyncIterable<JsonlLine>): AsyncGenerator<JsonlLine[]> {
  for await (const line of lines) yield [line]
}

/** Stream JSON lines from `input` to maps on `output`, in input order. */
export async function runJsonl(input: Readable | AsyncIterable<Buffer | string>, output: Writable, options: JsonlOptions): Promise<JsonlSummary> {
  const summary: JsonlSummary = { mapped: 0, failed: 0 }
  const lines = readLines(input, options.maxBytes ?? DEFAULT_MAX_BYTES)
  let pool: Pool | null = null
  try {
    if (options.jobs > 1) pool = await createPool(options.jobs)
    // A copy of exactly each line's bytes: a view would clone its whole backing buffer.
    // A line whose worker failed it (a bug, not the input): reported in its place, like a line that cannot be mapped.
    const internal = (line: JsonlLine, e: unknown): JsonlResult => errorLine(null, line.n, `internal error (please report it): ${String(e)}`)
    const copy = (line: JsonlLine): JsonlLine => ({ n: line.n, bytes: Buffer.isBuffer(line.bytes) ? (new Uint8Array(line.bytes) as Buffer) : line.bytes })
    const start = pool
      ? (batch: JsonlLine[]) =>
          runBatch(
            (lines: JsonlLine[]) => pool!.run({ kind: 'jsonl', lines }) as Promise<JsonlResult[]>,
            batch.map(copy),
            internal,
          )
      : (batch: JsonlLine[]) => Promise.resolve(batch.map(mapJsonLine))
    const batches = pool ? batchLines(lines) : oneByOne(lines)
    for await (const { item, result } of orderedMap(batches, start, pool ? options.jobs * 4 : 1)) {
      for (const [i, line] of item.entries()) {
        const r = result.ok ? result.value[i]! : internal(line, result.error)
        if (r.ok) summary.mapped++
        else summary.failed++
        await write(output, `${r.line}\n`)
      }
    }
  } finally {
    await pool?.close()
  }
  return summary
}
