/**
 * Corrections everywhere: the one call every command that shows a map
 * (`map` and its exports, `annotate`, `read`, `diff`, the textconv outline)
 * makes to apply the document's review sidecar, so that what a reviewer fixed
 * stays fixed wherever the map is looked at. `--no-review` skips it.
 */
import { resolve } from 'node:path'
import type { ArgumentMap } from '../model/types.js'
import { loadSidecarFor, reviewMap } from './run-hooks.js'
import { parseSidecar, SidecarError } from './sidecar.js'

export interface Corrected {
  map: ArgumentMap
  /** Flagged, orphaned or invalid corrections, and a sidecar that could not be read: to print as warnings. */
  messages: string[]
}

/**
 * Apply the sidecar beside `path` (resolved against `cwd`) to `map`, made
 * from `source`. No sidecar (or standard input): the map as it is. An
 * unusable sidecar is a warning here, not a failure: the machine's map is
 * still worth showing, and the message says why it is not the reviewed one.
 */
export function withReview(map: ArgumentMap, source: string, path: string, cwd: string): Corrected {
  if (path === '-') return { map, messages: [] }
  try {
    const loaded = loadSidecarFor(path, resolve(cwd, path))
    const { map: reviewed, messages } = reviewMap(map, source, loaded)
    return { map: reviewed, messages }
  } catch (e) {
    if (e instanceof SidecarError) return { map, messages: [`${e.message}; showing the machine's map`] }
    throw e
  }
}

/** The same, for a sidecar's text read elsewhere (a git revision); null: none. */
export function withReviewText(map: ArgumentMap, source: string, sidecarText: string | null, label: string): Corrected {
  if (sidecarText === null) return { map, messages: [] }
  try {
    const { sidecar, problems } = parseSidecar(sidecarText, label)
    return reviewMap(map, source, { path: label, sidecar, problems })
  } catch (e) {
    if (e instanceof SidecarError) return { map, messages: [`${e.message}; showing the machine's map`] }
    throw e
  }
}
