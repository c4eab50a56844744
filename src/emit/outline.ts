import type { ArgumentMap } from '../model/types.js'
import { plainish, shortText } from './text.js'
import { forest, visitForest } from './tree.js'

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
  visitForest(forest(map), (node, depth) => {
    const sign = node.relation ? (node.relation.type === 'support' ? '+ ' : node.relation.type === 'attack' ? '- ' : '= ') : ''
    lines.push(`${'  '.repeat(depth)}${sign}${node.unit.role} ${node.unit.id}: ${shortText(node.unit.text, width)}`)
  })
  if (lines.length === 0) lines.push('(no argumentative units)')
  return lines
}

/** The short form of a unit id: its hash (and duplicate suffix), `china-stands-to-lose-in-e8f7d5` → `e8f7d5`. */
export function shortId(id: string): string {
  return /-([0-9a-f]{6}(?:-\d+)?)$/.exec(id)?.[1] ?? id
}

const SIGN: Readonly<Record<string, string>> = { support: '+ ', attack: '- ', restates: '= ' }

/** Greedy wrap of plain text at `width` columns (a longer word gets a line of its own). */
function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line) lines.push(line)
  return lines.length ? lines : ['']
}

/**
 * The outline people read (`argmap map --format outline`, the git textconv):
 * each unit's whole text, wrapped at `columns`, under a short id, so a
 * `git diff` of two versions shows the reworded words rather than a changed
 * hash and a cut-off sentence:
 *
 *     conclusion [1a2b3c] China had to put aside its differences.
 *       + claim [4d5e6f] China stands to lose in both.
 */
export function toReadableOutline(map: ArgumentMap, columns = 100): string {
  const lines: string[] = []
  visitForest(forest(map), (node, depth) => {
    const indent = '  '.repeat(depth)
    const sign = node.relation ? (SIGN[node.relation.type] ?? `${node.relation.type} `) : ''
    const head = `${indent}${sign}${node.unit.role} [${shortId(node.unit.id)}] `
    const body = wrapText(plainish(node.unit.text), Math.max(40, columns - head.length))
    lines.push(`${head}${body[0]}`)
    const hang = ' '.repeat(indent.length + sign.length + 4)
    for (const more of body.slice(1)) lines.push(`${hang}${more}`)
  })
  if (lines.length === 0) lines.push('(no argumentative units)')
  return `${lines.join('\n')}\n`
}
