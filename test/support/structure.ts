import { assignIds } from '../../src/model/ids.js'
import { relate } from '../../src/relate/index.js'
import { segment } from '../../src/segment/index.js'
import { tag } from '../../src/tag/index.js'

/**
 * A text's structure in a form tests can read: each relation as
 * `first three words -type-> first three words`, and each unit as
 * `first three words: role`. Shared by the relate tests.
 */
export function structure(source: string): { edges: string[]; roles: string[] } {
  const segments = segment(source)
  const ids = assignIds(segments.map((s) => s.plain))
  const tagged = tag(segments, { paragraphCount: segments.at(-1)!.paragraph + 1, title: null })
  const head = (plain: string): string => plain.split(' ').slice(0, 3).join(' ')
  const text = new Map(segments.map((s, i) => [ids[i]!, head(s.plain)]))
  const edges = relate(segments, tagged, ids).map((r) => `${text.get(r.from)} -${r.type}-> ${text.get(r.to)}`)
  const roles = segments.map((s, i) => `${head(s.plain)}: ${tagged[i]!.role}`)
  return { edges, roles }
}
