import type { ArgumentDiff, RelationChange, UnitChange } from '../types.js'

/** Lookups shared by the report formats (no analysis: everything comes from the diff). */
export interface DiffIndex {
  byOld: Map<string, UnitChange>
  byNew: Map<string, UnitChange>
  /** Changed units, except those that only moved along with a moved paragraph (reported with it). */
  changed: UnitChange[]
  /** Old paragraphs that moved as a block. */
  movedBlocks: Set<number>
}

export function indexDiff(diff: ArgumentDiff): DiffIndex {
  const byOld = new Map<string, UnitChange>()
  const byNew = new Map<string, UnitChange>()
  for (const c of diff.units) {
    if (c.old) byOld.set(c.old.id, c)
    if (c.new) byNew.set(c.new.id, c)
  }
  const movedBlocks = new Set(diff.paragraphs.moved.map((m) => m.from))
  const onlyCarried = (c: UnitChange): boolean =>
    c.status === 'unchanged' && !c.role && !c.confidence && c.moved?.kind === 'order' && movedBlocks.has(c.old!.paragraph)
  return { byOld, byNew, changed: diff.units.filter((c) => isChanged(c) && !onlyCarried(c)), movedBlocks }
}

export function isChanged(c: UnitChange): boolean {
  return c.status !== 'unchanged' || c.moved !== undefined || c.role !== undefined || c.confidence !== undefined
}

export function changedRelations(diff: ArgumentDiff): RelationChange[] {
  return diff.relations.filter((r) => r.status !== 'unchanged')
}

/** Whitespace collapsed, cut to `max` characters on a word boundary. */
export function snippet(text: string, max = 72): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`
}

/** Where a unit is: its line in the new version, or in the old one when it was removed. */
export function place(c: UnitChange): string {
  return c.new ? `line ${c.new.line}` : `old line ${c.old!.line}`
}

/** Where a moved paragraph was and is, and how it starts (from its first moved unit). */
export function movedParagraph(diff: ArgumentDiff, from: number): { old: number; new: number; text: string } | null {
  const c = diff.units.find((u) => u.moved && u.old!.paragraph === from)
  return c ? { old: c.old!.line, new: c.new!.line, text: c.new!.text } : null
}

export function unitText(index: DiffIndex, id: string, side: 'old' | 'new'): string {
  const c = side === 'old' ? index.byOld.get(id) : index.byNew.get(id)
  const ref = c ? (side === 'old' ? c.old : c.new) : null
  return ref ? ref.text : id
}

/** Facts about one unit's change, in reading order. `movedBlocks`: old paragraphs that moved as a block. */
export function unitFacts(c: UnitChange, movedBlocks: ReadonlySet<number> = new Set()): string[] {
  const facts: string[] = []
  if (c.status === 'added') facts.push('added')
  if (c.status === 'removed') facts.push('removed')
  if (c.status === 'reworded') facts.push(`reworded (${Math.round((c.similarity ?? 0) * 100)}% similar)`)
  if (c.moved) {
    const how =
      c.moved.kind === 'paragraph'
        ? 'moved from another paragraph'
        : movedBlocks.has(c.old!.paragraph)
          ? 'moved with its paragraph'
          : 'moved within its paragraph'
    facts.push(`${how} (was line ${c.old!.line})`)
  }
  if (c.role) facts.push(`role ${c.role.from} → ${c.role.to}`)
  if (c.confidence) facts.push(`confidence ${c.confidence.from.toFixed(2)} → ${c.confidence.to.toFixed(2)}`)
  const reviewed = [c.old?.reviewed ? 'old' : '', c.new?.reviewed ? 'new' : ''].filter(Boolean)
  if (reviewed.length) facts.push(reviewed.length === 2 ? 'reviewed' : `reviewed (${reviewed[0]})`)
  return facts
}

/** One-character marker of a unit change. */
export function unitMark(c: UnitChange): string {
  if (c.status === 'added') return '+'
  if (c.status === 'removed') return '-'
  if (c.status === 'reworded') return '~'
  if (c.moved) return '>'
  if (c.role) return '!'
  return '?'
}

export function summaryLine(diff: ArgumentDiff): string {
  const s = diff.summary
  const parts = [
    [s.reworded, 'reworded'],
    [s.added, 'added'],
    [s.removed, 'removed'],
    [s.moved, 'moved'],
    [s.roleChanged, 'role changed'],
    [s.confidenceChanged, 'confidence changed'],
  ]
    .filter(([n]) => n)
    .map(([n, w]) => `${n} ${w}`)
  const r = s.relations
  const rel = [
    [r.added, 'added'],
    [r.removed, 'removed'],
    [r.flipped, 'flipped'],
    [r.retargeted, 'retargeted'],
  ]
    .filter(([n]) => n)
    .map(([n, w]) => `${n} ${w}`)
  const units = diff.units.length
  return [
    `units: ${parts.length ? parts.join(', ') : 'no change'} (of ${units})`,
    `relations: ${rel.length ? rel.join(', ') : 'no change'} (${r.unchanged} unchanged)`,
  ].join('; ')
}

export function conclusionLine(diff: ArgumentDiff): string {
  const c = diff.headlines.conclusion
  switch (c.status) {
    case 'same':
      return 'Conclusion unchanged.'
    case 'reworded':
      return 'Conclusion reworded.'
    case 'changed':
      return 'Conclusion CHANGED.'
    case 'added':
      return 'Conclusion added (the old version had none).'
    case 'removed':
      return 'Conclusion removed (the new version has none).'
    case 'none':
      return 'No conclusion in either version.'
  }
}
