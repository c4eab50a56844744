import * as fs from 'node:fs'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { InputError, readCappedFd, writeAllAtomic, writeAtomic, type WriteFs } from '../src/io/files.js'
import { checkResources, MAX_NESTING, nestingDepth, sentenceMarks } from '../src/io/limits.js'
import { analyze } from '../src/pipeline.js'
import { tempDir } from './helpers.js'

/** A file system whose writes fail with `code` once `budget` bytes have been written (a disk filling up mid-write). */
function failingFs(budget: number, code = 'ENOSPC'): WriteFs & { written: number } {
  const state = { written: 0 }
  return Object.assign(state, {
    mkdirSync: fs.mkdirSync,
    openSync: fs.openSync,
    fsyncSync: fs.fsyncSync,
    closeSync: fs.closeSync,
    renameSync: fs.renameSync,
    unlinkSync: fs.unlinkSync,
    writeSync(fd: number, buffer: Buffer, offset: number, length: number): number {
      const room = budget - state.written
      if (room <= 0) throw Object.assign(new Error(`${code}: simulated`), { code })
      const n = fs.writeSync(fd, buffer, offset, Math.min(length, room, 1000))
      state.written += n
      return n
    },
  })
}

describe('writeAtomic / writeAllAtomic when the disk fills up mid-write', () => {
  it('leaves the target untouched and no temp file, with a clear message', () => {
    const dir = tempDir()
    const target = join(dir, 'doc.argmap.json')
    writeFileSync(target, 'old')
    const io = failingFs(2500)
    let error: unknown
    try {
      writeAtomic(target, 'x'.repeat(10_000), io)
    } catch (e) {
      error = e
    }
    expect(io.written).toBe(2500) // it did fail part-way, not at the start
    expect(error).toBeInstanceOf(InputError)
    expect((error as InputError).message).toBe(`${target}: cannot write output (ENOSPC): no space left on device`)
    expect(readFileSync(target, 'utf8')).toBe('old')
    expect(readdirSync(dir)).toEqual(['doc.argmap.json'])
  })

  it('writes a set of outputs all or none: a failure on the second leaves the first unchanged too', () => {
    const dir = tempDir()
    const a = join(dir, 'a.json')
    const b = join(dir, 'a.md')
    writeFileSync(a, 'old a')
    const io = failingFs(150)
    expect(() => writeAllAtomic([{ path: a, content: 'new a'.repeat(20) }, { path: b, content: 'new b'.repeat(20) }], io)).toThrow(
      `${b}: cannot write output (ENOSPC): no space left on device`,
    )
    expect(readFileSync(a, 'utf8')).toBe('old a')
    expect(readdirSync(dir)).toEqual(['a.json'])
    writeAllAtomic([{ path: a, content: 'new a' }, { path: b, content: 'new b' }])
    expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]).toEqual(['new a', 'new b'])
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'a.md'])
  })

  it('takes outputs rendered one at a time: each is written before the next is made, and a rendering error is passed on with nothing left behind', () => {
    const dir = tempDir()
    const a = join(dir, 'a.json')
    const b = join(dir, 'b.md')
    writeFileSync(a, 'old a')
    const seen: string[][] = []
    function* outputs(fail: boolean): Generator<{ path: string; content: string }> {
      yield { path: a, content: 'new a' }
      // The first output's temp file is on disk before the second is rendered (so it need not be held in memory).
      seen.push(readdirSync(dir).sort())
      if (fail) throw new RangeError('render failed')
      yield { path: b, content: 'new b' }
    }
    expect(() => writeAllAtomic(outputs(true), fs, false)).toThrow(RangeError)
    expect(seen[0]!.length).toBe(2)
    expect(readdirSync(dir)).toEqual(['a.json'])
    expect(readFileSync(a, 'utf8')).toBe('old a')
    writeAllAtomic(outputs(false), fs, false)
    expect([readFileSync(a, 'utf8'), readFileSync(b, 'utf8')]).toEqual(['new a', 'new b'])
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'b.md'])
  })

  it('syncs each file before the rename unless told the outputs are regenerable', () => {
    const dir = tempDir()
    const synced: number[] = []
    const io: WriteFs = { ...failingFs(Infinity), fsyncSync: (fd: number) => void synced.push(fd) }
    writeAllAtomic([{ path: join(dir, 'a'), content: 'a' }, { path: join(dir, 'b'), content: 'b' }], io)
    expect(synced.length).toBe(2)
    writeAllAtomic([{ path: join(dir, 'c'), content: 'c' }], io, false)
    expect(synced.length).toBe(2)
    expect(readFileSync(join(dir, 'c'), 'utf8')).toBe('c')
  })

  it('names other errno codes in words', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'file'), '')
    expect(() => writeAtomic(join(dir, 'file', 'out.json'), '{}')).toThrow(/cannot write output \((?:ENOTDIR|EEXIST)\): a/)
    mkdirSync(join(dir, 'dir.json'))
    expect(() => writeAtomic(join(dir, 'dir.json'), '{}')).toThrow(/dir\.json: cannot write output \(EISDIR\): is a directory$/)
    expect(readdirSync(dir).sort()).toEqual(['dir.json', 'file'])
  })
})

