import { diffWords } from 'diff'
import type { ArgumentMap, Unit } from '../model/types.js'
import { alignUnits, type AlignOptions } from './align.js'
import { headlines } from './headlines.js'
import { detectMoves } from './moves.js'
import { diffRelations } from './relations.js'
import { DIFF_SCHEMA_VERSION, type ArgumentDiff, type DiffSummary, type UnitChange, type UnitRef, type WordPart } from './types.js'

export interface DiffOptions extends AlignOptions {
  /** Treat reworded units as unchanged (hidden, and the maps can still be `same`). */
  ignoreRewording?: boolean
  /** Smallest confidence change reported. Default 0.25. */
  confidenceDelta?: number
}

/**
 * Compare two argument maps of (versions of) one document. Pure; linear
 * apart from the O(n log n) alignment sorts.
 */
export function diffMaps(oldMap: ArgumentMap, newMap: ArgumentMap, opts: DiffOptions = {}): ArgumentDiff {
  const ignoreRewording = opts.ignoreRewording ?? false
  const delta = opts.confidenceDelta ?? 0.25
  const alignment = alignUnits(oldMap.units, newMap.units, opts)
  const { oldToNew, newToOld } = alignment
  const moves = detectMoves(
    alignment.pairs,
    (i) => oldMap.units[i]!.paragraph,
    (j) => newMap.units[j]!.paragraph,
  )

  const changes: Array<{ key: [number, number, number]; change: UnitChange }> = []
  for (const p of alignment.pairs) {
    const before = oldMap.units[p.old]!
    const after = newMap.units[p.new]!
    const reworded = !p.identical && !ignoreRewording
    const change: UnitChange = {
      status: reworded ? 'reworded' : 'unchanged',
      old: unitRef(before, p.old),
      new: unitRef(after, p.new),
      similarity: round(p.score),
    }
    if (reworded) change.words = wordDiff(before.text, after.text)
    const move = moves.units.get(p.old)
    if (move) change.moved = move
    if (before.role !== after.role) change.role = { from: before.role, to: after.role }
    if (Math.abs(before.confidence - after.confidence) >= delta - 1e-9) {
      change.confidence = { from: before.confidence, to: after.confidence }
    }
    changes.push({ key: [p.new, 0, 0], change })
  }
  newMap.units.forEach((u, j) => {
    if (newToOld[j] === -1) changes.push({ key: [j, 0, 0], change: { status: 'added', old: null, new: unitRef(u, j), similarity: null } })
  })
  // removed units go after the new position of the nearest aligned unit before them
  let anchor = -1
  oldMap.units.forEach((u, i) => {
    if (oldToNew[i] !== -1) anchor = oldToNew[i]!
    else changes.push({ key: [anchor, 1, i], change: { status: 'removed', old: unitRef(u, i), new: null, similarity: null } })
  })
  changes.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2])
  const units = changes.map((c) => c.change)

  const oldIdx = new Map(oldMap.units.map((u, i) => [u.id, i]))
  const newIdx = new Map(newMap.units.map((u, j) => [u.id, j]))
  const oldKey = (id: string): string => {
    const i = oldIdx.get(id)
    const j = i === undefined ? -1 : oldToNew[i]!
    return j === -1 ? `o:${id}` : `p:${newMap.units[j]!.id}`
  }
  const newKey = (id: string): string => {
    const j = newIdx.get(id)
    return j !== undefined && newToOld[j] !== -1 ? `p:${id}` : `n:${id}`
  }
  const order = units.map((c) => (c.new ? newKey(c.new.id) : `o:${c.old!.id}`))
  const relations = diffRelations(oldMap.relations, newMap.relations, oldKey, newKey, order)

  const summary: DiffSummary = {
    unchanged: count(units, (c) => c.status === 'unchanged'),
    reworded: count(units, (c) => c.status === 'reworded'),
    added: count(units, (c) => c.status === 'added'),
    removed: count(units, (c) => c.status === 'removed'),
    moved: count(units, (c) => c.moved !== undefined),
    roleChanged: count(units, (c) => c.role !== undefined),
    confidenceChanged: count(units, (c) => c.confidence !== undefined),
    relations: {
      unchanged: relations.unchanged,
      added: count(relations.changes, (c) => c.status === 'added'),
      removed: count(relations.changes, (c) => c.status === 'removed'),
      flipped: count(relations.changes, (c) => c.status === 'flipped'),
      retargeted: count(relations.changes, (c) => c.status === 'retargeted'),
    },
  }
  const same =
    summary.added + summary.removed + summary.moved + summary.roleChanged + relations.changes.length - relations.unchanged === 0 &&
    (ignoreRewording || summary.reworded === 0)

  return {
    schema: DIFF_SCHEMA_VERSION,
    old: { ...oldMap.source },
    new: { ...newMap.source },
    same,
    ignoreRewording,
    headlines: headlines(oldMap, newMap, alignment, relations.changes, ignoreRewording),
    summary,
    paragraphs: { moved: moves.paragraphs },
    units,
    relations: relations.changes,
  }
}

function unitRef(u: Unit, index: number): UnitRef {
  const ref: UnitRef = { id: u.id, role: u.role, text: u.text, line: u.start.line, paragraph: u.paragraph, index, confidence: u.confidence }
  // a reviewer decided this unit (its version's sidecar applied): the diff says so
  if (u.reviewed) ref.reviewed = true
  return ref
}

/** Word-level diff of two unit texts (whitespace collapsed, so reflowed lines do not show). */
export function wordDiff(oldText: string, newText: string): WordPart[] {
  const squash = (s: string): string => s.replace(/\s+/g, ' ').trim()
  return diffWords(squash(oldText), squash(newText)).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }))
}

function count<T>(list: readonly T[], pred: (x: T) => boolean): number {
  let n = 0
  for (const x of list) if (pred(x)) n++
  return n
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000
}
