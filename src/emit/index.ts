/** Emitters: each turns an ArgumentMap into text. They never analyse. */
import type { ArgumentMap } from '../model/types.js'
import { toAIF } from './aif.js'
import { toArgdown } from './argdown.js'
import { toJSON } from './json.js'
import { toMermaid } from './mermaid.js'
import { toReadableOutline } from './outline.js'

export { annotate } from './annotated.js'
export { toAIF, toAIFObject } from './aif.js'
export { toArgdown } from './argdown.js'
export { toJSON } from './json.js'
export { toMermaid } from './mermaid.js'
export { toOutline, toReadableOutline } from './outline.js'

/** `argmap map --format <name>` renderers. */
export const formats: Readonly<Record<'json' | 'aif' | 'argdown' | 'mermaid' | 'outline', (map: ArgumentMap) => string>> = Object.freeze({
  json: toJSON,
  aif: toAIF,
  argdown: toArgdown,
  mermaid: toMermaid,
  outline: (map: ArgumentMap) => toReadableOutline(map),
})
