import type { ArgumentMap } from '../model/types.js'
import { alignUnits } from './align.js'
import { diffMaps, type DiffOptions } from './diff.js'
import type { DirectoryDiff, FileDiff } from './types.js'

/**
 * Diff two sets of documents (two directories, or one directory at two
 * revisions). Files are matched by relative name; a file left over on both
 * sides is matched by the content of its units (share of units aligned, at
 * least `renameThreshold`) and reported as renamed. Candidates come from
 * shared unit ids, so this is not all pairs of files.
 */

export interface NamedMap {
  name: string
  map: ArgumentMap
}

export interface DirOptions extends DiffOptions {
  /** Share of units that must align for two differently named files to be one renamed file. Default 0.5. */
  renameThreshold?: number
}

/** Most rename candidates scored per removed file. */
const MAX_RENAME_CANDIDATES = 5

export function diffDirectories(
  oldLabel: string,
  newLabel: string,
  oldFiles: readonly NamedMap[],
  newFiles: readonly NamedMap[],
  opts: DirOptions = {},
): DirectoryDiff {
  const threshold = opts.renameThreshold ?? 0.5
  const files: Array<FileDiff & { sort: string }> = []
  const newByName = new Map(newFiles.map((f) => [f.name, f]))
  const oldNames = new Set(oldFiles.map((f) => f.name))
  const leftOld: NamedMap[] = []
  for (const f of oldFiles) {
    const n = newByName.get(f.name)
    if (!n) {
      leftOld.push(f)
      continue
    }
    const diff = diffMaps(f.map, n.map, opts)
    files.push({ status: diff.same ? 'same' : 'changed', old: f.name, new: n.name, diff, sort: f.name })
  }
  const leftNew = newFiles.filter((f) => !oldNames.has(f.name))

  // rename candidates: new files sharing unit ids with a removed file
  const filesById = new Map<string, number[]>()
  leftNew.forEach((f, j) => {
    for (const id of new Set(f.map.units.map((u) => u.id))) {
      const list = filesById.get(id) ?? []
      list.push(j)
      filesById.set(id, list)
    }
  })
  const scored: Array<{ old: number; new: number; score: number }> = []
  leftOld.forEach((f, i) => {
    const shared = new Map<number, number>()
    for (const id of new Set(f.map.units.map((u) => u.id))) for (const j of filesById.get(id) ?? []) shared.set(j, (shared.get(j) ?? 0) + 1)
    const best = [...shared].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, MAX_RENAME_CANDIDATES)
    for (const [j] of best) {
      const a = f.map.units
      const b = leftNew[j]!.map.units
      const pairs = alignUnits(a, b, opts).pairs.length
      const score = a.length + b.length ? (2 * pairs) / (a.length + b.length) : 0
      if (score >= threshold) scored.push({ old: i, new: j, score })
    }
  })
  scored.sort((a, b) => b.score - a.score || a.old - b.old || a.new - b.new)
  const takenOld = new Set<number>()
  const takenNew = new Set<number>()
  for (const s of scored) {
    if (takenOld.has(s.old) || takenNew.has(s.new)) continue
    takenOld.add(s.old)
    takenNew.add(s.new)
    const o = leftOld[s.old]!
    const n = leftNew[s.new]!
    const diff = diffMaps(o.map, n.map, opts)
    files.push({ status: 'renamed', old: o.name, new: n.name, similarity: Math.round(s.score * 1000) / 1000, diff, sort: n.name })
  }
  leftOld.forEach((f, i) => {
    if (!takenOld.has(i)) files.push({ status: 'removed', old: f.name, new: null, diff: null, sort: f.name })
  })
  leftNew.forEach((f, j) => {
    if (!takenNew.has(j)) files.push({ status: 'added', old: null, new: f.name, diff: null, sort: f.name })
  })
  files.sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0))
  return {
    schema: 'argmap-dirdiff/1',
    old: oldLabel,
    new: newLabel,
    same: files.every((f) => f.status === 'same'),
    files: files.map(({ sort: _sort, ...f }) => f),
  }
}
