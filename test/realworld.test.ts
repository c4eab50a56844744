import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { toolingOnly } from '../bench/inputs.js'
import { repoRoot } from './helpers.js'
import { pipelineProblems } from './robust-invariants.js'

/**
 * Real-world markdown gathered at test time: the README, CHANGELOG, HISTORY
 * and docs files of the installed packages (the project's node_modules, and
 * npm's own, which ships with Node), through the whole pipeline with the
 * same invariants as the spec examples. The sample is deterministic (files
 * ordered by a hash of their path, which mixes packages) and bounded: each
 * file is cut at a blank line before PER_FILE characters and the sample
 * stops at BUDGET characters, so the test takes a few seconds.
 */
const PER_FILE = 1536
const BUDGET = 300 * 1024
const MIN_FILES = 150
const NAME = /^(?:readme|changelog|history|changes|release[-_]?notes|contributing|upgrading|migrat\w*)(?:\.[\w-]+)?\.(?:md|markdown)$|\.(?:md|markdown)$/i

interface Doc {
  label: string
  text: string
}

/** Markdown files under a node_modules folder (following nested node_modules), as paths relative to `root`. */
function markdownFiles(root: string, skip: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = []
  const walk = (dir: string, depth: number): void => {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    for (const e of entries) {
      const p = join(dir, e.name)
      if (e.isDirectory()) {
        if (depth < 8 && !skip.has(p) && e.name !== '.bin' && e.name !== 'test' && e.name !== 'tests' && e.name !== 'fixtures') walk(p, depth + 1)
      } else if (e.isFile() && NAME.test(e.name)) found.push(relative(root, p).split(sep).join('/'))
    }
  }
  walk(root, 0)
  return found
}

/** A prefix of `text` ending at a blank line, at most `max` characters (the whole text when it fits). */
function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const at = text.lastIndexOf('\n\n', max)
  return at > 0 ? text.slice(0, at + 1) : text.slice(0, max)
}

function gather(): Doc[] {
  const roots = [
    // The project's packages, less those only development tools need (bench/inputs.ts: TOOLING), so installing a linter leaves the sample alone.
    { label: 'node_modules', dir: join(repoRoot, 'node_modules'), skip: new Set([...toolingOnly(repoRoot)].map((at) => join(repoRoot, at))) },
    // npm's own node_modules, beside the running node binary (lib/node_modules/npm).
    { label: 'npm', dir: join(dirname(process.execPath), '../lib/node_modules/npm') },
  ]
  const files: Array<{ label: string; path: string; key: string }> = []
  for (const r of roots) {
    try {
      if (!statSync(r.dir).isDirectory()) continue
    } catch {
      continue
    }
    for (const f of markdownFiles(r.dir, 'skip' in r ? r.skip : undefined)) {
      const label = `${r.label}/${f}`
      files.push({ label, path: join(r.dir, f), key: createHash('sha1').update(label).digest('hex') })
    }
  }
  files.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const docs: Doc[] = []
  let total = 0
  for (const f of files) {
    if (total >= BUDGET) break
    const text = cut(readFileSync(f.path, 'utf8'), PER_FILE)
    total += text.length
    docs.push({ label: f.label, text })
  }
  return docs
}

describe('real-world markdown from installed packages', () => {
  const docs = gather()

  it(`samples at least ${MIN_FILES} documents`, () => {
    expect(docs.length).toBeGreaterThanOrEqual(MIN_FILES)
  })

  it('satisfies every invariant on each document', () => {
    const failures: string[] = []
    let units = 0
    for (const d of docs) {
      const { problems, checked } = pipelineProblems(d.text, { path: d.label })
      units += checked?.map.units.length ?? 0
      if (problems.length) failures.push(`${d.label}:\n  ${problems.slice(0, 3).join('\n  ')}`)
    }
    expect(failures).toEqual([])
    expect(units).toBeGreaterThan(docs.length * 5)
    console.log(`real-world sample: ${docs.length} documents, ${docs.reduce((n, d) => n + d.text.length, 0)} characters, ${units} units`)
  }, 120_000)
})
