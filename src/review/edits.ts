/**
 * Whether an annotated file in the out dir holds a reviewer's edits that
 * were never accepted, so that `argmap run` would lose them by rewriting it.
 * Fast path: the file's marks say exactly what the map written beside it
 * (`<name>.argmap.json`, the same run's) says. Otherwise the edits are
 * pending unless `review accept` would record nothing new (they were
 * accepted), and a file `review accept` would refuse (a typo in a mark)
 * holds edits too. Pure.
 */
import type { ArgumentMap } from '../model/types.js'
import { readAnnotated } from '../read/read.js'
import { TRAILER_OPEN } from '../syntax/annotation.js'
import { acceptCorrections } from './accept.js'
import { checkAnnotated } from './check.js'
import type { Sidecar } from './sidecar.js'

const LITERAL_MARK_ANY = /:(?:conclusion|claim|premise)\b/

function fingerprint(map: Pick<ArgumentMap, 'units' | 'relations'>): string {
  const units = map.units.filter((u) => u.role !== 'none').map((u) => `${u.id} ${u.role} ${u.start.offset} ${u.end.offset}`)
  const relations = map.relations.map((r) => `${r.from} ${r.type} ${r.to}`)
  return `${units.sort().join('\n')}\n--\n${relations.sort().join('\n')}`
}

/** True when `annotated` holds edits not recorded in `sidecar`; `written` is the map JSON written beside it, if any. */
export function hasPendingEdits(annotated: string, written: string | null, sidecar: Sidecar | null, source?: string): boolean {
  // No trailer and no mark: not argmap's output at all (nor a reviewer's edit of it); nothing of a review to lose.
  if (!annotated.includes(TRAILER_OPEN) && !LITERAL_MARK_ANY.test(annotated)) return false
  try {
    if (written !== null) {
      const map = JSON.parse(written) as ArgumentMap
      if (Array.isArray(map.units) && Array.isArray(map.relations) && fingerprint(readAnnotated(annotated)) === fingerprint(map)) return false
    }
    if (checkAnnotated(annotated, source).length) return true
    return acceptCorrections(annotated, { existing: sidecar }).recorded.length > 0
  } catch {
    // Unreadable as an annotated file: not ours to overwrite without being told.
    return true
  }
}
