import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Writable } from 'node:stream'
import { readmeCorpus } from '../bench/inputs.js'
import type { Io } from '../src/cli/context.js'
import { parseMarkdown } from '../src/parse/index.js'
import { segment } from '../src/segment/index.js'
import { fold } from '../src/tag/text.js'

export { hasShared, repoRoot, sharedDir } from './env.js'
import { repoRoot } from './env.js'
export const opEdPath = join(repoRoot, 'corpus/china-north-korea.md')

export function tempDir(prefix = 'argmap-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

class Capture extends Writable {
  text = ''
  isTTY = false
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString()
    done()
  }
}

/** An injected Io whose streams are captured, for in-process command tests. */
export function captureIo(cwd: string, stdin = ''): Io & { out: () => string; err: () => string } {
  const stdout = new Capture()
  const stderr = new Capture()
  return { cwd, stdout, stderr, stdin: () => Buffer.from(stdin), out: () => stdout.text, err: () => stderr.text }
}

/** Small deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Every unit of the op-ed and of the README corpus, folded as the tagger reads it (thousands of real sentences). */
export function foldedUnitTexts(): string[] {
  const unitTexts = (markdown: string): string[] => segment(markdown, {}, parseMarkdown(markdown)).map((s) => fold(s.plain))
  return [readFileSync(opEdPath, 'utf8'), ...readmeCorpus(repoRoot).files.map((f) => f.text)].flatMap(unitTexts)
}

/** A deterministic pick in [0, k) (a fixed linear congruential generator: the same sequence on every run). */
export function seeded(seed: number): (k: number) => number {
  let state = seed
  return (k) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return (state >>> 8) % k
  }
}

/**
 * Run `fn` with the default model (the suites run the rules alone: vitest.config.ts sets ARGMAP_MODEL=rules);
 * for tests of what `argmap run` writes by default, such as the committed example in out/.
 */
export async function withDefaultModel<T>(fn: () => T | Promise<T>): Promise<T> {
  const saved = process.env.ARGMAP_MODEL
  delete process.env.ARGMAP_MODEL
  try {
    return await fn()
  } finally {
    if (saved !== undefined) process.env.ARGMAP_MODEL = saved
  }
}
