import { createHash, randomBytes } from 'node:crypto'
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync, mkdirSync } from 'node:fs'
import { dirname, basename, join } from 'node:path'

/** Default size limit for one input file (bytes). `--max-size` changes it. */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024

/** An input that cannot be processed: the message names the file and the problem. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
    readonly code: 'missing' | 'directory' | 'unreadable' | 'too-large' | 'binary' | 'encoding' | 'write',
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
    throw new InputError(path, `file is ${formatBytes(buf.length)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-size)`, 'too-large')
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
  return { path, text, sha256: createHash('sha256').update(buf).digest('hex'), bytes: buf.length }
}

/** Read one source file with clear errors for every way it can be unusable. */
export function readSource(path: string, maxBytes = DEFAULT_MAX_BYTES, abs = path): SourceFile {
  let st
  try {
    st = statSync(abs)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError(path, 'no such file', 'missing')
    throw new InputError(path, `cannot read (${code ?? String(e)})`, 'unreadable')
  }
  if (st.isDirectory()) throw new InputError(path, 'is a directory, expected a markdown file', 'directory')
  if (st.size > maxBytes) {
    throw new InputError(path, `file is ${formatBytes(st.size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-size)`, 'too-large')
  }
  let buf: Buffer
  try {
    buf = readFileSync(abs)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : `cannot read (${code ?? String(e)})`
    throw new InputError(path, why, 'unreadable')
  }
  return decodeSource(path, buf, maxBytes)
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

/**
 * Write a file atomically: a temp file beside the target, fsync, rename.
 * On any failure the temp file is removed and the target is untouched.
 */
export function writeAtomic(path: string, content: string): void {
  const tmp = join(dirname(path), `.argmap-tmp-${basename(path)}-${process.pid}-${randomBytes(4).toString('hex')}`)
  let fd: number | undefined
  try {
    mkdirSync(dirname(path), { recursive: true })
    fd = openSync(tmp, 'w')
    const buf = Buffer.from(content, 'utf8')
    let off = 0
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off)
    fsyncSync(fd)
    closeSync(fd)
    fd = undefined
    renameSync(tmp, path)
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd)
      } catch {
        /* already failing */
      }
    }
    try {
      unlinkSync(tmp)
    } catch {
      /* not created */
    }
    const code = (e as NodeJS.ErrnoException).code
    throw new InputError(path, `cannot write output (${code ?? (e as Error).message})`, 'write')
  }
}
