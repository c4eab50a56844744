import { execFile } from 'node:child_process'
import { readdirSync, realpathSync, statSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import { decodeSource, DEFAULT_MAX_BYTES, InputError, readSource, type SourceFile } from '../io/files.js'
import { type ArgumentMap, READABLE_SCHEMAS, SCHEMA_VERSION } from '../model/types.js'
import type { NamedMap } from './dir.js'
import { validateMap } from '../model/schema.js'
import { analyze } from '../pipeline.js'

/**
 * The inputs of `argmap diff`: markdown files (mapped with `analyze`),
 * `.argmap.json` maps, directories of either, or a path at git revisions.
 * All IO of the diff lives here; every error names the file.
 */

export class DiffInputError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}`)
    this.name = 'DiffInputError'
  }
}

const MAP_SUFFIX = '.argmap.json'
const DOC = /\.(md|markdown|mdown|mkd)$/i

export function isMapPath(path: string): boolean {
  return path.endsWith(MAP_SUFFIX) || path.endsWith('.json')
}

/** A map from text read at `display`: a JSON map when the name says so, otherwise markdown to analyse. */
export function mapFromText(text: string, display: string, sha256: string): ArgumentMap {
  if (!isMapPath(display)) return analyze(text, { path: display, sha256 })
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (e) {
    throw new DiffInputError(display, `invalid JSON (${(e as Error).message})`)
  }
  const schema = (data as { schema?: unknown } | null)?.schema
  if (typeof schema !== 'string' || !READABLE_SCHEMAS.includes(schema)) {
    throw new DiffInputError(display, `not an argument map (schema ${JSON.stringify(schema)}, expected "argmap/1" or "argmap/2")`)
  }
  const problems = validateMap(data)
  if (problems.length) {
    throw new DiffInputError(display, `invalid argument map: ${problems.slice(0, 3).join('; ')}${problems.length > 3 ? ` (+${problems.length - 3} more)` : ''}`)
  }
  // An argmap/1 map is an argmap/2 map without restatements.
  return { ...(data as ArgumentMap), schema: SCHEMA_VERSION }
}

/** Read and map one file; `display` is the path as the user gave it. */
export function loadFile(abs: string, display: string, maxBytes = DEFAULT_MAX_BYTES): ArgumentMap {
  return mapSource(display, () => readSource(display, maxBytes, abs))
}

/** Read a source (as the engine's readers do) and map it; input problems become DiffInputErrors. */
function mapSource(display: string, read: () => SourceFile): ArgumentMap {
  let file: SourceFile
  try {
    file = read()
  } catch (e) {
    if (e instanceof InputError) throw new DiffInputError(e.file, e.problem)
    throw e
  }
  return mapFromText(file.text, display, file.sha256)
}

/** Map bytes read from standard input (`-`): markdown. */
export function loadStdin(read: (maxBytes?: number) => Buffer, maxBytes = DEFAULT_MAX_BYTES): ArgumentMap {
  return mapSource('-', () => decodeSource('-', read(maxBytes), maxBytes))
}

export function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory()
  } catch {
    return false
  }
}

/** Markdown files and maps under a directory, as sorted paths relative to it ('/' separated). */
export function listDocuments(root: string): string[] {
  const out: string[] = []
  // Symlinks are followed, as `argmap run` follows them (`git difftool -d` links the working tree's files);
  // a directory is walked once, so a link loop ends.
  const seen = new Set<string>()
  const walk = (dir: string): void => {
    let real: string
    try {
      real = realpathSync(dir)
    } catch {
      return
    }
    if (seen.has(real)) return
    seen.add(real)
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const abs = join(dir, entry.name)
      let kind: 'dir' | 'file' | null = entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : null
      if (entry.isSymbolicLink()) {
        try {
          const st = statSync(abs)
          kind = st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null
        } catch {
          kind = null
        }
      }
      if (kind === 'dir') walk(abs)
      else if (kind === 'file' && (DOC.test(entry.name) || entry.name.endsWith(MAP_SUFFIX))) {
        out.push(relative(root, abs).split(sep).join('/'))
      }
    }
  }
  walk(root)
  return out.sort()
}

export function loadDirectory(abs: string, display: string, maxBytes = DEFAULT_MAX_BYTES): NamedMap[] {
  return listDocuments(abs).map((name) => ({ name, map: loadFile(join(abs, name), joinDisplay(display, name), maxBytes) }))
}

function joinDisplay(dir: string, name: string): string {
  return dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`
}

