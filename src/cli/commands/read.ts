import type { ArgumentMap } from '../../model/types.js'
import { readAnnotated } from '../../read/read.js'
import { strip } from '../../read/strip.js'
import { withReview } from '../../review/everywhere.js'
import type { Io } from '../context.js'

/** `read`: an annotated file's map, with the sidecar beside the source it names applied (unless `review` is false). */
export function readReviewed(text: string, path: string, io: Io, review: boolean): ArgumentMap {
  const map = readAnnotated(text, path, { strict: true })
  const source = map.source.path
  if (!review || !source || source === '-' || source === path) return map
  const { map: reviewed, messages } = withReview(map, strip(text), source, io.cwd)
  for (const m of messages) io.stderr.write(`warning: ${m}\n`)
  return reviewed
}
