import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import type * as CommandModule from '../src/cli/commands/run.js'
import { batchLines, mapJsonLine, readLines } from '../src/engine/jsonl.js'
import { captureIo, opEdPath, repoRoot, tempDir } from './helpers.js'
import { quick } from './env.js'

// With --jobs 2 the lines are mapped on worker threads, which run dist/ (see engine-parallel.test.ts).
const dist = (p: string) => pathToFileURL(join(repoRoot, 'dist', p)).href
const { runCommandAsync } = (await import(dist('cli/commands/run.js'))) as typeof CommandModule

const opEd = readFileSync(opEdPath, 'utf8')
const input = [
  JSON.stringify({ id: 'op-ed', text: opEd }),
  '',
  JSON.stringify({ id: 2, text: 'Taxes should rise, because schools need money. Therefore we must vote yes.' }),
  '{"id": "broken", "text": ',
  JSON.stringify({ id: 'no-text' }),
  JSON.stringify({ id: 'empty', text: '' }),
  '[1, 2]',
  `${JSON.stringify({ id: 'crlf', text: 'A first sentence.\r\nA second one.' })}\r`,
].join('\n')

async function run(jobs: number, stdin: string | Buffer) {
  const io = { ...captureIo(tempDir()), stdinStream: () => Readable.from([Buffer.from(stdin)]) }
  const code = await runCommandAsync({ paths: [], out: 'out', jsonl: true, jobs }, io)
  return { code, lines: io.out().split('\n'), err: io.err() }
}

describe('argmap run --jsonl', { timeout: 30_000 }, () => {
  it('writes one map per document line, in input order, and an error line in place of each bad line; exit 1', async () => {
    const { code, lines, err } = await run(1, input)
    expect(code).toBe(1)
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(7)
    const objs = lines.map((l) => JSON.parse(l))
    expect(objs.map((o) => o.source?.path ?? `error ${o.line}`)).toEqual(['op-ed', '2', 'error 4', 'error 5', 'empty', 'error 7', 'crlf'])
    expect(objs[2]).toEqual({ id: null, line: 4, error: expect.stringMatching(/^invalid JSON/) })
    expect(objs[3]).toEqual({ id: 'no-text', line: 5, error: '"text" must be a string' })
    expect(objs[5]).toEqual({ id: null, line: 7, error: 'expected a JSON object {"id", "text"}' })
    expect(objs[4].units).toEqual([])
    expect(err).toContain('4 mapped, 3 failed')
  })

  it('gives each map line the map `argmap map` gives for that text (compact, same key order)', async () => {
    const { lines } = await run(1, input)
    const { analyze } = await import(dist('pipeline.js'))
    const { toJSON } = await import(dist('emit/json.js'))
    const expected = toJSON(analyze(opEd, { path: 'op-ed' }))
    expect(lines[0]).toBe(JSON.stringify(JSON.parse(expected)))
    expect(JSON.parse(lines[0]!).units.some((u: { role: string }) => u.role === 'conclusion')).toBe(true)
  })

  it.skipIf(quick)('writes the same lines on worker threads', async () => {
    const one = await run(1, input)
    const two = await run(2, input)
    expect(two.lines).toEqual(one.lines)
    expect(two.code).toBe(1)
  })

  it('exits 0 when every line maps, and refuses PATHS', async () => {
    const ok = await run(1, `${JSON.stringify({ id: 'a', text: 'One. Two.' })}\n`)
    expect(ok.code).toBe(0)
    expect(ok.err).toBe('')
    const io = captureIo(tempDir())
    expect(await runCommandAsync({ paths: ['corpus'], out: 'out', jsonl: true }, io)).toBe(2)
    expect(io.err()).toContain('--jsonl reads standard input')
  })
})

