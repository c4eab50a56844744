import { createHash, randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { getHeapStatistics } from 'node:v8'
import { checkResources, MAX_NESTING } from './limits.js'

/** Default size limit for one input file (bytes). `--max-size` changes it. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024

/** An input that cannot be processed: the message names the file and the problem. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly code: 'missing' | 'directory' | 'unreadable' | 'too-large' | 'too-deep' | 'binary' | 'encoding' | 'write',
  ) {
    super(`${file}: ${problem}`)
    this.name = 'InputError'
  }
}

export interface SourceFile {
  path: string
  text: string
  sha256: string
  bytes: number
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/** Decode and vet raw bytes as a markdown source. */
export function decodeSource(path: string, buf: Buffer, maxBytes = DEFAULT_MAX_BYTES): SourceFile {
  if (buf.length > maxBytes) {
    // Standard input is read only to one byte past the limit: its real size is unknown.
    const size = path === '-' ? 'standard input is' : `file is ${formatBytes(buf.length)},`
    throw new InputError(path, `${size} over the ${formatBytes(maxBytes)} limit (raise it with --max-size)`, 'too-large')
  }
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    throw new InputError(path, 'file is UTF-16 (it starts with a UTF-16 byte-order mark); convert it to UTF-8', 'encoding')
  }
  const nul = buf.indexOf(0)
  if (nul !== -1) throw new InputError(path, `binary file (NUL byte at offset ${nul}); expected UTF-8 markdown`, 'binary')
  let text: string
  try {
    text = utf8.decode(buf)
  } catch {
    throw new InputError(path, `invalid UTF-8 at byte ${firstInvalidUtf8(buf)}; expected UTF-8 markdown`, 'encoding')
  }
  const limit = checkResources(text, getHeapStatistics().heap_size_limit)
  if (limit) throw new InputError(path, limit.problem, limit.code)
  return { path, text, sha256: createHash('sha256').update(buf).digest('hex'), bytes: buf.length }
}

export { MAX_NESTING }

/** Words for the errno codes a read or write can fail with; the code itself stays in the message. */
const ERRNO: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  ENOTDIR: 'a parent path is a file, not a directory',
  EEXIST: 'a file is in the way of the output directory',
  EISDIR: 'is a directory',
  EIO: 'input/output error',
  ENAMETOOLONG: 'file name too long',
  EMFILE: 'too many open files',
  EFBIG: 'file too large for the file system',
}

/** `(CODE): words` for a failed fs call, as one parenthesised part of a message. */
function errnoText(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code
  if (!code) return `(${(e as Error).message ?? String(e)})`
  return ERRNO[code] ? `(${code}): ${ERRNO[code]}` : `(${code})`
}

