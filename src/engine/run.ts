import { realpathSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { type DocumentSummary, outputFiles } from './render.js'
import { type DocumentDone, type EditPolicy, failureMessage, writeOrCheck } from './write.js'
import { expandInputs, type Input } from './inputs.js'
import { DEFAULT_MAX_BYTES, decodeSource, InputError, removeStaleTemps } from '../io/files.js'
import { createPool, defaultJobs, orderedMap, runBatch } from './pool.js'
import { type DocumentJob, type DocumentOutcome, runJob, type WorkerResult, type WorkerTask } from './worker.js'
import { CLIENT_SCRIPT, PAGE_SCRIPT_FILE } from '../html/client.js'
import { renderCorpusPage } from '../html/corpus.js'

export interface RunOptions {
  /** Paths as given; resolved against `cwd`, recorded as given. */
  paths: readonly string[]
  cwd: string
  /** Standard input, for the path `-`. */
  stdin?: (maxBytes?: number) => Buffer
  out: string
  /** Compare with what is in `out` instead of writing. */
  check?: boolean
  /** Write (or check) `index.json` and `index.html` for the run's documents. Default true. */
  index?: boolean
  maxBytes?: number
  /** Overwrite annotated files that hold edits never accepted (`--discard-edits`); default: refuse them. */
  discardEdits?: boolean
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
  /** In check mode: annotated files holding edits that were never accepted. */
  pending: string[]
  /** Review corrections (in sidecars) that could not be applied; each was printed as a warning. */
  invalidCorrections: number
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
  const warnings: string[] = []
  const inputs = expandInputs(options.paths, options.cwd, out, warnings)
  const sources = new Set(inputs.filter((i) => i.path !== '-').map((i) => realOrResolved(i.abs)))
  if (options.check !== true) {
    // Temp files of a killed run: under the out dir, and beside the sources (a review sidecar's).
    removeStaleTemps(out)
    for (const dir of new Set(inputs.filter((i) => i.path !== '-').map((i) => dirname(i.abs)))) removeStaleTemps(dir, 0)
  }
  return { options, maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES, out, inputs, sources, result: { documents: [], errors: [], warnings, stale: [], invalidCorrections: 0, pending: [] } }
}

/**
 * The job for one input, after refusing outputs that would land on a source.
 * Standard input is read here (a worker cannot read the main thread's); a
 * file is read by whoever runs the job.
 */
function jobFor(c: Corpus, input: Input): DocumentJob {
  guard(outputFiles(input.name), c.out, c.sources)
  const job: DocumentJob = { path: input.path, abs: input.abs, name: input.name }
  if (input.path === '-' && c.options.stdin) job.file = { ...decodeSource('-', c.options.stdin(c.maxBytes), c.maxBytes), review: null }
  return job
}

/** Record one written (or checked) document; called in input order. */
function settle(c: Corpus, input: Input, index: number, outcome: DocumentOutcome): void {
  const { result, options } = c
  let event: FileEvent
  if ('doc' in outcome) {
    const doc = outcome.doc
    result.documents.push(doc.summary)
    result.warnings.push(...doc.warnings)
    result.stale.push(...doc.stale)
    result.pending.push(...doc.pending)
    result.invalidCorrections += doc.invalidCorrections
    event = { status: 'ok', input, result: doc, stale: doc.stale }
  } else {
    result.errors.push({ path: input.path, message: outcome.failed })
    event = { status: 'error', input, message: outcome.failed }
  }
  options.onFile?.(event, index, c.inputs.length)
}

function closeCorpus(c: Corpus): RunResult {
  if (c.options.index === false) return c.result
  const index = renderIndex(c.result.documents, c.result.errors)
  try {
    const page = renderCorpusPage(c.result.documents, c.result.errors)
    guard(['index.json', 'index.html', PAGE_SCRIPT_FILE], c.out, c.sources)
    const files = [
      { file: 'index.json', content: index },
      { file: 'index.html', content: page },
      // the document pages' one script, loaded from beside them (their CSP allows no inline script)
      { file: PAGE_SCRIPT_FILE, content: CLIENT_SCRIPT },
    ]
    c.result.stale.push(...writeOrCheck(files, c.out, c.options.check === true))
  } catch (e) {
    c.result.errors.push({ path: join(c.options.out, 'index.json'), message: e instanceof InputError ? e.message : String(e) })
  }
  return c.result
}

const policyOf = (options: RunOptions): EditPolicy => ({ discardEdits: options.discardEdits === true, outLabel: options.out })

/** The file-set pipeline: every input is read, mapped and written; a bad file is reported and the rest go on. */
export function runCorpus(options: RunOptions): RunResult {
  const c = openCorpus(options)
  const check = options.check === true
  c.inputs.forEach((input, index) => {
    let outcome: DocumentOutcome
    try {
      outcome = runJob(jobFor(c, input), c.out, check, c.maxBytes, policyOf(options))
    } catch (e) {
      outcome = { failed: failureMessage(input.path, e) }
    }
    settle(c, input, index, outcome)
  })
  return closeCorpus(c)
}

/**
 * Documents per task. A task's fixed cost (a message each way, and
 * tinypool's memory reading after each) is paid once per batch; a small
 * batch keeps the workers evenly loaded at the end of a corpus.
 */
const BATCH = 8

/**
 * Batches in flight per worker. Results are taken in input order, so a slow
 * batch at the head holds up the window: with a narrow one, one long
 * document can leave the other workers without work. A job in flight is a
 * path (the worker reads the file and writes the outputs), so a wide window
 * costs no memory that grows with the corpus.
 */
const WINDOW = 4

/** Inputs in runs of `size`, with the index of each run's first input. */
function* batches<T>(items: readonly T[], size: number): Generator<{ first: number; items: T[] }> {
  for (let i = 0; i < items.length; i += size) yield { first: i, items: items.slice(i, i + size) }
}

/**
 * `runCorpus` on `jobs` worker threads (default: the available cores). Files
 * are read by the workers, in batches handed out as workers free up (at most
 * `WINDOW × jobs` batches in flight), and reported in input order, so
 * output is byte for byte that of `runCorpus` and memory stays flat as the
 * corpus grows. With one job, or one file, it is `runCorpus` (no threads to
 * start).
 */
export async function runCorpusParallel(options: RunOptions & { jobs?: number }): Promise<RunResult> {
  const c = openCorpus(options)
  const jobs = Math.min(options.jobs ?? defaultJobs(), c.inputs.length)
  if (jobs <= 1) return runCorpus(options)
  const pool = await createPool<WorkerTask, WorkerResult>(jobs)
  const check = options.check === true
  try {
    // The guard runs here, where the sources are known; a refused input never reaches a worker.
    const start = async (batch: { items: Input[] }): Promise<DocumentOutcome[]> => {
      const outcomes: Array<DocumentOutcome | null> = []
      const sent: DocumentJob[] = []
      for (const input of batch.items) {
        try {
          sent.push(jobFor(c, input))
          outcomes.push(null)
        } catch (e) {
          outcomes.push({ failed: failureMessage(input.path, e) })
        }
      }
      const run = (jobs: DocumentJob[]) => pool.run({ kind: 'documents', jobs, out: c.out, check, maxBytes: c.maxBytes, policy: policyOf(options) }) as Promise<DocumentOutcome[]>
      const done = sent.length ? await runBatch(run, sent, (job, e): DocumentOutcome => ({ failed: failureMessage(job.path, e) })) : []
      let k = 0
      return outcomes.map((o) => o ?? done[k++]!)
    }
    for await (const { item, result } of orderedMap(batches(c.inputs, BATCH), start, jobs * WINDOW)) {
      item.items.forEach((input, i) => {
        // start() does not reject (a dead worker's batch is retried document by document); this is only defence.
        const outcome = result.ok ? result.value[i]! : { failed: failureMessage(input.path, result.error) }
        settle(c, input, item.first + i, outcome)
      })
    }
  } finally {
    await pool.close()
  }
  return closeCorpus(c)
}
