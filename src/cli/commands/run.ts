import type { Readable, Writable } from 'node:stream'
import { type FileEvent, type RunOptions, type RunResult, runCorpus, runCorpusParallel } from '../../engine/run.js'
import { EXIT, type Io } from '../context.js'

export interface RunArgs {
  paths: string[]
  out: string
  check?: boolean
  /** `--no-index`: write (or check) no `index.json` / `index.html`. */
  index?: boolean
  maxBytes?: number
  /** Worker threads (`--jobs`); default: the available cores. Output is the same for any number. */
  jobs?: number
  /** Overwrite annotated files holding edits never accepted (`--discard-edits`). */
  discardEdits?: boolean
  /** Read JSON lines `{"id","text"}` from standard input, write one map per line (`--jsonl`). */
  jsonl?: boolean
}

/** Io for `run`: standard input as a stream, for `--jsonl` (default `process.stdin`). */
export type RunIo = Io & { stdinStream?: () => Readable | AsyncIterable<Buffer | string> }

function bar(done: number, total: number, width = 24): string {
  const filled = total ? Math.round((done / total) * width) : width
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`
}

function line(event: FileEvent): string {
  if (event.status === 'error') return `✗ ${event.message}`
  const s = event.result.summary
  const u = s.units
  const tag = event.stale.length ? ' (stale)' : ''
  return `✓ ${event.input.path} → ${event.input.name}: ${u.conclusion + u.claim + u.premise} argumentative / ${u.conclusion + u.claim + u.premise + u.none} units, ${s.relations.support} support, ${s.relations.attack} attack${tag}`
}

function runOptions(args: RunArgs, io: Io): RunOptions {
  const tty = io.stderr.isTTY === true
  // Paths are recorded as given (relative to cwd), so the committed out/ is the same on every machine.
  const paths = args.paths.length ? args.paths : ['corpus']
  return {
    paths,
    cwd: io.cwd,
    stdin: io.stdin,
    out: args.out,
    check: args.check,
    index: args.index,
    discardEdits: args.discardEdits,
    maxBytes: args.maxBytes,
    onFile: (event, i, total) => {
      if (tty) {
        io.stderr.write(`\r\x1b[2K${bar(i + 1, total)} ${event.input.path}`)
        if (event.status === 'error' || i + 1 === total) io.stderr.write('\r\x1b[2K')
        if (event.status === 'error') io.stderr.write(`${line(event)}\n`)
      } else io.stderr.write(`${line(event)}\n`)
    },
  }
}

function report(args: RunArgs, io: Io, result: RunResult): number {
  for (const w of result.warnings) io.stderr.write(`warning: ${w}\n`)
  const rows = result.documents.map((d) => [
    d.name,
    String(d.units.conclusion),
    String(d.units.claim),
    String(d.units.premise),
    String(d.units.none),
    String(d.relations.support),
    String(d.relations.attack),
  ])
  const head = ['document', 'concl', 'claim', 'premise', 'none', 'support', 'attack']
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const fmt = (r: string[]): string => r.map((c, i) => (i ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ')
  if (rows.length) io.stdout.write(`${fmt(head)}\n${rows.map(fmt).join('\n')}\n`)
  io.stdout.write(
    `${result.documents.length} mapped, ${result.errors.length} failed${args.check ? `, ${result.stale.length} stale` : ''} → ${args.out}\n`,
  )
  if (args.check && result.pending.length) {
    io.stderr.write(
      `holding edits never accepted (record them with \`argmap review accept FILE\` first; \`argmap run\` would refuse to overwrite them):\n${result.pending.map((s) => `  ${s}`).join('\n')}\n`,
    )
  }
  if (args.check && result.stale.length) {
    io.stderr.write(`out of date (run \`argmap run\` to refresh):\n${result.stale.map((s) => `  ${s}`).join('\n')}\n`)
  }
  // A review correction that could not be applied fails the run, as it fails `review status`.
  return result.errors.length || result.invalidCorrections || (args.check && result.stale.length) ? EXIT.failed : EXIT.ok
}

/** `argmap run [PATHS...] [--out DIR] [--check]`, in this thread (no workers). */
export function runCommand(args: RunArgs, io: Io): number {
  return report(args, io, runCorpus(runOptions(args, io)))
}

/**
 * `argmap run [PATHS...] [--out DIR] [--check] [--jobs N] [--jsonl]`: the
 * corpus on `--jobs` worker threads, or JSON lines from standard input.
 */
export async function runCommandAsync(args: RunArgs, io: RunIo): Promise<number> {
  if (args.jobs !== undefined && (!Number.isInteger(args.jobs) || args.jobs < 1)) {
    io.stderr.write(`argmap run: --jobs must be a whole number of at least 1, got ${args.jobs}\n`)
    return EXIT.usage
  }
  if (args.jsonl) {
    if (args.paths.length || args.check) {
      io.stderr.write('argmap run: --jsonl reads standard input and writes standard output; it takes no PATHS and no --check\n')
      return EXIT.usage
    }
    // Loaded only on this path.
    const { runJsonl } = await import('../../engine/jsonl.js')
    const { defaultJobs } = await import('../../engine/pool.js')
    const input = io.stdinStream ? io.stdinStream() : process.stdin
    const summary = await runJsonl(input, io.stdout as Writable, {
      jobs: args.jobs ?? defaultJobs(),
      maxBytes: args.maxBytes,
    })
    if (summary.failed) io.stderr.write(`argmap run --jsonl: ${summary.mapped} mapped, ${summary.failed} failed (see the "error" lines)\n`)
    return summary.failed ? EXIT.failed : EXIT.ok
  }
  return report(args, io, await runCorpusParallel({ ...runOptions(args, io), jobs: args.jobs }))
}
