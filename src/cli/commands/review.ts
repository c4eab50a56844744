import { execFileSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { basename, isAbsolute, relative, resolve } from 'node:path'
import { InputError, readSource } from '../../io/files.js'
import { expandInputs } from '../../engine/inputs.js'
import { analyze } from '../../pipeline.js'
import { acceptCorrections } from '../../review/accept.js'
import { checkAnnotated } from '../../review/check.js'
import { splitTrailer } from '../../read/trailer.js'
import { loadSidecarFor, reviewMap } from '../../review/run-hooks.js'
import { readSidecar, writeSidecar } from '../../review/files.js'
import { serializeSidecar, SidecarError, sidecarPath } from '../../review/sidecar.js'
import { documentStatus, formatStatus } from '../../review/status.js'
import { strip } from '../../read/strip.js'
import { EXIT, type Io, readInput } from '../context.js'

const isFile = (p: string): boolean => {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
}

/** The text of the source an annotated file names (or `--source`), when it is a readable file; for checking only. */
function sourceTextNamedBy(annotated: string, given: string | undefined, cwd: string): string | undefined {
  const path = given ?? splitTrailer(annotated).data?.path
  if (!path || path === '-') return undefined
  try {
    return readFileSync(resolve(cwd, path), 'utf8')
  } catch {
    return undefined
  }
}

/** Who and when, injectable for tests. */
export interface ReviewEnv {
  by?: () => string | undefined
  now?: () => Date
}

/** git config user.name, else $USER / $USERNAME, else unknown. */
export function whoAmI(cwd: string): string | undefined {
  try {
    const name = execFileSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 2000 }).trim()
    if (name) return name
  } catch {
    /* no git, or no name set */
  }
  return process.env.USER || process.env.USERNAME || undefined
}

export interface AcceptArgs {
  file: string
  /** The source the annotated file was made from; default: the path recorded in the file. */
  source?: string
  /** Print the sidecar instead of writing it. */
  dryRun?: boolean
}

