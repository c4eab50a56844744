/**
 * The worker-thread side of the pool (src/engine/pool.ts): one task is one
 * document, mapped by the same pure functions the sequential path uses, so
 * output is identical whichever thread ran it.
 */
import { type DocumentDone, runDocument } from './emit.js'
import { InputError, type SourceFile } from './io.js'
import { type JsonlLine, type JsonlResult, mapJsonLine } from './jsonl.js'
import type { LoadedSidecar } from '../review/document.js'

/** A corpus document to map and write under `out` (or check), or a JSON line to map. */
export type WorkerTask =
  | { kind: 'document'; file: SourceFile & { review: LoadedSidecar | null }; name: string; out: string; check: boolean }
  | { kind: 'jsonl'; line: JsonlLine }

/** An InputError (an output that cannot be written) as data: an error's class does not survive the thread boundary. */
export interface WorkerInputError {
  inputError: { file: string; problem: string; code: InputError['code'] }
}

export type WorkerResult = DocumentDone | JsonlResult | WorkerInputError

export default function work(task: WorkerTask): WorkerResult {
  if (task.kind === 'jsonl') return mapJsonLine(task.line)
  try {
    return runDocument(task.file, task.name, task.out, task.check)
  } catch (e) {
    if (e instanceof InputError) return { inputError: { file: e.file, problem: e.problem, code: e.code } }
    throw e
  }
}