// ---------------------------------------------------------------- git

/** `A..B` (B empty: HEAD), `A...B` (from their merge base), or one revision (against the working tree). */
export function parseRange(spec: string): { old: string; new: string | null; mergeBase: boolean } {
  const three = spec.indexOf('...')
  if (three !== -1) return { old: spec.slice(0, three) || 'HEAD', new: spec.slice(three + 3) || 'HEAD', mergeBase: true }
  const two = spec.indexOf('..')
  if (two !== -1) return { old: spec.slice(0, two) || 'HEAD', new: spec.slice(two + 2) || 'HEAD', mergeBase: false }
  return { old: spec, new: null, mergeBase: false }
}

function git(args: string[], cwd: string): Promise<Buffer> {
  return new Promise((done, fail) => {
    execFile('git', args, { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (!err) return done(stdout)
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return fail(new Error('git is not installed (or not on PATH)'))
      const msg = stderr.toString('utf8').trim().split('\n')[0] || err.message
      fail(new Error(msg))
    })
  })
}

/** Where a path sits in its repository: the repository-relative path and a directory to run git in. */
export async function repoPath(abs: string): Promise<{ cwd: string; path: string }> {
  const dir = isDirectory(abs) ? abs : dirname(abs)
  let prefix: string
  try {
    prefix = (await git(['rev-parse', '--show-prefix'], dir)).toString('utf8').trim()
  } catch (e) {
    throw new DiffInputError(abs, `not in a git repository (${(e as Error).message})`)
  }
  const path = isDirectory(abs) ? prefix.replace(/\/$/, '') : `${prefix}${basename(abs)}`
  return { cwd: dir, path }
}

/** A file at a revision, mapped; shown as `REV:path`. */
export async function loadAtRevision(rev: string, repo: { cwd: string; path: string }, maxBytes = DEFAULT_MAX_BYTES): Promise<ArgumentMap> {
  const display = `${rev}:${repo.path}`
  let buf: Buffer
  try {
    buf = await git(['show', `${rev}:${repo.path}`], repo.cwd)
  } catch (e) {
    throw new DiffInputError(display, `cannot read it from git (${(e as Error).message})`)
  }
  return mapSource(display, () => decodeSource(display, buf, maxBytes))
}

/** Documents under a directory at a revision. */
export async function loadDirectoryAtRevision(rev: string, repo: { cwd: string; path: string }, maxBytes = DEFAULT_MAX_BYTES): Promise<NamedMap[]> {
  let listing: string
  try {
    listing = (await git(['ls-tree', '-r', '--name-only', '--full-name', '-z', rev, '--', '.'], repo.cwd)).toString('utf8')
  } catch (e) {
    throw new DiffInputError(`${rev}:${repo.path}`, `cannot list it in git (${(e as Error).message})`)
  }
  // run in the directory itself with --full-name: repository paths of everything under it
  const full = listing.split('\0').filter((p) => p && (DOC.test(p) || p.endsWith(MAP_SUFFIX)))
  const out: NamedMap[] = []
  for (const path of full.sort()) {
    const name = repo.path ? path.slice(repo.path.length + 1) : path
    out.push({ name, map: await loadAtRevision(rev, { cwd: repo.cwd, path }, maxBytes) })
  }
  return out
}

export async function mergeBase(a: string, b: string, cwd: string): Promise<string> {
  try {
    return (await git(['merge-base', a, b], cwd)).toString('utf8').trim()
  } catch (e) {
    throw new DiffInputError(`${a}...${b}`, `no merge base (${(e as Error).message})`)
  }
}
