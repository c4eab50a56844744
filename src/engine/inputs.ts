import { createHash } from 'node:crypto'
import { readdirSync, statSync, type Stats } from 'node:fs'
import { basename, extname, join, relative, resolve, sep } from 'node:path'

/** One input document: where it is read from, and its name under the out dir (no extension). */
export interface Input {
  /** As given on the command line (joined with the file's place under a given directory). */
  path: string
  /** Absolute path to read. */
  abs: string
  name: string
}

const MARKDOWN = /\.(?:md|markdown|mdown|mkd)$/i
const SKIP_DIRS = new Set(['node_modules', '.git'])

function stripExt(p: string): string {
  return p.slice(0, p.length - extname(p).length)
}

/** What kind of special file a stat describes (for the warning), or null for a regular file. */
function special(st: Stats): string | null {
  if (st.isFile()) return null
  if (st.isFIFO()) return 'a FIFO'
  if (st.isSocket()) return 'a socket'
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device'
  return 'not a regular file'
}

/**
 * Markdown files under a directory, sorted, skipping our own `*.annotated.md`
 * outputs. A FIFO, socket or device with a markdown name (or a link to one)
 * is skipped with a warning: reading a FIFO with no writer waits forever.
 */
function walk(dir: string, outDir: string | null, found: string[], skipped: Array<{ abs: string; kind: string }>): void {
  // `dir` is absolute here; callers map results back to the path as given.
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, e.name)
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && (!outDir || resolve(p) !== outDir)) walk(p, outDir, found, skipped)
      continue
    }
    if (!MARKDOWN.test(e.name) || /\.annotated\.md$/i.test(e.name)) continue
    if (!e.isFile()) {
      let kind: string | null = null
      try {
        kind = special(statSync(p))
      } catch {
        /* a broken link: reported later as a missing file */
      }
      if (kind) {
        skipped.push({ abs: p, kind })
        continue
      }
    }
    found.push(p)
  }
}

/**
 * The longest name component an output may have: file systems allow 255
 * bytes, and the longest suffix we add is `.annotated.md`.
 */
const MAX_NAME_BYTES = 255 - '.annotated.md'.length

/** A name whose last component is too long for its outputs: cut (at a character boundary), with a hash of the whole. */
function fitName(name: string): string {
  const slash = name.lastIndexOf('/')
  const base = name.slice(slash + 1)
  if (Buffer.byteLength(base) <= MAX_NAME_BYTES) return name
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 8)
  let cut = ''
  for (const ch of base) {
    if (Buffer.byteLength(cut + ch) > MAX_NAME_BYTES - 9) break
    cut += ch
  }
  return `${name.slice(0, slash + 1)}${cut}-${hash}`
}

/** Names the corpus outputs take: `index` is the corpus page (`index.html`, `index.json`). */
const RESERVED = new Set(['index'])

/**
 * Expand command-line paths: a directory yields its markdown files (names
 * relative to it), a file itself (named by its base name). Paths that do not
 * exist are passed through so the per-file stage reports them.
 */
export function expandInputs(paths: readonly string[], cwd: string, outDir?: string, warnings?: string[]): Input[] {
  const out = outDir ? resolve(cwd, outDir) : null
  const inputs: Input[] = []
  const names = new Set<string>()
  for (const p of paths) {
    let isDir = false
    const abs = p === '-' ? '-' : resolve(cwd, p)
    try {
      isDir = statSync(abs).isDirectory()
    } catch {
      /* reported later */
    }
    if (isDir && p !== '-') {
      const found: string[] = []
      const skipped: Array<{ abs: string; kind: string }> = []
      walk(abs, out, found, skipped)
      for (const { abs: f, kind } of skipped) {
        warnings?.push(`${join(p, relative(abs, f)).split(sep).join('/')}: ${kind}, not a regular file; skipped`)
      }
      for (const f of found) {
        const rel = relative(abs, f).split(sep).join('/')
        inputs.push({ path: join(p, rel).split(sep).join('/'), abs: f, name: stripExt(rel) })
      }
    } else {
      inputs.push({ path: p, abs, name: p === '-' ? 'stdin' : stripExt(basename(p)) })
    }
  }
  // Two inputs with one name would overwrite each other's outputs: suffix the later ones. A top-level
  // `index` would overwrite the corpus page (`index` is taken from the start), and a name too long for
  // the file system would fail every write.
  for (const name of RESERVED) names.add(name)
  for (const input of inputs) {
    input.name = fitName(input.name)
    let name = input.name
    for (let n = 2; names.has(name); n++) name = `${input.name}-${n}`
    names.add(name)
    input.name = name
  }
  return inputs
}
