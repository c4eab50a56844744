/**
 * The hooks the corpus run uses: find a source's sidecar, apply it to the
 * machine's map, and say what happened. Reading the sidecar is separate from
 * applying it, so the per-document stage can stay free of file IO.
 */
import type { ArgumentMap } from '../model/types.js'
import { type ApplyResult, applyCorrections } from './apply.js'
import { type LoadedSidecar, readSidecar } from './files.js'
import { sidecarPath } from './sidecar.js'

export type { LoadedSidecar } from './files.js'

/**
 * The sidecar of a source file (`corpus/x.md` → `corpus/x.review.json`), or
 * null when it has none or the source is standard input. `path` is as given
 * (named in messages), `abs` where to read. Throws SidecarError when the
 * sidecar exists but is unusable (invalid JSON, unknown version).
 */
export function loadSidecarFor(path: string, abs = path): LoadedSidecar | null {
  if (path === '-') return null
  return readSidecar(sidecarPath(path), sidecarPath(abs))
}

/** Apply a loaded sidecar (or nothing) to a machine map; `messages` are warnings to print. */
export function reviewMap(map: ArgumentMap, source: string, loaded: LoadedSidecar | null): { map: ArgumentMap; messages: string[]; result: ApplyResult | null } {
  if (!loaded) return { map, messages: [], result: null }
  const result = applyCorrections(map, loaded.sidecar, source, { path: loaded.path, problems: loaded.problems })
  return { map: result.map, messages: result.messages, result }
}