describe('readLines', () => {
  it('splits lines across chunk boundaries, strips CR, skips blank lines, numbers lines from 1', async () => {
    const chunks = ['{"a":', '1}\r\n\n  \n{"b"', ':2}\n{"c":3}'].map((s) => Buffer.from(s))
    const got: Array<[number, string]> = []
    for await (const l of readLines(Readable.from(chunks))) got.push([l.n, Buffer.from(l.bytes as Buffer).toString()])
    expect(got).toEqual([
      [1, '{"a":1}'],
      [4, '{"b":2}'],
      [5, '{"c":3}'],
    ])
  })

  it('reports a line over the size limit without holding it, and goes on', async () => {
    const long = `{"id":"x","text":"${'a'.repeat(100)}"}`
    const lines = []
    for await (const l of readLines(Readable.from([Buffer.from(`${long}\n{"id":"y","text":"Hi."}\n`)]), 50)) lines.push(l)
    expect(lines.map((l) => l.n)).toEqual([1, 2])
    expect(JSON.parse(mapJsonLine(lines[0]!).line)).toEqual({ id: null, line: 1, error: 'line is 120 bytes, over the size limit (raise it with --max-size)' })
    expect(JSON.parse(mapJsonLine(lines[1]!).line).source.path).toBe('y')
  })

  it('reports invalid UTF-8 as an error line', () => {
    expect(JSON.parse(mapJsonLine({ n: 3, bytes: Buffer.from([0x7b, 0xff, 0x7d]) }).line)).toEqual({ id: null, line: 3, error: 'invalid UTF-8; expected a JSON object {"id", "text"}' })
  })
})

describe('batchLines', () => {
  const line = (n: number) => ({ n, bytes: Buffer.from(`{"id":${n},"text":"T."}`) })

  it('batches the lines already read, up to the size, and does not wait for the next one', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const events: string[] = []
    async function* source() {
      for (let n = 1; n <= 11; n++) yield line(n)
      events.push('waiting for input')
      await gate
      yield line(12)
    }
    const got: number[][] = []
    for await (const batch of batchLines(source(), 8)) {
      got.push(batch.map((l) => l.n))
      events.push(`batch ${batch.map((l) => l.n).join(',')}`)
      // The lines read so far are handed on before more input arrives.
      if (batch.some((l) => l.n === 11)) release()
    }
    expect(got).toEqual([[1, 2, 3, 4, 5, 6, 7, 8], [9, 10, 11], [12]])
    expect(events.indexOf('batch 9,10,11')).toBeGreaterThan(events.indexOf('waiting for input'))
  })

  it('closes a batch at the byte bound, and passes a line alone when input comes one line at a time', async () => {
    async function* slow() {
      for (let n = 1; n <= 3; n++) {
        await new Promise((r) => setTimeout(r, 5))
        yield line(n)
      }
    }
    const sizes: number[] = []
    for await (const batch of batchLines(slow(), 8)) sizes.push(batch.length)
    expect(sizes).toEqual([1, 1, 1])
    async function* quick() {
      for (let n = 1; n <= 5; n++) yield line(n)
    }
    const bounded: number[] = []
    for await (const batch of batchLines(quick(), 8, 40)) bounded.push(batch.length)
    expect(bounded).toEqual([2, 2, 1])
  })
})

describe('argmap run --jsonl answers each line when it is done (issue 19 item 5)', { timeout: 30_000 }, () => {
  it('writes the map of the first line while the input stays open, on worker threads', async () => {
    const { PassThrough } = await import('node:stream')
    const stdin = new PassThrough()
    const io = { ...captureIo(tempDir()), stdinStream: () => stdin }
    const done = runCommandAsync({ paths: [], out: 'out', jsonl: true, jobs: 2 }, io)
    stdin.write(`${JSON.stringify({ id: 'first', text: 'We should act now. It is late.' })}\n`)
    const deadline = Date.now() + 15_000
    while (!io.out().includes('"first"') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    const answered = io.out().includes('"first"')
    stdin.end()
    expect(await done).toBe(0)
    expect(answered).toBe(true)
  })

  it('applies the file limits to each line: nesting and inline nesting give an error line, the same with one or two workers', async () => {
    const lines = [
      JSON.stringify({ id: 'lists', text: `${'- '.repeat(5000)}x` }),
      JSON.stringify({ id: 'footnote', text: `[^1]\n\n[^1]: ${'- '.repeat(4000)}x` }),
      JSON.stringify({ id: 'stars', text: `${'*'.repeat(4000)}a${'*'.repeat(4000)}` }),
      JSON.stringify({ id: 'ok', text: 'Fine.' }),
    ].join('\n')
    const one = await run(1, lines)
    const two = await run(2, lines)
    expect(two.lines).toEqual(one.lines)
    expect(one.code).toBe(1)
    expect(one.lines.slice(0, 3).map((l) => JSON.parse(l).error)).toEqual([
      expect.stringMatching(/^block quotes or lists nested more than 256 levels/),
      expect.stringMatching(/^block quotes or lists nested more than 256 levels/),
      expect.stringMatching(/^emphasis nested more than 256 levels/),
    ])
  })
})
