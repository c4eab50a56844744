/**
 * A reviewer's corrections as training data: for a source with a review
 * sidecar, the units and relations the reviewer decided become labels (the
 * rest of the document stays unlabelled: a reviewer who left a unit alone
 * did not say the machine was right). So a reviewed corpus teaches the model
 * its own style.
 */
import { readFileSync } from 'node:fs'
import { assignIds } from '../model/ids.js'
import { firstHeading, parseMarkdown } from '../parse/index.js'
import { analyze } from '../pipeline.js'
import { applyCorrections } from '../review/apply.js'
import { readSidecar } from '../review/files.js'
import { sidecarPath } from '../review/sidecar.js'
import { segment } from '../segment/index.js'
import { tagSegments } from '../tag/index.js'
import { docView } from './features.js'
import { CLASSES, ruleView } from './model.js'
import type { LabelledDoc } from './train.js'

/** The reviewed labels of one source, or null when it has no sidecar or no reviewed unit. */
export function labelReviewed(sourcePath: string): LabelledDoc | null {
  const loaded = readSidecar(sidecarPath(sourcePath))
  if (!loaded) return null
  const source = readFileSync(sourcePath, 'utf8')
  const parsed = parseMarkdown(source)
  const segments = segment(source, {}, parsed)
  const rules = tagSegments(segments, firstHeading(parsed.tree))
  const machine = analyze(source, { path: sourcePath, model: 'rules' }, parsed)
  const corrected = applyCorrections(machine, loaded.sidecar, source, { path: loaded.path, problems: loaded.problems }).map
  const ids = assignIds(segments.map((s) => s.plain))
  const index = new Map(ids.map((id, i) => [id, i]))
  const n = segments.length
  const role = new Int8Array(n).fill(-1)
  const target = new Int32Array(n).fill(-1)
  const type: LabelledDoc['type'] = new Array(n).fill(null)
  let labelled = 0
  for (const u of corrected.units) {
    const i = index.get(u.id)
    if (i === undefined || !u.reviewed) continue
    role[i] = CLASSES.indexOf(u.role)
    labelled++
  }
  for (const r of corrected.relations) {
    const i = index.get(r.from)
    const j = index.get(r.to)
    if (i === undefined || j === undefined || !r.reviewed) continue
    target[i] = j
    type[i] = r.type
  }
  return labelled ? { id: sourcePath, view: docView(segments, ruleView(rules)), role, target, type } : null
}
