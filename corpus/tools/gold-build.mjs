#!/usr/bin/env node
// Builds the open gold (corpus/gold/*.jsonl, the format of argmap eval --gold) from the annotation
// passes (corpus/gold/passes/<pass>/<name>.ann, docs/annotation-guide.md section 5) and the
// adjudications (corpus/gold/adjudication/<name>.ann, with a reason on each decided unit).
//   node corpus/tools/gold-build.mjs
// Offsets are the segmentation of the units the annotators saw (argmap's segmenter when the tasks were
// written, kept in corpus/gold/units.json), so a later change to the segmenter does not move the gold.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseMarkdown } from '../../dist/parse/index.js'
import { segment } from '../../dist/segment/index.js'
import { parseAnn } from './gold-check.mjs'

const root = resolve(new URL('../..', import.meta.url).pathname)
const goldDir = join(root, 'corpus/gold')
const plan = JSON.parse(readFileSync(join(goldDir, 'plan.json'), 'utf8'))
const LICENSE = {
  federalist: 'text: public domain; annotations: CC0-1.0',
  'common-sense': 'text: public domain; annotations: CC0-1.0',
  declaration: 'text: public domain; annotations: CC0-1.0',
  'rust-rfcs': 'text: MIT OR Apache-2.0 (corpus/rust-rfcs/LICENSE-*); annotations: CC0-1.0',
}

const unitsFile = join(goldDir, 'units.json')
const UNITS = existsSync(unitsFile) ? JSON.parse(readFileSync(unitsFile, 'utf8')) : {}
const docPath = Object.fromEntries(Object.keys(plan.split).map((p) => [p.split('/').pop().replace(/\.md$/, ''), p]))

/** One document's labels as a gold document. */
export function goldDoc(name, annText, annotator) {
  const rel = docPath[name]
  const source = readFileSync(join(root, rel), 'utf8')
  // The units the annotators saw (units.json, written when the tasks were made), so that a later change to the
  // segmenter neither renumbers the passes' labels nor moves the gold.
  const segs = UNITS[name]
    ? UNITS[name].map(([start, end, paragraph]) => ({ start, end, paragraph }))
    : segment(source, {}, parseMarkdown(source))
  const { labels, errors } = parseAnn(annText, segs.length)
  if (errors.length) throw new Error(`${annotator}/${name}: ${errors.join('; ')}`)
  const targeted = new Set(labels.filter((l) => l.kind === 's' || l.kind === 'a').map((l) => l.to))
  const thesis = labels.findIndex((l) => l.kind === 'T')
  const units = []
  const relations = []
  labels.forEach((l, n) => {
    if (l.kind === 'none') return
    const s = segs[n]
    const role = l.kind === 'T' || l.kind === 'R' ? 'conclusion' : targeted.has(n) ? 'claim' : 'premise'
    units.push({ id: `u${n}`, start: s.start, end: s.end, text: source.slice(s.start, s.end), role, ...(l.kind === 'R' ? { restates: `u${thesis}` } : {}) })
    if (l.kind === 'R') relations.push({ from: `u${n}`, to: `u${thesis}`, type: 'restates' })
    if (l.kind === 's' || l.kind === 'a') relations.push({ from: `u${n}`, to: `u${l.to}`, type: l.kind === 's' ? 'support' : 'attack' })
  })
  const paragraphs = []
  for (const s of segs) {
    const last = paragraphs[paragraphs.length - 1]
    if (last && last.p === s.paragraph) last.end = s.end
    else paragraphs.push({ p: s.paragraph, start: s.start, end: s.end })
  }
  const group = rel.split('/')[1]
  return {
    id: name,
    corpus: 'argmap-open',
    source: group,
    split: plan.split[rel],
    path: rel,
    format: 'markdown',
    annotator,
    text: source,
    paragraphs: paragraphs.map((p) => [p.start, p.end]),
    unitCount: segs.length,
    units,
    relations,
    license: LICENSE[group],
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main()

function main() {
  const passesDir = join(goldDir, 'passes')
  const passes = existsSync(passesDir) ? readdirSync(passesDir).sort() : []
  const byDoc = new Map()
  for (const pass of passes) {
    const lines = []
    for (const f of readdirSync(join(passesDir, pass)).sort()) {
      if (!f.endsWith('.ann')) continue
      const name = f.slice(0, -4)
      const doc = goldDoc(name, readFileSync(join(passesDir, pass, f), 'utf8'), pass)
      lines.push(JSON.stringify(doc))
      if (!byDoc.has(name)) byDoc.set(name, [])
      byDoc.get(name).push(doc)
    }
    }
  // The gold: the adjudicated file for a doubly annotated document, the one pass for the others.
  const adjDir = join(goldDir, 'adjudication')
  const out = { train: [], dev: [], test: [] }
  const missing = []
  for (const rel of Object.keys(plan.split).sort()) {
    const name = rel.split('/').pop().replace(/\.md$/, '')
    const adj = join(adjDir, `${name}.ann`)
    let doc
    if (existsSync(adj)) doc = goldDoc(name, readFileSync(adj, 'utf8'), 'adjudicated')
    else if (byDoc.has(name)) {
      doc = byDoc.get(name)[0]
      if (byDoc.get(name).length > 1) missing.push(`${name} (not adjudicated yet: first pass used)`)
    } else {
      missing.push(`${name} (not annotated)`)
      continue
    }
    out[doc.split].push(JSON.stringify(doc))
  }
  for (const split of ['train', 'dev', 'test']) writeFileSync(join(goldDir, `${split}.jsonl`), out[split].join('\n') + '\n')
  for (const m of missing) console.error(`warning: ${m}`)
  console.log(`gold: train ${out.train.length}, dev ${out.dev.length}, test ${out.test.length} documents`)
}
