import type { ArgumentDiff, RelationRef, UnitChange } from '../types.js'
import { indexDiff, isChanged, snippet } from './common.js'

/**
 * Mermaid flowchart of the new map, with the removed units and relations
 * drawn dashed so the change is visible: nodes are classed added / removed /
 * changed, edges coloured by `linkStyle`; the conclusion is drawn as a stadium. `flowchart BT` so that, with edges
 * running from a reason to what it supports, the conclusion sits on top.
 * Support is `-->`, attack `--x`; removed edges are dotted.
 */

const CLASSES = [
  'classDef added fill:#dafbe1,stroke:#1a7f37,color:#0f2e17',
  'classDef removed fill:#ffebe9,stroke:#cf222e,color:#4c0d0d,stroke-dasharray:5 4',
  'classDef changed fill:#fff8c5,stroke:#9a6700,color:#3b2300',
]
const EDGE_STYLE = {
  added: 'stroke:#1a7f37,stroke-width:2.5px',
  removed: 'stroke:#cf222e,stroke-width:1.5px',
  changed: 'stroke:#9a6700,stroke-width:2.5px',
} as const

export function mermaid(diff: ArgumentDiff): string[] {
  const index = indexDiff(diff)
  const nodeOf = new Map<UnitChange, string>()
  const lines: string[] = ['flowchart BT']
  const declared = new Set<string>()
  const node = (c: UnitChange | undefined): string | null => {
    if (!c) return null
    let id = nodeOf.get(c)
    if (!id) {
      id = c.new ? `n${c.new.index}` : `r${c.old!.index}`
      nodeOf.set(c, id)
    }
    if (!declared.has(id)) {
      declared.add(id)
      const ref = c.new ?? c.old!
      const cls = c.status === 'added' ? 'added' : c.status === 'removed' ? 'removed' : isChanged(c) ? 'changed' : null
      const text = label(`${ref.role}: ${snippet(ref.text, 60)}`)
      // the conclusion is a stadium, other units boxes; the class says what changed
      const shape = ref.role === 'conclusion' ? `(["${text}"])` : `["${text}"]`
      lines.push(`  ${id}${shape}${cls ? `:::${cls}` : ''}`)
    }
    return id
  }
  // nodes: the new argument, then what was removed from it
  for (const c of diff.units) {
    const ref = c.new ?? c.old!
    if (ref.role !== 'none' || (c.old && c.old.role !== 'none')) node(c)
  }

  const styles: string[] = []
  let edge = 0
  const draw = (r: RelationRef, side: 'old' | 'new', kind: keyof typeof EDGE_STYLE | null): void => {
    const by = side === 'old' ? index.byOld : index.byNew
    const from = node(by.get(r.from))
    const to = node(by.get(r.to))
    if (!from || !to) return
    const arrow = kind === 'removed' ? (r.type === 'attack' ? '-.-x' : '-.->') : r.type === 'attack' ? '--x' : '-->'
    lines.push(`  ${from} ${arrow} ${to}`)
    if (kind) styles.push(`  linkStyle ${edge} ${EDGE_STYLE[kind]}`)
    edge++
  }
  for (const r of diff.relations) {
    if (r.new) draw(r.new, 'new', r.status === 'unchanged' ? null : r.status === 'added' ? 'added' : 'changed')
  }
  for (const r of diff.relations) if (r.old && (r.status === 'removed' || r.status === 'retargeted')) draw(r.old, 'old', 'removed')

  return [...lines, ...styles, ...CLASSES.map((c) => `  ${c}`)]
}

/** Text safe inside a quoted Mermaid label. */
function label(s: string): string {
  return s.replace(/"/g, '#quot;').replace(/</g, '#lt;').replace(/>/g, '#gt;').replace(/[`*_]/g, '')
}
