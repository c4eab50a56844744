/**
 * The worker-thread side of the pool (src/engine/pool.ts): one task is a
 * batch of corpus documents (or of JSON lines), each read, mapped and
 * written here by the same functions the sequential path uses, so output is
 * identical whichever thread ran it. The main thread sends only paths: reading, decoding and
 * hashing a source happen on the worker, and the source text never crosses
 * threads. A batch, not a document, per task: the pool's own cost per task
 * (a message each way, and tinypool's `process.memoryUsage()` call after
 * each task, which reads /proc) is paid once per batch.
 */
import { type CorpusFile, type DocumentDone, type EditPolicy, failureMessage, readCorpusFile, runDocument } from './write.js'
import { type JsonlLine, type JsonlResult, mapJsonLine } from './jsonl.js'

/** One document of a batch: where to read it (or, for standard input, its bytes read by the main thread) and its output name. */
export interface DocumentJob {
  path: string
  abs: string
  name: string
  file?: CorpusFile
}

/** A batch of corpus documents to map and write under `out` (or check), or a batch of JSON lines to map. */
export type WorkerTask =
  | { kind: 'documents'; jobs: DocumentJob[]; out: string; check: boolean; maxBytes: number; policy?: EditPolicy }
  | { kind: 'jsonl'; lines: JsonlLine[] }

/** A document's outcome as data: an error's class does not survive the thread boundary, so a failure is its message. */
export type DocumentOutcome = { doc: DocumentDone } | { failed: string }

export type WorkerResult = DocumentOutcome[] | JsonlResult[]

/** Read, map and write one document; never throws. Shared by the sequential run, so both report failures alike. */
export function runJob(job: DocumentJob, out: string, check: boolean, maxBytes: number, policy: EditPolicy = {}): DocumentOutcome {
  try {
    return { doc: runDocument(job.file ?? readCorpusFile(job.path, job.abs, maxBytes), job.name, out, check, policy) }
  } catch (e) {
    return { failed: failureMessage(job.path, e) }
  }
}

export default function work(task: WorkerTask): WorkerResult {
  if (task.kind === 'jsonl') return task.lines.map(mapJsonLine)
  return task.jobs.map((job) => runJob(job, task.out, task.check, task.maxBytes, task.policy))
}
