import { cpSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { orderedMap, runBatch } from '../src/engine/pool.js'
import type * as RunModule from '../src/engine/run.js'
import type * as CommandModule from '../src/cli/commands/run.js'
import type { FileEvent } from '../src/engine/run.js'
import { captureIo, opEdPath, repoRoot, tempDir } from './helpers.js'

// Worker threads run the compiled code in dist/ (a worker cannot load .ts), so
// the sequential side of each comparison runs the same build: the test is about
// the engine, not about how fresh dist/ is (`npm test` builds first).
const dist = (p: string) => pathToFileURL(join(repoRoot, 'dist', p)).href
const { runCorpus, runCorpusParallel } = (await import(dist('engine/run.js'))) as typeof RunModule
const { runCommandAsync } = (await import(dist('cli/commands/run.js'))) as typeof CommandModule

/** Every file under a directory, by relative path, with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name), 'latin1')
  }
  return out
}

/** The op-ed, the fixture inputs (CRLF, BOM, tables, quotes, empty), a nested file and a bad one. */
function smallCorpus(): string {
  const dir = tempDir('argmap-engine-')
  const corpus = join(dir, 'corpus')
  mkdirSync(join(corpus, 'nested'), { recursive: true })
  cpSync(opEdPath, join(corpus, 'op-ed.md'))
  for (const c of ['abbreviations-quotes', 'crlf-bom-unicode', 'markdown-structures', 'front-matter-html', 'empty']) {
    cpSync(join(repoRoot, 'test/fixtures', c, 'input.md'), join(corpus, c === 'markdown-structures' ? `nested/${c}.md` : `${c}.md`))
  }
  writeFileSync(join(corpus, 'binary.md'), Buffer.from([0x41, 0x00, 0x42]))
  return dir
}

describe('argmap run on worker threads', { timeout: 30_000 }, () => {
  it('writes byte for byte what the sequential run writes, reporting files in input order', async () => {
    const dir = smallCorpus()
    const seqEvents: FileEvent[] = []
    const parEvents: FileEvent[] = []
    const seq = runCorpus({ paths: ['corpus'], out: 'seq', cwd: dir, onFile: (e) => seqEvents.push(e) })
    const par = await runCorpusParallel({ paths: ['corpus'], out: 'par', cwd: dir, jobs: 2, onFile: (e) => parEvents.push(e) })
    const a = snapshot(join(dir, 'seq'))
    const b = snapshot(join(dir, 'par'))
    expect(Object.keys(a).filter((k) => k.endsWith('.argmap.json')).length).toBe(6)
    expect(Object.keys(a)).toContain('index.json')
    expect(b).toEqual(a)
    expect(par.documents).toEqual(seq.documents)
    expect(par.errors).toEqual(seq.errors)
    expect(par.errors.map((e) => e.message)).toEqual(['corpus/binary.md: binary file (NUL byte at offset 1); expected UTF-8 markdown'])
    expect(par.warnings).toEqual(seq.warnings)
    expect(parEvents.map((e) => `${e.status} ${e.input.path}`)).toEqual(seqEvents.map((e) => `${e.status} ${e.input.path}`))
  })

  it('reports an output a worker cannot write as the sequential run does, and goes on', async () => {
    const dir = smallCorpus()
    for (const out of ['seq', 'par']) mkdirSync(join(dir, out, 'op-ed.html'), { recursive: true })
    const seq = runCorpus({ paths: ['corpus'], out: 'seq', cwd: dir })
    const par = await runCorpusParallel({ paths: ['corpus'], out: 'par', cwd: dir, jobs: 2 })
    const messages = (r: typeof seq, out: string) => r.errors.map((e) => e.message.replace(join(dir, out), '<out>'))
    expect(messages(par, 'par')).toEqual(messages(seq, 'seq'))
    expect(messages(par, 'par').find((m) => m.includes('op-ed'))).toMatch(/^<out>\/op-ed\.html: cannot write output/)
    expect(par.documents.map((d) => d.name)).toEqual(seq.documents.map((d) => d.name))
    expect(par.documents.length).toBe(5)
  })

  it('keeps input order across many batches, with bad files among them', async () => {
    // More inputs than several worker batches hold, so results from different batches and workers interleave.
    const dir = tempDir('argmap-engine-')
    const corpus = join(dir, 'corpus')
    mkdirSync(corpus)
    const op = readFileSync(opEdPath, 'utf8')
    const paragraphs = op.split('\n\n')
    for (let i = 0; i < 30; i++) {
      const name = join(corpus, `doc-${String(i).padStart(2, '0')}.md`)
      if (i % 11 === 5) writeFileSync(name, Buffer.from([0xff, 0xfe, 0x41]))
      else writeFileSync(name, paragraphs.slice(0, 2 + (i % 7)).join('\n\n') + `\n\nDocument ${i} ends here.\n`)
    }
    const seqEvents: FileEvent[] = []
    const parEvents: FileEvent[] = []
    const seq = runCorpus({ paths: ['corpus'], out: 'seq', cwd: dir, onFile: (e) => seqEvents.push(e) })
    const par = await runCorpusParallel({ paths: ['corpus'], out: 'par', cwd: dir, jobs: 2, onFile: (e, i) => parEvents.push({ ...e, index: i } as FileEvent) })
    expect(snapshot(join(dir, 'par'))).toEqual(snapshot(join(dir, 'seq')))
    expect(par.documents).toEqual(seq.documents)
    expect(par.errors).toEqual(seq.errors)
    expect(par.errors.map((e) => e.path)).toEqual(['corpus/doc-05.md', 'corpus/doc-16.md', 'corpus/doc-27.md'])
    expect(parEvents.map((e) => e.input.path)).toEqual([...Array(30).keys()].map((i) => `corpus/doc-${String(i).padStart(2, '0')}.md`))
    expect(parEvents.map((e) => (e as FileEvent & { index: number }).index)).toEqual([...Array(30).keys()])
    expect(parEvents.map((e) => e.status)).toEqual(seqEvents.map((e) => e.status))
  })

  it('rewrites nothing on a re-run over an unchanged corpus, and only the changed document after an edit', async () => {
    const dir = smallCorpus()
    await runCorpusParallel({ paths: ['corpus'], out: 'out', cwd: dir, jobs: 2 })
    const files = readdirSync(join(dir, 'out'), { recursive: true }).map(String).filter((f) => f.includes('.'))
    const stamp = () => Object.fromEntries(files.map((f) => [f, statSync(join(dir, 'out', f)).ino]))
    const before = stamp()
    await runCorpusParallel({ paths: ['corpus'], out: 'out', cwd: dir, jobs: 2 })
    runCorpus({ paths: ['corpus'], out: 'out', cwd: dir })
    // An atomic write replaces the file (a new inode): the same inode means it was left alone.
    expect(stamp()).toEqual(before)
    writeFileSync(join(dir, 'corpus/op-ed.md'), readFileSync(join(dir, 'corpus/op-ed.md'), 'utf8') + '\nOne more sentence.\n')
    await runCorpusParallel({ paths: ['corpus'], out: 'out', cwd: dir, jobs: 2 })
    const after = stamp()
    const changed = files.filter((f) => after[f] !== before[f]).sort()
    expect(changed).toEqual(['index.html', 'index.json', 'op-ed.annotated.md', 'op-ed.argmap.json', 'op-ed.html'])
  })

  it('checks an output directory with workers as the sequential run does', async () => {
    const dir = smallCorpus()
    runCorpus({ paths: ['corpus'], out: 'out', cwd: dir })
    expect((await runCorpusParallel({ paths: ['corpus'], out: 'out', cwd: dir, jobs: 2, check: true })).stale).toEqual([])
    writeFileSync(join(dir, 'out/op-ed.argmap.json'), '{}\n')
    expect((await runCorpusParallel({ paths: ['corpus'], out: 'out', cwd: dir, jobs: 2, check: true })).stale).toEqual([join(dir, 'out/op-ed.argmap.json')])
  })

  it('prints the same summary for --jobs 1 and --jobs 2, and refuses a bad --jobs', async () => {
    const dir = smallCorpus()
    const one = captureIo(dir)
    const two = captureIo(dir)
    expect(await runCommandAsync({ paths: ['corpus'], out: 'o', jobs: 1 }, one)).toBe(1)
    expect(await runCommandAsync({ paths: ['corpus'], out: 'o', jobs: 2 }, two)).toBe(1)
    expect(two.out()).toBe(one.out())
    expect(two.err()).toBe(one.err())
    const bad = captureIo(dir)
    expect(await runCommandAsync({ paths: ['corpus'], out: 'o', jobs: 0 }, bad)).toBe(2)
    expect(bad.err()).toContain('--jobs must be a whole number of at least 1')
  })
})

describe('orderedMap', () => {
  it('yields in input order whatever order tasks finish in, with at most `limit` in flight', async () => {
    let inFlight = 0
    let peak = 0
    let pulled = 0
    function* items() {
      for (let i = 0; i < 20; i++) {
        pulled++
        yield i
      }
    }
    const seen: number[] = []
    const start = async (i: number): Promise<number> => {
      inFlight++
      peak = Math.max(peak, inFlight)
      await new Promise((r) => setTimeout(r, (i * 7) % 5))
      inFlight--
      if (i === 13) throw new Error('thirteen')
      return i * 10
    }
    for await (const { item, result } of orderedMap(items(), start, 3)) {
      expect(pulled - seen.length).toBeLessThanOrEqual(3)
      seen.push(item)
      if (item === 13) expect(result.ok).toBe(false)
      else expect(result).toEqual({ ok: true, value: item * 10 })
    }
    expect(seen).toEqual([...Array(20).keys()])
    expect(peak).toBeLessThanOrEqual(3)
  })
})

describe('runBatch', () => {
  it('runs a batch as one task, and after a task dies, each item alone so that only the culprit fails', async () => {
    const tasks: string[][] = []
    // A worker that dies on "poison" takes its whole task with it.
    const run = async (items: string[]): Promise<string[]> => {
      tasks.push(items)
      if (items.includes('poison')) throw new Error('worker exited')
      return items.map((x) => x.toUpperCase())
    }
    const fail = (item: string, e: unknown) => `failed ${item}: ${(e as Error).message}`
    expect(await runBatch(run, ['a', 'b'], fail)).toEqual(['A', 'B'])
    expect(tasks).toEqual([['a', 'b']])
    tasks.length = 0
    expect(await runBatch(run, ['a', 'poison', 'c'], fail)).toEqual(['A', 'failed poison: worker exited', 'C'])
    expect(tasks).toEqual([['a', 'poison', 'c'], ['a'], ['poison'], ['c']])
  })
})

describe('the default number of workers', () => {
  it('is one per 1.5 cores: one on two cores, where a second worker was slower', async () => {
    const { defaultJobs } = await import('../src/engine/pool.js')
    expect([1, 2, 3, 4, 8, 16].map((c) => defaultJobs(c))).toEqual([1, 1, 2, 2, 5, 10])
  })
})
