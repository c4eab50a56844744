#!/usr/bin/env node
// Stability of the map under one-sentence deletions (issue 15): for every unit of each document, delete its
// text and map the document again; the deletion is stable when no unit outside the deleted unit's paragraph
// changes its role or its outgoing relation, leaving aside units that were attached to the deleted one and
// deletions that change the thesis (reported apart).
//   node corpus/tools/stability.mjs [--model FILE|rules] FILE...     (npm run stability: the first 12 Federalist papers, 12 RFCs, the op-ed)
import { readFileSync } from 'node:fs'
import { loadModel } from '../../dist/learn/load.js'
import { analyze } from '../../dist/pipeline.js'

const args = process.argv.slice(2)
let model
const at = args.indexOf('--model')
if (at >= 0) {
  const m = args.splice(at, 2)[1]
  model = m === 'rules' ? 'rules' : loadModel(m)
}
const thesisOf = (map) => {
  const restating = new Set(map.relations.filter((r) => r.type === 'restates').map((r) => r.from))
  return map.units.find((u) => u.role === 'conclusion' && !restating.has(u.id))?.id ?? null
}
let total = 0
let stable = 0
let thesisChanged = 0
const rows = []
for (const file of args) {
  const source = readFileSync(file, 'utf8')
  const before = analyze(source, { path: file, model })
  const out = new Map(before.relations.map((r) => [r.from, `${r.type}>${r.to}`]))
  const thesis = thesisOf(before)
  let docStable = 0
  let docTotal = 0
  for (const del of before.units) {
    const edited = source.slice(0, del.start.offset) + source.slice(del.end.offset)
    const after = analyze(edited, { path: file, model })
    docTotal++
    if (thesisOf(after) !== thesis) {
      thesisChanged++
      continue
    }
    const byId = new Map(after.units.map((u) => [u.id, u]))
    const outAfter = new Map(after.relations.map((r) => [r.from, `${r.type}>${r.to}`]))
    let ok = true
    for (const u of before.units) {
      if (u.id === del.id || u.paragraph === del.paragraph) continue
      if (out.get(u.id)?.endsWith(`>${del.id}`)) continue
      const v = byId.get(u.id)
      if (!v) continue
      if (v.role !== u.role || (outAfter.get(u.id) ?? null) !== (out.get(u.id) ?? null)) {
        ok = false
        break
      }
    }
    if (ok) docStable++
  }
  total += docTotal
  stable += docStable
  rows.push(`| ${file} | ${docTotal} | ${docStable} |`)
}
const measured = total - thesisChanged
console.log('| document | deletions | stable |\n| --- | ---: | ---: |\n' + rows.join('\n'))
console.log(`\n${total} deletions in ${args.length} documents; ${thesisChanged} changed the thesis (left aside); stable: ${stable} of ${measured} (${((100 * stable) / Math.max(1, measured)).toFixed(1)}%)`)
