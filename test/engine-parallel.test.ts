import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { orderedMap } from '../src/engine/pool.js'
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