/** Read one source file with clear errors for every way it can be unusable. */
export function readSource(path: string, maxBytes = DEFAULT_MAX_BYTES, abs = path): SourceFile {
  let st
  try {
    st = statSync(abs)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new InputError(path, 'no such file', 'missing')
    if (code === 'ENOTDIR') throw new InputError(path, 'no such file (a parent path is a file, not a directory)', 'missing')
    if (code === 'EACCES' || code === 'EPERM') throw new InputError(path, 'permission denied (a parent directory cannot be searched)', 'unreadable')
    throw new InputError(path, `cannot read ${errnoText(e)}`, 'unreadable')
  }
  if (st.isDirectory()) throw new InputError(path, 'is a directory, expected a markdown file', 'directory')
  if (st.size > maxBytes) {
    throw new InputError(path, `file is ${formatBytes(st.size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-size)`, 'too-large')
  }
  let buf: Buffer
  try {
    // A pipe or device reports no size (process substitution, /dev/zero): read it with the cap.
    buf = st.isFile() ? readFileSync(abs) : readCapped(abs, maxBytes)
  } catch (e) {
    if (e instanceof InputError) throw e
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read ${errnoText(e)}`
    throw new InputError(path, why, 'unreadable')
  }
  if (buf.length > maxBytes) {
    throw new InputError(path, `over the ${formatBytes(maxBytes)} limit (raise it with --max-size)`, 'too-large')
  }
  return decodeSource(path, buf, maxBytes)
}

/** Read a non-regular file (pipe, device) up to `maxBytes + 1` bytes, so an endless one cannot exhaust memory. */
function readCapped(abs: string, maxBytes: number): Buffer {
  const fd = openSync(abs, 'r')
  try {
    return readCappedFd(fd, maxBytes)
  } finally {
    closeSync(fd)
  }
}

/**
 * Read an open file descriptor (standard input is 0) to its end or to
 * `maxBytes + 1` bytes, whichever comes first: the caller reports the input
 * as over the limit when the result is longer than `maxBytes`.
 */
export function readCappedFd(fd: number, maxBytes = DEFAULT_MAX_BYTES): Buffer {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total))
    let n: number
    try {
      n = readSync(fd, chunk, 0, chunk.length, null)
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue
      if ((e as NodeJS.ErrnoException).code === 'EOF') break
      throw e
    }
    if (n === 0) break
    chunks.push(chunk.subarray(0, n))
    total += n
    if (total > maxBytes) break
  }
  return Buffer.concat(chunks, total)
}

function firstInvalidUtf8(buf: Buffer): number {
  // Only on the error path: walk the sequences to find the first bad one.
  for (let i = 0; i < buf.length; ) {
    const b = buf[i] as number
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0
    if (!len || i + len > buf.length) return i
    try {
      utf8.decode(buf.subarray(i, i + len))
    } catch {
      return i
    }
    i += len
  }
  return buf.length
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`
  return `${n} bytes`
}

const TEMP_PREFIX = '.argmap-tmp-'
/** `.argmap-tmp-<pid>-<random>`: short whatever the target's name (a long one pushed it past 255 bytes), and the pid tells a later run whether its writer is gone. */
function tempName(): string {
  return `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`
}
const TEMP = /^\.argmap-tmp-(?:.*-)?(\d+)-[0-9a-f]{8}$/

function alive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Remove temp files that a killed run left under `dir` (`kill -9` between
 * writing a temp file and renaming it), `maxDepth` folders down (0: `dir` only). A temp file whose writer is still
 * running (another run on the same out dir) is left alone. Returns how
 * many were removed. Quiet on errors: the out dir may not exist yet.
 */
export function removeStaleTemps(dir: string, maxDepth = 64): number {
  let removed = 0
  const visit = (d: string, depth: number): void => {
    let entries
    try {
      entries = fs.readdirSync(d, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (depth < maxDepth && e.name !== 'node_modules' && e.name !== '.git') visit(join(d, e.name), depth + 1)
        continue
      }
      const m = TEMP.exec(e.name)
      if (!m || !e.isFile() || alive(Number(m[1]))) continue
      try {
        fs.unlinkSync(join(d, e.name))
        removed++
      } catch {
        /* gone already, or not ours to remove */
      }
    }
  }
  visit(dir, 0)
  return removed
}

/** The file-system calls `writeAtomic` makes; tests inject failures (a full disk mid-write) through this. */
export interface WriteFs {
  mkdirSync: typeof fs.mkdirSync
  openSync: typeof fs.openSync
  writeSync: (fd: number, buffer: Buffer, offset: number, length: number) => number
  fsyncSync: typeof fs.fsyncSync
  closeSync: typeof fs.closeSync
  renameSync: typeof fs.renameSync
  unlinkSync: typeof fs.unlinkSync
}

/**
 * Write a file atomically: a temp file beside the target, fsync, rename.
 * On any failure (no permission, a read-only or full disk, a write that
 * fails mid-way) the temp file is removed and the target is untouched.
 */
export function writeAtomic(path: string, content: string, io: WriteFs = fs): void {
  writeAllAtomic([{ path, content }], io)
}

/**
 * Write several files as one: every temp file is written (and, when
 * `durable`, synced) first, then all are renamed into place. If any write
 * fails, every temp file is removed and no target changes, so a document's
 * outputs are never left half-updated (its JSON new, its annotated markdown
 * old). `durable: false` is for outputs a run regenerates (maps, annotated
 * markdown, pages): the rename still makes each file whole or absent for
 * any reader, but a power cut may lose the newest version. fsyncs are
 * serialised by the disk, so one per output file stalled the workers of a
 * parallel run by turns; a reviewer's corrections (src/review/files.ts) are
 * still synced.
 */
export function writeAllAtomic(files: Iterable<{ path: string; content: string | Iterable<string> }>, io: WriteFs = fs, durable = true): void {
  const temps: string[] = []
  const paths: string[] = []
  let current = ''
  const removeTemps = (): void => {
    for (const tmp of temps) {
      if (!tmp) continue
      try {
        io.unlinkSync(tmp)
      } catch {
        /* already gone */
      }
    }
  }
  // `files` may render each output as it is asked for (src/engine/write.ts), so that a large document's outputs
  // are made, written and dropped one at a time: an error while rendering is not a write error, and is passed on.
  const it = files[Symbol.iterator]()
  const rendering = { failed: false, error: undefined as unknown }
  try {
    for (;;) {
      let next: IteratorResult<{ path: string; content: string | Iterable<string> }>
      try {
        next = it.next()
      } catch (e) {
        rendering.failed = true
        rendering.error = e
        throw e
      }
      if (next.done) break
      const f = next.value
      current = f.path
      const tmp = join(dirname(f.path), tempName())
      let fd: number
      try {
        fd = io.openSync(tmp, 'wx')
      } catch (e) {
        // The directory is made only when missing: one mkdir per output file costs a corpus run more than the writes.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
        io.mkdirSync(dirname(f.path), { recursive: true })
        fd = io.openSync(tmp, 'wx')
      }
      temps.push(tmp)
      paths.push(f.path)
      try {
        // A content given in pieces is written piece by piece (each made as it is asked for, then dropped).
        for (const piece of typeof f.content === 'string' ? [f.content] : f.content) {
          const buf = Buffer.from(piece, 'utf8')
          let off = 0
          while (off < buf.length) off += io.writeSync(fd, buf, off, buf.length - off)
        }
        if (durable) io.fsyncSync(fd)
      } finally {
        io.closeSync(fd)
      }
    }
    paths.forEach((path, i) => {
      current = path
      io.renameSync(temps[i]!, path)
      temps[i] = ''
    })
  } catch (e) {
    removeTemps()
    if (rendering.failed) throw rendering.error
    throw new InputError(current, `cannot write output ${errnoText(e)}`, 'write')
  }
}