/** `argmap review accept FILE`: record the reviewer's edits as corrections in the source's sidecar. */
export function reviewAccept(args: AcceptArgs, io: Io, env: ReviewEnv = {}): number {
  let annotated: string
  try {
    annotated = (args.file === '-' ? readInput('-', io) : readSource(args.file, undefined, resolve(io.cwd, args.file))).text
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr.write(`argmap: ${e.message}\n`)
      return EXIT.failed
    }
    throw e
  }
  const problems = checkAnnotated(annotated, sourceTextNamedBy(annotated, args.source, io.cwd))
  if (problems.length) {
    for (const p of problems) io.stderr.write(`${args.file}:${p.line}:${p.column}: ${p.reason} [${p.rule}]\n`)
    io.stderr.write('argmap: nothing was recorded; fix the file and accept again\n')
    return EXIT.failed
  }
  const first = acceptCorrections(annotated)
  const recorded = first.edited.source.path
  const source = args.source ?? recorded
  if (!source || source === '-') {
    io.stderr.write(`argmap: ${args.file}: the file does not say which source it was made from; pass --source PATH\n`)
    return EXIT.usage
  }
  const sourceAbs = resolve(io.cwd, source)
  if (args.source === undefined) {
    // The trailer's path is data from the file, not the user's word: a sidecar is only ever written beside a
    // source inside this directory, never where a crafted `path:` points (issue 19 #8).
    const inside = relative(io.cwd, sourceAbs)
    if (isAbsolute(source) || !inside || inside.startsWith('..') || isAbsolute(inside)) {
      io.stderr.write(`argmap: ${args.file}: the file names its source as ${JSON.stringify(source)}, outside this directory; nothing was recorded (run from the project's directory, or pass --source PATH)\n`)
      return EXIT.failed
    }
  }
  if (!isFile(sourceAbs)) {
    io.stderr.write(`argmap: ${args.file}: its source ${source} is not there; nothing was recorded (pass --source PATH)\n`)
    return EXIT.failed
  }
  const sidecarRel = sidecarPath(source)
  const sidecarAbs = resolve(io.cwd, sidecarRel)
  let existing
  try {
    existing = readSidecar(sidecarRel, sidecarAbs)
  } catch (e) {
    if (e instanceof SidecarError) {
      io.stderr.write(`argmap: ${e.message}\nargmap: nothing was recorded; fix the review file and accept again\n`)
      return EXIT.failed
    }
    throw e
  }
  if (existing?.problems.length) {
    for (const p of existing.problems) io.stderr.write(`argmap: ${sidecarRel}: correction ${p.index + 1}${p.id ? ` (${p.id})` : ''}: ${p.reason}\n`)
    io.stderr.write('argmap: nothing was recorded, so that the entries above are not lost; fix them and accept again\n')
    return EXIT.failed
  }
  if (readFileSync(sourceAbs, 'utf8') !== strip(annotated)) {
    io.stderr.write(`warning: ${args.file} was made from an older version of ${source}; corrections are keyed by sentence, so they still follow the text\n`)
  }
  const at = (env.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const by = env.by ? env.by() : whoAmI(io.cwd)
  const result = acceptCorrections(annotated, { existing: existing?.sidecar ?? null, by, at, source: basename(source) })
  for (const w of result.warnings) io.stderr.write(`warning: ${args.file}: ${w}\n`)
  if (args.dryRun) {
    io.stdout.write(serializeSidecar(result.sidecar))
    return EXIT.ok
  }
  if (!result.sidecar.corrections.length && !existing) {
    io.stdout.write(`${args.file}: no differences from the machine's map; nothing to record\n`)
    return EXIT.ok
  }
  try {
    writeSidecar(sidecarAbs, result.sidecar)
  } catch (e) {
    if (e instanceof InputError) {
      io.stderr.write(`argmap: ${e.message}\n`)
      return EXIT.failed
    }
    throw e
  }
  const n = result.sidecar.corrections.length
  io.stdout.write(
    `${sidecarRel}: ${n} correction${n === 1 ? '' : 's'} (${result.recorded.length} new or changed, ${result.dropped.length} dropped, ${result.orphaned.length} orphaned kept)\n`,
  )
  for (const c of result.recorded) {
    const was = c.machine ? `${c.machine.role}${c.machine.relation ? ` ${c.machine.relation.type}s ${c.machine.relation.to}` : ''}` : 'not a unit'
    const now = `${c.role}${c.relation ? ` ${c.relation.type}s ${c.relation.to}` : c.relation === null ? ' (no relation)' : ''}`
    io.stdout.write(`  ${c.id}: ${was} → ${now}\n`)
  }
  return EXIT.ok
}

/** `argmap review status [PATHS]`: per document, reviewed units, orphaned/flagged corrections, the review queue's head. */
export function reviewStatus(args: { paths: string[]; limit?: number }, io: Io): number {
  const inputs = expandInputs(args.paths.length ? args.paths : ['corpus'], io.cwd)
  let code: number = EXIT.ok
  for (const input of inputs) {
    try {
      if (input.path === '-') throw new InputError('-', 'review status reads files, not standard input', 'unreadable')
      const file = readSource(input.path, undefined, input.abs)
      const loaded = loadSidecarFor(input.path, input.abs)
      const machine = analyze(file.text, { path: input.path, sha256: file.sha256 })
      const { map, messages, result } = reviewMap(machine, file.text, loaded)
      io.stdout.write(formatStatus(documentStatus(input.path, map, result, loaded?.sidecar.corrections.length ?? 0, args.limit)))
      for (const m of messages) io.stdout.write(`  ${m}\n`)
      if (result?.invalid.length) code = EXIT.failed
    } catch (e) {
      if (e instanceof InputError || e instanceof SidecarError) {
        io.stderr.write(`argmap: ${e.message}\n`)
        code = EXIT.failed
      } else throw e
    }
  }
  return code
}

/** `argmap review serve [PATHS]`: the local review app; prints its URL and serves until interrupted. */
export async function reviewServe(args: { paths: string[]; port?: number }, io: Io): Promise<{ url: string; close: () => Promise<void> }> {
  const { serve } = await import('../../serve/server.js')
  const s = await serve({ paths: args.paths, cwd: io.cwd, port: args.port, by: whoAmI(io.cwd) })
  io.stdout.write(`argmap review: serving on ${s.url}\n(loopback only; the URL holds a secret: do not share it. Ctrl-C stops.)\n`)
  return s
}
