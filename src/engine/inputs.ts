import { readdirSync, statSync } from 'node:fs'
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

/** Markdown files under a directory, sorted, skipping our own `*.annotated.md` outputs. */
function walk(dir: string, outDir: string | null, found: string[]): void {
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
      if (!SKIP_DIRS.has(e.name) && (!outDir || resolve(p) !== outDir)) walk(p, outDir, found)
    } else if (MARKDOWN.test(e.name) && !/\.annotated\.md$/i.test(e.name)) found.push(p)
  }
}

/**
 * Expand command-line paths: a directory yields its markdown files (names
 * relative to it), a file itself (named by its base name). Paths that do not
 * exist are passed through so the per-file stage reports them.
 */
export function expandInputs(paths: readonly string[], cwd: string, outDir?: string): Input[] {
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
      walk(abs, out, found)
      for (const f of found) {
        const rel = relative(abs, f).split(sep).join('/')
        inputs.push({ path: join(p, rel).split(sep).join('/'), abs: f, name: stripExt(rel) })
      }
    } else {
      inputs.push({ path: p, abs, name: p === '-' ? 'stdin' : stripExt(basename(p)) })
    }
  }
  // Two inputs with one name would overwrite each other's outputs: suffix the later ones.
  for (const input of inputs) {
    let name = input.name
    for (let n = 2; names.has(name); n++) name = `${input.name}-${n}`
    names.add(name)
    input.name = name
  }
  return inputs
}
