/**
 * The worker-thread side of the pool (src/engine/pool.ts): one task is one
 * document, mapped by the same pure functions the sequential path uses, so
 * output is identical whichever thread ran it.
 */
import { type DocumentResult, processDocument } from './document.js'
import type { SourceFile } from './io.js'
import { type JsonlLine, type JsonlResult, mapJsonLine } from './jsonl.js'

export type WorkerTask = { kind: 'document'; file: SourceFile; name: string } | { kind: 'jsonl'; line: JsonlLine }

export type WorkerResult = DocumentResult | JsonlResult

export default function work(task: WorkerTask): WorkerResult {
  return task.kind === 'document' ? processDocument(task.file, task.name) : mapJsonLine(task.line)
}
