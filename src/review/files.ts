/** Reading and writing sidecar files (the only IO in src/review). */
import { readFileSync } from 'node:fs'
import { writeAtomic } from '../io/files.js'
import { type EntryProblem, parseSidecar, type Sidecar, SidecarError, serializeSidecar } from './sidecar.js'

export interface LoadedSidecar {
  path: string
  sidecar: Sidecar
  problems: EntryProblem[]
}

/** The sidecar at `path`, or null when there is none. Throws SidecarError when it exists but cannot be used. */
export function readSidecar(path: string, abs = path): LoadedSidecar | null {
  let text: string
  try {
    text = readFileSync(abs, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return null
    throw new SidecarError(path, `cannot read review file (${code ?? String(e)})`)
  }
  return { path, ...parseSidecar(text, path) }
}

/** Write atomically (temp file + rename): an interrupted write never leaves half a sidecar. */
export function writeSidecar(abs: string, sidecar: Sidecar): void {
  writeAtomic(abs, serializeSidecar(sidecar))
}
