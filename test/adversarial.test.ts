// The adversarial corpus (issue 19), generated (test/adversarial/generators.ts) and run end to end:
// zero crashes (exit 3 or a signal), zero hangs, zero writes outside the out dir, zero lost bytes
// (every mapped document's annotated markdown strips back to its source), one answer per JSONL line,
// and the same outcome with one worker and two. ARGMAP_SEEDS sets the number of random documents.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import { analyze } from '../src/pipeline.js'
import { strip } from '../src/read/strip.js'
import { corpus } from './adversarial/generators.js'
import { seeds } from './env.js'
import { repoRoot, tempDir } from './helpers.js'

const bin = join(repoRoot, 'dist/cli/bin.js')
// Everyday 6 random documents; with ARGMAP_SEEDS (CI: 10000) its full count, 300 (10,000 documents through three runs
// would not finish within the time limit on 2 cores: a limit the test would take for a hang).
const SEEDS = process.env.ARGMAP_SEEDS ? seeds(300) : 6
const TIMEOUT = 60_000

/** Every file under `dir` but `skip`, with its digest and mtime. */
function snapshot(dir: string, skip: string[]): Map<string, string> {
  const out = new Map<string, string>()
  const visit = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      const rel = relative(dir, p)
      if (skip.includes(rel)) continue
      if (e.isDirectory()) visit(p)
      else out.set(rel, `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mtimeMs}`)
    }
  }
  visit(dir)
  return out
}

interface Tally {
  documents: number
  crashes: string[]
  hangs: string[]
  outside: string[]
  lost: string[]
  internal: string[]
  /** The README's known gap: annotate gives up when author text leaves every HTML construct open before a literal mark. */
  knownGap: string[]
}

const tally: Tally = { documents: 0, crashes: [], hangs: [], outside: [], lost: [], internal: [], knownGap: [] }
const KNOWN_GAP = /annotate: could not place marks that read back exactly/

function run(root: string, args: string[], input?: Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, input, timeout: TIMEOUT, maxBuffer: 1 << 28 })
  const what = args.join(' ')
  if ((r.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT') tally.hangs.push(what)
  else if (r.status === 3 || r.signal) tally.crashes.push(`${what}: ${r.status ?? r.signal} ${r.stderr.toString().slice(0, 300)}`)
  return r
}

describe('adversarial corpus', { timeout: 4 * TIMEOUT }, () => {
  const docs = corpus(SEEDS)
  const root = tempDir('argmap-adversarial-')
  mkdirSync(join(root, 'outside'))
  writeFileSync(join(root, 'outside', 'victim.md'), 'Do not touch.\n')
  for (const d of docs) {
    const file = join(root, 'corpus', `${d.name}.md`)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, d.bytes)
  }
  tally.documents = docs.length

  it('run, with one worker and with two: no crash, no hang, the same outcome, no write outside out/', () => {
    const before = snapshot(root, ['out1', 'out2'])
    const one = run(root, ['run', 'corpus', '--out', 'out1', '--jobs', '1'])
    const two = run(root, ['run', 'corpus', '--out', 'out2', '--jobs', '2'])
    const after = snapshot(root, ['out1', 'out2'])
    for (const [file, digest] of after) if (before.get(file) !== digest) tally.outside.push(file)
    for (const file of before.keys()) if (!after.has(file)) tally.outside.push(`${file} (removed)`)
    expect([one.status, two.status]).toEqual([1, 1]) // the refused inputs fail; everything else maps
    const index = (out: string) => JSON.parse(readFileSync(join(root, out, 'index.json'), 'utf8'))
    expect(index('out2')).toEqual(index('out1'))
    for (const e of index('out1').errors as Array<{ path: string; message: string }>) {
      if (KNOWN_GAP.test(e.message)) tally.knownGap.push(e.path)
      else if (/internal error|\n\s+at /.test(e.message)) tally.internal.push(`${e.path}: ${e.message.slice(0, 200)}`)
    }
    // Zero lost bytes: every mapped document's annotated markdown strips back to its source.
    for (const d of index('out1').documents as Array<{ name: string; path: string }>) {
      const source = readFileSync(join(root, d.path))
      const annotated = readFileSync(join(root, 'out1', `${d.name}.annotated.md`), 'utf8')
      if (!Buffer.from(strip(annotated), 'utf8').equals(source)) tally.lost.push(d.path)
    }
    expect(tally.crashes).toEqual([])
    expect(tally.hangs).toEqual([])
    expect(tally.outside).toEqual([])
    expect(tally.internal).toEqual([])
    expect(tally.lost).toEqual([])
  })

  it('run --jsonl answers every line, with no internal error', () => {
    // The large hand-found attacks are covered by the run above; JSONL gets the rest (each line its own limits).
    const small = docs.filter((d) => d.bytes.length < 20_000)
    const lines = small.map((d, i) => JSON.stringify({ id: d.name || i, text: d.bytes.toString('utf8') }))
    const r = run(root, ['run', '--jsonl', '--jobs', '2'], Buffer.from(`${lines.join('\n')}\n`))
    const out = r.stdout.toString().trim().split('\n')
    expect(out).toHaveLength(small.length)
    for (const line of out) {
      const parsed = JSON.parse(line) as { error?: string; id?: string }
      if (parsed.error && /internal error/.test(parsed.error)) tally.internal.push(`jsonl ${parsed.id}: ${parsed.error.slice(0, 200)}`)
    }
    expect(tally.crashes).toEqual([])
    expect(tally.internal).toEqual([])
  })

  it('annotates author text that leaves a comment and a processing instruction open before literal marks (it gave up)', () => {
    const text = '-<!--<?:claim[:premise :claim'
    const marked = annotate(text, analyze(text, { path: 'x.md' }))
    expect(strip(marked)).toBe(text)
  })

  it('reports its counts', () => {
    const counts = {
      documents: tally.documents,
      crashes: tally.crashes.length,
      hangs: tally.hangs.length,
      writesOutside: tally.outside.length,
      lostBytes: tally.lost.length,
      internalErrors: tally.internal.length,
      knownGap: tally.knownGap.length,
    }
    process.stderr.write(`adversarial corpus: ${JSON.stringify(counts)}\n`)
    expect(counts).toEqual({ documents: tally.documents, crashes: 0, hangs: 0, writesOutside: 0, lostBytes: 0, internalErrors: 0, knownGap: tally.knownGap.length })
  })
})
