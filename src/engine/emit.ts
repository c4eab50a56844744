/**
 * Writing (or checking) a document's outputs. Used by the main thread in a
 * sequential run and by each worker in a parallel one, so that a worker
 * writes what it rendered: the rendered text never crosses threads, and the
 * main thread's event loop is not blocked by writes while workers wait for
 * their next document.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type DocumentResult, type DocumentSummary, processDocument } from './document.js'
import { writeAllAtomic, type SourceFile } from './io.js'
import type { LoadedSidecar } from '../review/document.js'

/** A document mapped and written: what the run records and reports. */
export interface DocumentDone {
  name: string
  path: string
  summary: DocumentSummary
  warnings: string[]
  /** In check mode: outputs that differ from what is on disk, or are missing. */
  stale: string[]
}

/** Write `outputs` under `out` all or none (atomically), or in check mode list those that differ. */
export function writeOrCheck(outputs: DocumentResult['outputs'], out: string, check: boolean): string[] {
  const stale: string[] = []
  const writes: Array<{ path: string; content: string }> = []
  for (const o of outputs) {
    const target = join(out, o.file)
    if (check) {
      if (!existsSync(target) || readFileSync(target, 'utf8') !== o.content) stale.push(target)
    } else writes.push({ path: target, content: o.content })
  }
  // All of a document's outputs or none: a full disk never leaves them half-updated. Regenerable, so not fsynced.
  writeAllAtomic(writes, undefined, false)
  return stale
}

/** Map one document and write (or check) its outputs. The caller has refused targets that are sources. */
export function runDocument(file: SourceFile & { review?: LoadedSidecar | null }, name: string, out: string, check: boolean): DocumentDone {
  const doc = processDocument(file, name)
  const stale = writeOrCheck(doc.outputs, out, check)
  return { name: doc.name, path: doc.path, summary: doc.summary, warnings: doc.warnings, stale }
}
