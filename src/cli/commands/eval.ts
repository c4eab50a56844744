import { isAbsolute, resolve } from 'node:path'
import { basename } from 'node:path'
import { evaluateSelected, GoldError, type GoldDoc, readGold, selectDocs } from '../../eval/index.js'
import { formatReport, type ReportFormat } from '../../eval/report.js'

export interface EvalArgs {
  gold: string
  format?: ReportFormat
  /** `--errors` (true: 20 units) or `--errors N` (a number, or the option's raw string). */
  errors?: boolean | number | string
  /** Only documents of these splits / sources (the gold's `split` and `source` fields). */
  split?: string[]
  source?: string[]
  /** Also report each source on its own. */
  bySource?: boolean
  /** K-fold cross-validation by document instead of scoring the current model. */
  cv?: number
}

export interface EvalIo {
  cwd: string
  stdout: NodeJS.WritableStream
  stderr: NodeJS.WritableStream
}

const FORMATS: readonly string[] = ['table', 'json', 'markdown']
export const DEFAULT_ERRORS = 20

function errorCount(value: EvalArgs['errors']): number | null {
  if (value === undefined || value === false) return 0
  if (value === true) return DEFAULT_ERRORS
  const n = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : null
}

/** `argmap eval --gold FILE.jsonl [--format table|json|markdown] [--errors [N]]` */
export async function evalCommand(opts: EvalArgs, io: EvalIo): Promise<number> {
  const format = opts.format ?? 'table'
  if (!FORMATS.includes(format)) {
    io.stderr.write(`argmap eval: unknown format "${String(format)}", expected table, json or markdown\n`)
    return 2
  }
  const errors = errorCount(opts.errors)
  if (errors === null) {
    io.stderr.write(`argmap eval: --errors expects a whole number, got "${String(opts.errors)}"\n`)
    return 2
  }
  if (!opts.gold) {
    io.stderr.write('argmap eval: missing --gold FILE.jsonl\n')
    return 2
  }
  const file = isAbsolute(opts.gold) ? opts.gold : resolve(io.cwd, opts.gold)
  if (opts.cv !== undefined && (!Number.isInteger(opts.cv) || opts.cv < 2)) {
    io.stderr.write(`argmap eval: --cv expects a whole number of folds, 2 or more, got "${String(opts.cv)}"\n`)
    return 2
  }
  try {
    const select = { splits: opts.split, sources: opts.source }
    if (opts.cv !== undefined) {
      const { crossValidate, formatCv } = await import('../../learn/cv.js')
      const docs = selectDocs(readGold(file), select)
      if (docs.length < opts.cv) throw new GoldError(`${file}: ${docs.length} documents cannot make ${opts.cv} folds`)
      const cv = crossValidate(docs, opts.cv, { progress: (m) => io.stderr.write(`argmap eval: ${m}\n`), file: basename(file) })
      io.stdout.write(formatCv(cv, basename(file), format))
      return 0
    }
    // The gold is read once; --by-source scores each source's documents from the same selection.
    const docs = selectDocs(readGold(file), select)
    if (!docs.length) throw new GoldError(`No documents in ${file} match the selected splits or sources`)
    io.stdout.write(formatReport(evaluateSelected(docs, basename(file)), { format, errors }))
    if (opts.bySource) {
      const bySource = new Map<string, GoldDoc[]>()
      for (const d of docs) {
        const key = d.source ?? '(none)'
        const group = bySource.get(key)
        if (group) group.push(d)
        else bySource.set(key, [d])
      }
      for (const source of [...bySource.keys()].sort()) {
        io.stdout.write(`\n## source: ${source}\n\n`)
        io.stdout.write(formatReport(evaluateSelected(bySource.get(source)!, basename(file)), { format, errors: 0 }))
      }
    }
    return 0
  } catch (error) {
    if (error instanceof GoldError) {
      // A gold file that cannot be read or is invalid is an input that failed (1), not a usage error (2).
      io.stderr.write(`argmap eval: ${error.message}\n`)
      return 1
    }
    throw error
  }
}
