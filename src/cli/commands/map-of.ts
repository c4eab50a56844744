import { accessSync } from 'node:fs'
import { resolve } from 'node:path'
import type { MapOf } from './reviewed.js'
import { analyze } from '../../pipeline.js'
import { sidecarPath } from '../../review/sidecar.js'
import type { Io } from '../context.js'

// The type lives with the reviewed map (./reviewed.ts), which this module loads on demand: one import direction.
export type { MapOf } from './reviewed.js'

/** The machine's map of a document. */
export const mapOf: MapOf = (text, path, sha256, parsed) => analyze(text, { path, sha256 }, parsed)

/**
 * The map `map` and `annotate` show for `path`: the machine's, with the
 * sidecar beside it applied (./reviewed.ts) unless `review` is false. The
 * review code (sidecar checks, matching units across edits, repairing the
 * forest: a tenth of the modules `map` loads) is loaded only when there is a
 * sidecar to apply; without one, applying it would return the machine's map
 * unchanged, with no message.
 */
export async function shownMapOf(io: Io, review: boolean, path: string): Promise<MapOf> {
  if (!review || !mayHaveSidecar(path, io.cwd)) return mapOf
  const { reviewedMapOf } = await import('./reviewed.js')
  return reviewedMapOf(io, true)
}

/**
 * False only when the sidecar is certainly absent: the one case (ENOENT) in
 * which reading it (src/review/files.ts) finds none. Anything else (there,
 * unreadable, a folder) is left to the review code and its messages.
 */
function mayHaveSidecar(path: string, cwd: string): boolean {
  if (path === '-') return false
  try {
    accessSync(sidecarPath(resolve(cwd, path)))
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ENOENT'
  }
}
