/** `review status`: one document's review state as text lines. Pure. */
import { reviewQueue } from './queue.js'
import type { ArgumentMap } from '../model/types.js'
import type { ApplyResult } from './apply.js'

export interface DocumentStatus {
  path: string
  units: number
  reviewed: number
  corrections: number
  orphaned: number
  flagged: number
  invalid: number
  /** Lowest-confidence unreviewed units, lowest first. */
  queue: Array<{ id: string; role: string; confidence: number; text: string }>
}

export function documentStatus(path: string, map: ArgumentMap, applied: ApplyResult | null, corrections: number, limit = 5): DocumentStatus {
  const queue = reviewQueue(map.units)
    .filter((u) => !u.reviewed)
    .slice(0, limit)
    .map((u) => ({ id: u.id, role: u.role, confidence: u.confidence, text: u.text }))
  return {
    path,
    units: map.units.length,
    reviewed: map.units.filter((u) => u.reviewed).length,
    corrections,
    orphaned: applied?.orphaned.length ?? 0,
    flagged: applied?.flagged.length ?? 0,
    invalid: applied?.invalid.length ?? 0,
    queue,
  }
}

const excerpt = (t: string, n = 80): string => {
  const s = t.replace(/\s+/g, ' ').trim()
  return s.length > n ? `${s.slice(0, n - 1)}…` : s
}

export function formatStatus(s: DocumentStatus): string {
  const lines = [
    `${s.path}: ${s.reviewed} of ${s.units} units reviewed; ${s.corrections} correction${s.corrections === 1 ? '' : 's'}, ${s.orphaned} orphaned, ${s.flagged} flagged, ${s.invalid} invalid`,
  ]
  if (s.queue.length) {
    lines.push('  lowest-confidence unreviewed units:')
    for (const q of s.queue) lines.push(`    ${q.confidence.toFixed(2)}  ${q.role.padEnd(10)} ${excerpt(q.text)}  (${q.id})`)
  }
  return `${lines.join('\n')}\n`
}
