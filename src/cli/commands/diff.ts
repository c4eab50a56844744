import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { basename, join, posix, resolve } from 'node:path'
import { diffDirectories, type NamedMap } from '../../diff/dir.js'
import { diffMaps } from '../../diff/diff.js'
import { formatJson } from '../../diff/format/json.js'
import { formatMarkdown, formatMarkdownDir } from '../../diff/format/markdown.js'
import { formatTerminal, formatTerminalDir } from '../../diff/format/terminal.js'
import {
  DiffInputError,
  isDirectory,
  loadAtRevision,
  loadDirectory,
  loadDirectoryAtRevision,
  loadFile,
  loadStdin,
  mergeBase,
  parseRange,
  repoPath,
} from '../../diff/load.js'
import type { ArgumentMap } from '../../model/types.js'
import { type Corrected, withReview, withReviewText } from '../../review/everywhere.js'
import { sidecarPath } from '../../review/sidecar.js'

/**
 * `argmap diff OLD NEW` and `argmap diff --git REV[..REV] PATH`: like diff(1),
 * exit 0 when the argument structure is the same, 1 when it differs, 2 on
 * error (the message names the file); `--quiet` prints nothing.
 */

export interface DiffArgs {
  old?: string
  new?: string
  /** REV (against the working tree), REV..REV, or REV...REV (from the merge base). */
  git?: string
  /** The path for --git (also accepted as `old`). */
  path?: string
  format?: 'terminal' | 'markdown' | 'json'
  quiet?: boolean
  ignoreRewording?: boolean
  /** false: never colour; true: always; unset: colour on a terminal unless NO_COLOR is set. */
  color?: boolean
  maxBytes?: number
  /** Apply each markdown side's review sidecar (default); false: the machine's maps (`--no-review`). */
  review?: boolean
}

export interface DiffIo {
  cwd: string
  stdout: { write(s: string): unknown; isTTY?: boolean }
  stderr: { write(s: string): unknown }
  isTTY?: boolean
  /** Reads all of standard input, for a `-` path. */
  stdin?: (maxBytes?: number) => Buffer
}

type Inputs =
  | { kind: 'file'; old: ArgumentMap; new: ArgumentMap }
  | { kind: 'dir'; oldLabel: string; newLabel: string; old: NamedMap[]; new: NamedMap[] }

class UsageError extends Error {}

export async function diffCommand(args: DiffArgs, io: DiffIo): Promise<number> {
  let inputs: Inputs
  try {
    inputs = args.git !== undefined ? await gitInputs(args, io.cwd) : fileInputs(args, io)
    if (args.review !== false) inputs = await reviewed(inputs, args, io)
  } catch (e) {
    if (e instanceof DiffInputError || e instanceof UsageError) {
      io.stderr.write(`argmap diff: ${e.message}\n`)
      return 2
    }
    throw e
  }
  const opts = { ignoreRewording: args.ignoreRewording ?? false }
  const format = args.format ?? 'terminal'
  const color = args.color ?? ((io.isTTY ?? io.stdout.isTTY ?? false) && !process.env.NO_COLOR)
  let same: boolean
  let text: string
  if (inputs.kind === 'file') {
    const diff = diffMaps(inputs.old, inputs.new, opts)
    same = diff.same
    text = format === 'json' ? formatJson(diff) : format === 'markdown' ? formatMarkdown(diff) : formatTerminal(diff, { color })
  } else {
    const diff = diffDirectories(inputs.oldLabel, inputs.newLabel, inputs.old, inputs.new, opts)
    same = diff.same
    text = format === 'json' ? formatJson(diff) : format === 'markdown' ? formatMarkdownDir(diff) : formatTerminalDir(diff, { color })
  }
  if (!args.quiet) io.stdout.write(text)
  return same ? 0 : 1
}

function fileInputs(args: DiffArgs, io: DiffIo): Inputs {
  const cwd = io.cwd
  if (!args.old || !args.new) throw new UsageError('expected two paths: argmap diff OLD NEW (or --git REV[..REV] PATH)')
  if (args.old === '-' && args.new === '-') throw new UsageError('only one of OLD and NEW can be - (standard input)')
  if (args.old === '-' || args.new === '-') {
    if (!io.stdin) throw new UsageError('standard input is not available')
    const stdin = loadStdin(io.stdin, args.maxBytes)
    const other = args.old === '-' ? args.new : args.old
    const map = loadFile(resolve(cwd, other), other, args.maxBytes)
    return args.old === '-' ? { kind: 'file', old: stdin, new: map } : { kind: 'file', old: map, new: stdin }
  }
  const oldAbs = resolve(cwd, args.old)
  let newAbs = resolve(cwd, args.new)
  let newPath = args.new
  const oldDir = isDirectory(oldAbs)
  const newDir = isDirectory(newAbs)
  if (oldDir && newDir) {
    return {
      kind: 'dir',
      oldLabel: args.old,
      newLabel: args.new,
      old: loadDirectory(oldAbs, args.old, args.maxBytes),
      new: loadDirectory(newAbs, args.new, args.maxBytes),
    }
  }
  if (oldDir) throw new DiffInputError(args.old, `is a directory but ${args.new} is not; compare two files or two directories`)
  if (newDir) {
    // like diff(1): FILE DIR compares FILE with DIR/FILE
    newPath = join(args.new, basename(args.old))
    newAbs = join(newAbs, basename(args.old))
  }
  return { kind: 'file', old: loadFile(oldAbs, args.old, args.maxBytes), new: loadFile(newAbs, newPath, args.maxBytes) }
}

