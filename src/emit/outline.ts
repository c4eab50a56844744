import type { ArgumentMap } from '../model/types.js'
import { shortText } from './text.js'
import { forest, walkForest } from './tree.js'

export interface OutlineOptions {
  /** Longest unit text shown, in characters. Default 100. */
  width?: number
}

/**
 * The argument map as a plain-text outline: each root (conclusion first) and,
 * nested two spaces deeper, what supports (`+`) or attacks (`-`) it:
 *
 *     conclusion china-had-to-put-aside-1a2b3c: China had to put aside its differences.
 *       + claim china-stands-to-lose-in-4d5e6f: China stands to lose in both.
 *         - premise ...
 *
 * Used by `argmap map --format outline`, git textconv and the annotated trailer.
 */
export function toOutline(map: ArgumentMap, options: OutlineOptions = {}): string {
  return outlineLines(map, options).join('\n') + '\n'
}

/** The outline's lines (none holds a line break: shortText collapses white space), for callers that join them otherwise. */
export function outlineLines(map: ArgumentMap, options: OutlineOptions = {}): string[] {
  const width = options.width ?? 100
  const lines: string[] = []
  for (const { node, depth } of walkForest(forest(map))) {
    const sign = node.relation ? (node.relation.type === 'support' ? '+ ' : node.relation.type === 'attack' ? '- ' : '= ') : ''
    lines.push(`${'  '.repeat(depth)}${sign}${node.unit.role} ${node.unit.id}: ${shortText(node.unit.text, width)}`)
  }
  if (lines.length === 0) lines.push('(no argumentative units)')
  return lines
}
