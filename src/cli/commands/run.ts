import { type FileEvent, runCorpus } from '../../engine/run.js'
import { EXIT, type Io } from '../context.js'

export interface RunArgs {
  paths: string[]
  out: string
  check?: boolean
  maxBytes?: number
}

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

/** `argmap run [PATHS...] [--out DIR] [--check]` */
export function runCommand(args: RunArgs, io: Io): number {
  const tty = io.stderr.isTTY === true
  // Paths are recorded as given (relative to cwd), so the committed out/ is the same on every machine.
  const paths = args.paths.length ? args.paths : ['corpus']
  const result = runCorpus({
    paths,
    cwd: io.cwd,
    stdin: io.stdin,
    out: args.out,
    check: args.check,
    maxBytes: args.maxBytes,
    onFile: (event, i, total) => {
      if (tty) {
        io.stderr.write(`\r\x1b[2K${bar(i + 1, total)} ${event.input.path}`)
        if (event.status === 'error' || i + 1 === total) io.stderr.write('\r\x1b[2K')
        if (event.status === 'error') io.stderr.write(`${line(event)}\n`)
      } else io.stderr.write(`${line(event)}\n`)
    },
  })
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
  if (args.check && result.stale.length) {
    io.stderr.write(`out of date (run \`argmap run\` to refresh):\n${result.stale.map((s) => `  ${s}`).join('\n')}\n`)
  }
  return result.errors.length || (args.check && result.stale.length) ? EXIT.failed : EXIT.ok
}