async function gitInputs(args: DiffArgs, cwd: string): Promise<Inputs> {
  const path = args.path ?? args.old
  if (!path) throw new UsageError('--git needs a PATH: argmap diff --git REV[..REV] PATH')
  if (args.path && args.old) throw new UsageError('--git takes one PATH, not OLD and NEW')
  if (!args.path && args.new) throw new UsageError('--git takes one PATH, not OLD and NEW')
  const spec = args.git ?? ''
  if (!spec.trim() || spec.startsWith('-')) throw new UsageError(`invalid revision "${spec}", expected REV, REV..REV or REV...REV`)
  const range = parseRange(spec)
  const abs = resolve(cwd, path)
  const repo = await repoPath(abs)
  const oldRev = range.mergeBase ? await mergeBase(range.old, range.new!, repo.cwd) : range.old
  if (isDirectory(abs)) {
    const label = (rev: string): string => `${rev}:${repo.path || '.'}`
    return {
      kind: 'dir',
      oldLabel: label(range.old),
      newLabel: range.new ? label(range.new) : path,
      old: await loadDirectoryAtRevision(oldRev, repo, args.maxBytes),
      new: range.new ? await loadDirectoryAtRevision(range.new, repo, args.maxBytes) : loadDirectory(abs, path, args.maxBytes),
    }
  }
  return {
    kind: 'file',
    old: await loadAtRevision(oldRev, repo, args.maxBytes),
    new: range.new ? await loadAtRevision(range.new, repo, args.maxBytes) : loadFile(abs, path, args.maxBytes),
  }
}

// ---------------------------------------------------------------- corrections on both sides

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i

function gitShow(spec: string, cwd: string): Promise<string | null> {
  return new Promise((done) => {
    execFile('git', ['show', spec], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }, (err, stdout) => done(err ? null : stdout))
  })
}

/**
 * A markdown side's map with its sidecar applied: on disk, the sidecar beside
 * the file; at a git revision (`REV:path`), the sidecar at that revision.
 * Maps given as `.argmap.json` were written by `argmap run`, corrections applied.
 */
async function correct(map: ArgumentMap, cwd: string): Promise<Corrected> {
  const display = map.source.path
  if (!display || display === '-' || !MARKDOWN.test(display)) return { map, messages: [] }
  const rev = /^([^:]+):(.+)$/.exec(display)
  if (rev && !/^[A-Za-z]:[\\/]/.test(display)) {
    const [, r, path] = rev as unknown as [string, string, string]
    const root = (await new Promise<string>((done) => execFile('git', ['rev-parse', '--show-toplevel'], { cwd }, (e, out) => done(e ? cwd : String(out).trim()))))
    const text = await gitShow(`${r}:${path}`, root)
    if (text === null) return { map, messages: [] }
    const side = posix.join(posix.dirname(path), basename(sidecarPath(path)))
    return withReviewText(map, text, await gitShow(`${r}:${side}`, root), `${r}:${side}`)
  }
  let text: string
  try {
    text = readFileSync(resolve(cwd, display), 'utf8')
  } catch {
    return { map, messages: [] }
  }
  return withReview(map, text, display, cwd)
}

async function reviewed(inputs: Inputs, args: DiffArgs, io: DiffIo): Promise<Inputs> {
  const fix = async (map: ArgumentMap): Promise<ArgumentMap> => {
    const done = await correct(map, io.cwd)
    if (!args.quiet) for (const m of done.messages) io.stderr.write(`warning: ${m}\n`)
    return done.map
  }
  if (inputs.kind === 'file') return { ...inputs, old: await fix(inputs.old), new: await fix(inputs.new) }
  const all = async (files: NamedMap[]): Promise<NamedMap[]> => {
    const out: NamedMap[] = []
    for (const f of files) out.push({ ...f, map: await fix(f.map) })
    return out
  }
  return { ...inputs, old: await all(inputs.old), new: await all(inputs.new) }
}
