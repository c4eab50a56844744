/**
 * What the machine running the tests provides, decided once for every test
 * file: the workspace's `../shared` folder beside the checkout, Chromium, and
 * how many generated cases the fuzz and property tests try.
 *
 * A test that needs something absent is skipped (`describe.skipIf`), and
 * test/setup/global.ts prints one line saying what was skipped and why.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const repoRoot = resolve(import.meta.dirname, '..')

/** The workspace's shared folder (gold maps, texts, hand-checked segmentation); not in a clone elsewhere. */
export const sharedDir = resolve(repoRoot, '../shared')

/** The files of ../shared the tests read. All of them, or the tests that read them are skipped. */
export const SHARED_FILES = [
  'gold/microtexts.jsonl',
  'gold/microtexts2.jsonl',
  'segmentation/hard-cases.md',
  'segmentation/hard-cases.sentences.json',
  'segmentation/op-ed.sentences.json',
  'corpus/000_bda9ebc7a707ab4e.txt',
]
export const hasShared = SHARED_FILES.every((f) => existsSync(join(sharedDir, f)))

/** What the tests that need ../shared check: the line printed when they are skipped names these. */
export const SHARED_TESTS = [
  'eval on the microtexts gold (eval-cli)',
  'relate on the gold texts (relate)',
  'phrase matching on the gold texts (lexicon-match)',
  'segmentation against hand-checked boundaries (segment)',
]

/** Debian's Chromium, which the browser test drives. */
export const CHROMIUM = '/usr/bin/chromium'
/** .ci/run sets ARGMAP_REQUIRE_BROWSER=1: there a missing Chromium fails the browser test instead of skipping it. */
export const requireBrowser = process.env.ARGMAP_REQUIRE_BROWSER === '1'
export const hasBrowser = existsSync(CHROMIUM)

/** GNU parallel (Debian's `parallel`), which the many-machines JSONL test drives; .ci/run installs it. */
export const hasParallel = ['/usr/bin/parallel', '/usr/local/bin/parallel'].some((p) => existsSync(p))

/**
 * `npm run test:quick` (ARGMAP_QUICK=1): stages and fixtures only. Sweeps over
 * the spec examples, the READMEs in node_modules and the whole corpus are skipped
 * (vitest.quick.config.ts also leaves out the files that run the built binary).
 */
export const quick = process.env.ARGMAP_QUICK === '1'

/** Generated cases per fuzz or property test when ARGMAP_SEEDS is unset: 100, or 20 in a quick run (.ci/run sets the full counts). */
export const DEFAULT_SEEDS = quick ? 20 : 100

/**
 * How many generated cases a fuzz or property test whose full run is `full`
 * cases tries: at most ARGMAP_SEEDS (default DEFAULT_SEEDS), so the everyday suite stays
 * fast on a loaded machine; `.ci/run` sets ARGMAP_SEEDS=10000, which gives
 * every test its full count.
 */
export function seeds(full: number): number {
  const cap = Number(process.env.ARGMAP_SEEDS ?? DEFAULT_SEEDS)
  if (!Number.isInteger(cap) || cap < 1) throw new Error(`ARGMAP_SEEDS must be a positive whole number, got "${process.env.ARGMAP_SEEDS}"`)
  return Math.min(full, cap)
}