describe('readCappedFd (for standard input and pipes)', () => {
  it('stops one byte past the limit, and reads a short input whole', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'big'), Buffer.alloc(3000, 'a'))
    writeFileSync(join(dir, 'small'), 'small')
    const read = (name: string, max: number): Buffer => {
      const fd = fs.openSync(join(dir, name), 'r')
      try {
        return readCappedFd(fd, max)
      } finally {
        fs.closeSync(fd)
      }
    }
    expect(read('big', 1000).length).toBe(1001)
    expect(read('small', 1000).toString()).toBe('small')
  })
})

describe('resource limits checked before parsing', () => {
  it('estimates container nesting from line prefixes', () => {
    expect(nestingDepth('Plain text.\n\n    indented code\n')).toBe(0)
    expect(nestingDepth('> > > quoted\n')).toBe(3)
    expect(nestingDepth('- - 1. * + 2) item\n')).toBe(6)
    expect(nestingDepth('- a\n  - b\n    - c\n      - d\n')).toBe(4)
    expect(nestingDepth('>>>> x\n-not a list\n1.5 no\n***\n')).toBe(4)
    expect(nestingDepth(`${'> '.repeat(MAX_NESTING)}x`)).toBe(MAX_NESTING)
  })

  it('refuses nesting over the limit and allows it at the limit', () => {
    expect(checkResources(`${'> '.repeat(MAX_NESTING)}Deep.`, 4e9)).toBeNull()
    expect(checkResources(`${'- '.repeat(MAX_NESTING + 1)}Deep.`, 4e9)?.code).toBe('too-deep')
  })

  it('counts likely sentence ends', () => {
    expect(sentenceMarks('One. Two! Three? "Four." (Five.) Six… 七。 e.g. 3.5 end.')).toBe(9)
  })

  it('refuses a document that would not fit in the heap, naming the heap option', () => {
    const text = 'Go on. '.repeat(100_000)
    expect(checkResources(text, 4e9)).toBeNull()
    const limit = checkResources(text, 1e9)
    expect(limit?.code).toBe('too-large')
    expect(limit?.problem).toMatch(/^too large to map in memory: about 100000 sentences need about 2\.\d GB, more than the 0\.8 GB available; split the file, or raise Node's heap limit \(NODE_OPTIONS=--max-old-space-size=\d+\)$/)
  })
})

describe('cost grows linearly with the input', () => {
  const cpu = (f: () => unknown): number => {
    let best = Infinity
    for (let i = 0; i < 2; i++) {
      const t = process.cpuUsage()
      f()
      const u = process.cpuUsage(t)
      best = Math.min(best, u.user + u.system)
    }
    return best
  }
  /** One line of `n` short sentences (no paragraph breaks): the shape of the "single 50 MB line". */
  const line = (n: number): string => Array.from({ length: n }, (_, i) => `Step ${i} holds.`).join(' ')

  it('a single long line of sentences: 4x the text costs well under 16x the time', () => {
    analyze(line(500)) // warm up
    const small = cpu(() => analyze(line(1_000)))
    const large = cpu(() => analyze(line(4_000)))
    expect(large / small).toBeLessThan(9)
  }, 60_000)

  it('a single long line without a sentence end: 4x the text costs well under 16x the time', () => {
    const blob = (n: number): string => 'x'.repeat(n)
    analyze(blob(10_000))
    const small = cpu(() => analyze(blob(100_000)))
    const large = cpu(() => analyze(blob(400_000)))
    expect(large / small).toBeLessThan(9)
  }, 60_000)
})
