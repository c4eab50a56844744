import { isAbsolute, resolve } from 'node:path'
import { evaluate, GoldError } from '../../eval/index.js'
import { formatReport, type ReportFormat } from '../../eval/report.js'

export interface EvalArgs {
  gold: string
  format?: ReportFormat
  /** `--errors` (true: 20 units) or `--errors N` (a number, or the option's raw string). */
  errors?: boolean | number | string
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
  try {
    const result = evaluate(file)
    io.stdout.write(formatReport(result, { format, errors }))
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
