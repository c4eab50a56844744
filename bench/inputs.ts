/** Benchmark inputs: the op-ed, the op-ed repeated as sections, and a corpus of installed packages' READMEs. */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export function opEd(repoRoot: string): string {
  return readFileSync(join(repoRoot, 'corpus/china-north-korea.md'), 'utf8')
}

/** The op-ed `copies` times, each copy a section under its own `##` heading (its own `#` title demoted to `###`). */
export function repeated(op: string, copies: number): string {
  const body = op.replace(/^# /m, '### ')
  const parts: string[] = []
  for (let i = 1; i <= copies; i++) parts.push(`## Copy ${i}\n\n${body}`)
  return parts.join('\n\n')
}

export interface ReadmeFile {
  path: string
  text: string
  bytes: number
}

const README = /^readme\.(?:md|markdown)$/i

/**
 * Development tools whose packages are not part of the corpus: installing a
 * linter must not change what the benchmark and the README sweeps of the tests
 * measure. Their dependencies are left out too, unless something else needs them.
 */
export const TOOLING: readonly string[] = ['dependency-cruiser']

type LockPackages = Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string>; peerDependencies?: Record<string, string> }>

/** The folders (`node_modules/...`) that only TOOLING needs, from package-lock.json (node's lookup: nearest node_modules first). */
export function toolingOnly(repoRoot: string): Set<string> {
  let packages: LockPackages
  try {
    packages = (JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: LockPackages }).packages
  } catch {
    return new Set()
  }
  const resolve = (from: string, name: string): string | undefined => {
    for (let dir = from; ; ) {
      const at = `${dir ? `${dir}/` : ''}node_modules/${name}`
      if (packages[at]) return at
      if (!dir) return undefined
      const i = dir.lastIndexOf('/node_modules/')
      dir = i === -1 ? '' : dir.slice(0, i)
    }
  }
  const closure = (roots: string[]): Set<string> => {
    const seen = new Set<string>()
    const todo = roots.flatMap((r) => resolve('', r) ?? [])
    while (todo.length) {
      const at = todo.pop()!
      if (seen.has(at)) continue
      seen.add(at)
      const p = packages[at]!
      for (const name of Object.keys({ ...p.dependencies, ...p.optionalDependencies, ...p.peerDependencies })) {
        const dep = resolve(at, name)
        if (dep) todo.push(dep)
      }
    }
    return seen
  }
  const root = packages[''] as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> } | undefined
  const others = Object.keys({ ...root?.dependencies, ...root?.devDependencies }).filter((n) => !TOOLING.includes(n))
  const needed = closure(others)
  return new Set([...closure([...TOOLING])].filter((at) => !needed.has(at)))
}

/**
 * Every README.md under node_modules (any depth), sorted by path, one per
 * distinct content (nested copies of a package count once), valid UTF-8 only,
 * leaving out the packages only TOOLING needs. Deterministic for a given install.
 */
export function readmeCorpus(repoRoot: string): { files: ReadmeFile[]; sha256: string } {
  const root = join(repoRoot, 'node_modules')
  const skip = new Set([...toolingOnly(repoRoot)].map((at) => join(repoRoot, at)))
  const found: string[] = []
  const walk = (dir: string): void => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      const p = join(dir, e.name)
      if (e.isDirectory()) {
        if (!skip.has(p)) walk(p)
      } else if (e.isFile() && README.test(e.name)) found.push(p)
    }
  }
  walk(root)
  found.sort()
  const seen = new Set<string>()
  const files: ReadmeFile[] = []
  const all = createHash('sha256')
  const utf8 = new TextDecoder('utf-8', { fatal: true })
  for (const p of found) {
    if (statSync(p).size === 0) continue
    const buf = readFileSync(p)
    const h = createHash('sha256').update(buf).digest('hex')
    if (seen.has(h)) continue
    seen.add(h)
    let text: string
    try {
      text = utf8.decode(buf)
    } catch {
      continue
    }
    all.update(h)
    files.push({ path: relative(repoRoot, p), text, bytes: buf.length })
  }
  return { files, sha256: all.digest('hex') }
}
