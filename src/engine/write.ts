/**
 * Writing (or checking) a document's outputs. Used by the main thread in a
 * sequential run and by each worker in a parallel one, so that a worker
 * writes what it rendered: the rendered text never crosses threads, and the
 * main thread's event loop is not blocked by writes while workers wait for
 * their next document.
 */
import { existsSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { type DocumentResult, type DocumentSummary, type Output, processDocument } from './render.js'
import { InputError, readSource, writeAllAtomic, type SourceFile } from '../io/files.js'
import { type LoadedSidecar, loadSidecarFor } from '../review/run-hooks.js'
import { hasPendingEdits } from '../review/edits.js'
import { SidecarError, sidecarPath } from '../review/sidecar.js'

/** A document mapped and written: what the run records and reports. */
export interface DocumentDone {
  name: string
  path: string
  summary: DocumentSummary
  warnings: string[]
  /** In check mode: outputs that differ from what is on disk, or are missing. */
  stale: string[]
  /** In check mode: annotated files holding a reviewer's edits that were never accepted (a run would refuse them). */
  pending: string[]
  /** Review corrections that could not be applied. */
  invalidCorrections: number
}

/** How a run treats an annotated file with unaccepted edits, and how it names the out dir in messages. */
export interface EditPolicy {
  /** Overwrite it anyway (`--discard-edits`). */
  discardEdits?: boolean
  /** The out dir as the user gave it (default: its absolute path). */
  outLabel?: string
}

function readOrNull(path: string): string | null {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return null
  }
}

/**
 * Nothing lost: an annotated file that would change and holds edits never
 * accepted is not overwritten. In check mode it is named; otherwise the
 * document fails (all its outputs left as they are), unless `discardEdits`.
 */
function pendingEdits(doc: DocumentResult, file: { text: string; review?: LoadedSidecar | null }, out: string, check: boolean, policy: EditPolicy): string[] {
  const annotated = doc.outputs.find((o) => o.file.endsWith('.annotated.md'))
  if (!annotated || policy.discardEdits) return []
  const target = join(out, annotated.file)
  if (!existsSync(target)) return []
  if (holds(target, whole(annotated.peek ?? annotated.content))) return []
  const existing = readOrNull(target)
  if (existing === null) return []
  const json = doc.outputs.find((o) => o.file.endsWith('.argmap.json'))
  const written = json ? readOrNull(join(out, json.file)) : null
  if (!hasPendingEdits(existing, written, file.review?.sidecar ?? null, file.text)) return []
  const label = join(policy.outLabel ?? out, annotated.file)
  if (check) return [label]
  throw new InputError(
    label,
    `holds edits that were never accepted, so it was not overwritten; record them with \`argmap review accept ${label}\`, or run with --discard-edits to drop them`,
    'write',
  )
}

/** An output's text, rendered now if it is a function: whole, or in pieces. */
function rendered(content: Output['content']): string | Iterable<string> {
  return typeof content === 'string' ? content : content()
}

/** An output's whole text (its pieces joined), to compare with what is on disk and then write. */
function whole(content: Output['content']): string {
  const made = rendered(content)
  return typeof made === 'string' ? made : [...made].join('')
}

/**
 * Whether `path` holds exactly the text, given whole or in pieces (compared piece by piece, none joined);
 * false when it is missing or unreadable.
 */
function holds(path: string, text: string | Iterable<string>): boolean {
  let bytes: Buffer
  try {
    bytes = readFileSync(path)
  } catch {
    return false
  }
  let at = 0
  for (const piece of typeof text === 'string' ? [text] : text) {
    const b = Buffer.from(piece, 'utf8')
    if (at + b.length > bytes.length || !b.equals(bytes.subarray(at, at + b.length))) return false
    at += b.length
  }
  return at === bytes.length
}

/**
 * Write `outputs` under `out` all or none (atomically), or in check mode
 * list those that differ. An output that already holds what would be
 * written is left alone: a re-run over an unchanged corpus rewrites nothing,
 * so modification times stay meaningful to make, watchers and rsync. Each
 * output is rendered as its turn comes and dropped once written (to its temp
 * file), so one large document's outputs are not all in memory at once.
 */
export function writeOrCheck(outputs: readonly Output[], out: string, check: boolean): string[] {
  const stale: string[] = []
  function* changed(): Generator<{ path: string; content: string | Iterable<string> }> {
    for (const o of outputs) {
      const target = join(out, o.file)
      if (!existsSync(target)) {
        // Nothing to compare with: a check need not render it, a write streams its pieces.
        if (check) stale.push(target)
        else yield { path: target, content: rendered(o.content) }
        continue
      }
      if (check) {
        // Compared piece by piece: nothing is written, so the pieces need not be joined.
        if (!holds(target, rendered(o.content))) stale.push(target)
        continue
      }
      // Rendered once, whole: compared with the file, and written if it differs.
      const content = whole(o.content)
      if (!holds(target, content)) yield { path: target, content }
    }
  }
  // All of a document's outputs or none: a full disk never leaves them half-updated. Regenerable, so not fsynced.
  writeAllAtomic(changed(), undefined, false)
  return stale
}

/** Map one document and write (or check) its outputs. The caller has refused targets that are sources. */
export function runDocument(file: SourceFile & { review?: LoadedSidecar | null }, name: string, out: string, check: boolean, policy: EditPolicy = {}): DocumentDone {
  const doc = processDocument(file, name)
  const pending = pendingEdits(doc, file, out, check, policy)
  const stale = writeOrCheck(doc.outputs, out, check)
  return { name: doc.name, path: doc.path, summary: doc.summary, warnings: doc.warnings, stale, pending, invalidCorrections: doc.invalidCorrections }
}

/** A source file read from disk with its review sidecar (if any): the input `runDocument` takes. */
export type CorpusFile = SourceFile & { review: LoadedSidecar | null }

/** Read a corpus input and its sidecar; throws InputError or SidecarError with a message for the user. */
export function readCorpusFile(path: string, abs: string, maxBytes: number): CorpusFile {
  const source = readSource(path, maxBytes, abs)
  // A source whose sidecar name would pass 255 bytes cannot have one (looking fails with ENAMETOOLONG).
  const review = Buffer.byteLength(basename(sidecarPath(abs))) > 255 ? null : loadSidecarFor(path, abs)
  return { ...source, review }
}

/**
 * What the run reports for a document that failed: the user's message, or
 * for a bug its one-line message (not the stack: index.json would differ
 * with the thread that ran the document, and a trace is no use to a reader).
 */
export function failureMessage(path: string, e: unknown): string {
  if (e instanceof InputError || e instanceof SidecarError) return e.message
  const message = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e)
  return `${path}: internal error (please report it): ${message.split('\n')[0]}`
}
