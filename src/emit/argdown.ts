/**
 * Argdown text: one statement per argumentative unit, titled by its stable
 * id (`[china-stands-to-lose-in-1a2b3c]: China stands to lose in both. #claim`),
 * roots first (the conclusion on top), and under each statement what
 * supports it (`<+`) or attacks it (`<-`), nested by indentation. A
 * restatement of the thesis is a second statement under the thesis's title
 * (Argdown's equivalence class).
 */
import type { ArgumentMap } from '../model/types.js'
import { plainish } from './text.js'
import { forest, visitForest } from './tree.js'

/** Backslash-escape everything Argdown's lexer treats as syntax inside statement text. */
function escapeText(text: string): string {
  return text.replace(/[\\@#*_[\]<>{}]|\/(?=[/*])|=(?==)|(?<==)=/g, (c) => `\\${c}`)
}

const title = (id: string): string => id.replace(/[[\]]/g, '')

export function toArgdown(map: ArgumentMap): string {
  const yamlString = (s: string): string => JSON.stringify(s).replace(/=/g, '\\u003d')
  const out: string[] = ['===', `title: ${yamlString(map.source.title ?? map.source.path)}`, `source: ${yamlString(map.source.path)}`, '===', '']
  let first = true
  visitForest(forest(map), (node, depth) => {
    if (depth === 0 && !first) out.push('')
    first = false
    const text = escapeText(plainish(node.unit.text))
    if (node.relation?.type === 'restates') {
      // Argdown's equivalence: a second statement under the same title belongs to the same equivalence class.
      out.push(`${'    '.repeat(depth)}[${title(node.relation.to)}]: ${text} #${node.unit.role} #restatement`)
      return
    }
    const arrow = node.relation ? (node.relation.type === 'support' ? '<+ ' : '<- ') : ''
    out.push(`${'    '.repeat(depth)}${arrow}[${title(node.unit.id)}]: ${text} #${node.unit.role}`)
  })
  return out.join('\n') + '\n'
}
