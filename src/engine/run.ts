import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { type DocumentResult, type DocumentSummary, processDocument } from './document.js'
import { expandInputs, type Input } from './inputs.js'
import { DEFAULT_MAX_BYTES, decodeSource, InputError, readSource, writeAtomic } from './io.js'

export interface RunOptions {
  /** Paths as given; resolved against `cwd`, recorded as given. */
  paths: readonly string[]
  cwd: string
  /** Standard input, for the path `-`. */
  stdin?: () => Buffer
  out: string
  /** Compare with what is in `out` instead of writing. */
  check?: boolean
  maxBytes?: number
  /** Called once per input, in input order, as soon as it is done. */
  onFile?: (event: FileEvent, index: number, total: number) => void
}

export type FileEvent =
  | { status: 'ok'; input: Input; result: DocumentResult; stale: string[] }
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

/** Write (or check) one document's outputs; never over a source file. */
function emit(outputs: ReadonlyArray<{ file: string; content: string }>, out: string, sources: ReadonlySet<string>, check: boolean): string[] {
  const stale: string[] = []
  for (const o of outputs) {
    const target = join(out, o.file)
    if (sources.has(realOrResolved(target))) throw new InputError(target, 'refusing to write an output over a source file; choose another --out', 'write')
    if (check) {
      if (!existsSync(target) || readFileSync(target, 'utf8') !== o.content) stale.push(target)
    } else writeAtomic(target, o.content)
  }
  return stale
}

/** The file-set pipeline: every input is read, mapped and written; a bad file is reported and the rest go on. */
export function runCorpus(options: RunOptions): RunResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES
  const out = resolve(options.cwd, options.out)
  const inputs = expandInputs(options.paths, options.cwd, out)
  const sources = new Set(inputs.filter((i) => i.path !== '-').map((i) => realOrResolved(i.abs)))
  const result: RunResult = { documents: [], errors: [], warnings: [], stale: [] }
  inputs.forEach((input, index) => {
    let event: FileEvent
    try {
      const file =
        input.path === '-' && options.stdin ? decodeSource('-', options.stdin(), maxBytes) : readSource(input.path, maxBytes, input.abs)
      const doc = processDocument(file, input.name)
      const stale = emit(doc.outputs, out, sources, options.check === true)
      result.documents.push(doc.summary)
      result.warnings.push(...doc.warnings)
      result.stale.push(...stale)
      event = { status: 'ok', input, result: doc, stale }
    } catch (e) {
      const message = e instanceof InputError ? e.message : `${input.path}: ${(e as Error).stack ?? String(e)}`
      result.errors.push({ path: input.path, message })
      event = { status: 'error', input, message }
    }
    options.onFile?.(event, index, inputs.length)
  })
  const index = renderIndex(result.documents, result.errors)
  result.stale.push(...emit([{ file: 'index.json', content: index }], out, sources, options.check === true))
  return result
}
