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
 * Every README.md under node_modules (any depth), sorted by path, one per
 * distinct content (nested copies of a package count once), valid UTF-8 only.
 * Deterministic for a given install.
 */
export function readmeCorpus(repoRoot: string): { files: ReadmeFile[]; sha256: string } {
  const root = join(repoRoot, 'node_modules')
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
      if (e.isDirectory()) walk(p)
      else if (e.isFile() && README.test(e.name)) found.push(p)
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
