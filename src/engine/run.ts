import { realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type DocumentSummary, outputFiles } from './document.js'
import { type DocumentDone, runDocument, writeOrCheck } from './emit.js'
import { expandInputs, type Input } from './inputs.js'
import { DEFAULT_MAX_BYTES, decodeSource, InputError, readSource, type SourceFile } from './io.js'
import { createPool, defaultJobs, orderedMap } from './pool.js'
import type { WorkerInputError } from './worker.js'
import { renderCorpusPage } from '../html/corpus.js'
import { type LoadedSidecar, loadSidecarFor } from '../review/document.js'
import { SidecarError } from '../review/sidecar.js'

export interface RunOptions {
  /** Paths as given; resolved against `cwd`, recorded as given. */
  paths: readonly string[]
  cwd: string
  /** Standard input, for the path `-`. */
  stdin?: (maxBytes?: number) => Buffer
  out: string
  /** Compare with what is in `out` instead of writing. */
  check?: boolean
  maxBytes?: number
  /** Called once per input, in input order, as soon as it is done. */
  onFile?: (event: FileEvent, index: number, total: number) => void
}

export type FileEvent =
  | { status: 'ok'; input: Input; result: DocumentDone; stale: string[] }
  | { status: 'error'; input: Input; message: string }

export interface RunResult {
  documents: DocumentSummary[]
  errors: Array<{ path: string; message: string }>
  warnings: string[]
  /** In check mode: output files that differ from a fresh run, or are missing. */
  stale: string[]
}

export const INDEX_SCHEMA = 'argmap-index/1'

export function renderIndex(documents: readonly DocumentSummary[], errors: RunResult['errors']): string {
  const totals = {
    documents: documents.length,
    units: { conclusion: 0, claim: 0, premise: 0, none: 0 },
    relations: { support: 0, attack: 0 },
    reviewed: 0,
    failed: errors.length,
  }
  for (const d of documents) {
    for (const k of Object.keys(totals.units) as Array<keyof typeof totals.units>) totals.units[k] += d.units[k]
    totals.relations.support += d.relations.support
    totals.relations.attack += d.relations.attack
    totals.reviewed += d.reviewed
  }
  return `${JSON.stringify({ schema: INDEX_SCHEMA, totals, documents, errors }, null, 2)}\n`
}

function realOrResolved(p: string): string {
  try {
    return realpathSync(p)
  } catch {
    return resolve(p)
  }
}

/** Refuse outputs that would land on a source file (checked before the document is mapped). */
function guard(files: readonly string[], out: string, sources: ReadonlySet<string>): void {
  for (const file of files) {
    const target = join(out, file)
    if (sources.has(realOrResolved(target))) throw new InputError(target, 'refusing to write an output over a source file; choose another --out', 'write')
  }
}

interface Corpus {
  options: RunOptions
  maxBytes: number
  out: string
  inputs: Input[]
  sources: Set<string>
  result: RunResult
}

function openCorpus(options: RunOptions): Corpus {
  const out = resolve(options.cwd, options.out)
  const inputs = expandInputs(options.paths, options.cwd, out)
  const sources = new Set(inputs.filter((i) => i.path !== '-').map((i) => realOrResolved(i.abs)))
  return { options, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, out, inputs, sources, result: { documents: [], errors: [], warnings: [], stale: [] } }
}

function readCorpusInput(c: Corpus, input: Input): SourceFile & { review: LoadedSidecar | null } {
  const { options, maxBytes } = c
  const file = input.path === '-' && options.stdin ? decodeSource('-', options.stdin(maxBytes), maxBytes) : readSource(input.path, maxBytes, input.abs)
  return { ...file, review: loadSidecarFor(input.path, input.abs) }
}

function errorMessage(input: Input, e: unknown): string {
  return e instanceof InputError || e instanceof SidecarError ? e.message : `${input.path}: ${(e as Error).stack ?? String(e)}`
}

/** Record one written (or checked) document; called in input order. */
function settle(c: Corpus, input: Input, index: number, outcome: { doc: DocumentDone } | { error: unknown }): void {
  const { result, options } = c
  let event: FileEvent
  try {
    if ('error' in outcome) throw outcome.error
    const doc = outcome.doc
    result.documents.push(doc.summary)
    result.warnings.push(...doc.warnings)
    result.stale.push(...doc.stale)
    event = { status: 'ok', input, result: doc, stale: doc.stale }
  } catch (e) {
    const message = errorMessage(input, e)
    result.errors.push({ path: input.path, message })
    event = { status: 'error', input, message }
  }
  options.onFile?.(event, index, c.inputs.length)
}

function closeCorpus(c: Corpus): RunResult {
  const index = renderIndex(c.result.documents, c.result.errors)
  try {
    const page = renderCorpusPage(c.result.documents, c.result.errors)
    guard(['index.json', 'index.html'], c.out, c.sources)
    c.result.stale.push(...writeOrCheck([{ file: 'index.json', content: index }, { file: 'index.html', content: page }], c.out, c.options.check === true))
  } catch (e) {
    c.result.errors.push({ path: join(c.options.out, 'index.json'), message: e instanceof InputError ? e.message : String(e) })
  }
  return c.result
}

/** The file-set pipeline: every input is read, mapped and written; a bad file is reported and the rest go on. */
export function runCorpus(options: RunOptions): RunResult {
  const c = openCorpus(options)
  c.inputs.forEach((input, index) => {
    let outcome: { doc: DocumentDone } | { error: unknown }
    try {
      guard(outputFiles(input.name), c.out, c.sources)
      outcome = { doc: runDocument(readCorpusInput(c, input), input.name, c.out, options.check === true) }
    } catch (error) {
      outcome = { error }
    }
    settle(c, input, index, outcome)
  })
  return closeCorpus(c)
}

/**
 * Documents in flight per worker. Results are taken in input order, so a slow
 * document at the head holds up the window: with a narrow one, one long
 * document can leave the other workers without work. A document in flight
 * holds only its source (outputs are written by the worker), so a wide
 * window costs little memory and none that grows with the corpus.
 */
const WINDOW = 16

/**
 * `runCorpus` on `jobs` worker threads (default: the available cores). Files
 * are read one at a time as workers free up (at most `16 × jobs` documents in
 * flight), and written and reported in input order, so output is byte for
 * byte that of `runCorpus` and memory stays flat as the corpus grows. With
 * one job, or one file, it is `runCorpus` (no threads to start).
 */
export async function runCorpusParallel(options: RunOptions & { jobs?: number }): Promise<RunResult> {
  const c = openCorpus(options)
  const jobs = Math.min(options.jobs ?? defaultJobs(), c.inputs.length)
  if (jobs <= 1) return runCorpus(options)
  const pool = await createPool(jobs)
  try {
    // The worker maps and writes the document (src/engine/emit.ts); the guard runs here, where the sources are known.
    const start = (input: Input): Promise<DocumentDone> => {
      guard(outputFiles(input.name), c.out, c.sources)
      const task = { kind: 'document' as const, file: readCorpusInput(c, input), name: input.name, out: c.out, check: options.check === true }
      return (pool.run(task) as Promise<DocumentDone | WorkerInputError>).then((r) => {
        if ('inputError' in r) throw new InputError(r.inputError.file, r.inputError.problem, r.inputError.code)
        return r
      })
    }
    let index = 0
    for await (const { item, result } of orderedMap(c.inputs, start, jobs * WINDOW)) {
      settle(c, item, index++, result.ok ? { doc: result.value } : { error: result.error })
    }
  } finally {
    await pool.close()
  }
  return closeCorpus(c)
}
