/**
 * A Mermaid flowchart GitHub renders in a ```mermaid block: one node per
 * argumentative unit (shortened, escaped label with role), a solid arrow
 * from a supporting unit to what it supports, a dashed red one for an
 * attack, a class per role. Laid out bottom-to-top (`flowchart BT`) so the
 * arrows point up and the conclusion sits at the top.
 */
import type { ArgumentMap } from '../model/types.js'
import { shortText } from './text.js'

export interface MermaidOptions {
  /** Longest label text, in characters. Default 60. */
  width?: number
}

/** Mermaid entity codes for everything that could end or reinterpret a quoted label. */
function escapeLabel(text: string): string {
  return text.replace(/[#"<>&`]/g, (c) => `#${c.charCodeAt(0)};`)
}

export function toMermaid(map: ArgumentMap, options: MermaidOptions = {}): string {
  const width = options.width ?? 60
  const out = [
    'flowchart BT',
    '  classDef conclusion fill:#fde68a,stroke:#b45309,stroke-width:2px,color:#111',
    '  classDef claim fill:#bfdbfe,stroke:#1d4ed8,color:#111',
    '  classDef premise fill:#e5e7eb,stroke:#4b5563,color:#111',
  ]
  const key = new Map<string, string>()
  for (const u of map.units) {
    if (u.role === 'none') continue
    const k = `n${key.size}`
    key.set(u.id, k)
    out.push(`  ${k}["${escapeLabel(`${u.role}: ${shortText(u.text, width)}`)}"]:::${u.role}`)
  }
  const attacks: number[] = []
  let link = 0
  for (const r of map.relations) {
    const from = key.get(r.from)
    const to = key.get(r.to)
    if (!from || !to) continue
    if (r.type === 'support') out.push(`  ${from} -->|supports| ${to}`)
    else if (r.type === 'restates') out.push(`  ${from} -.-|restates| ${to}`)
    else {
      out.push(`  ${from} -.->|attacks| ${to}`)
      attacks.push(link)
    }
    link++
  }
  if (attacks.length) out.push(`  linkStyle ${attacks.join(',')} stroke:#dc2626,stroke-width:2px,color:#dc2626`)
  return out.join('\n') + '\n'
}
