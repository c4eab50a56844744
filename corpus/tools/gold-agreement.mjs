#!/usr/bin/env node
// Inter-annotator agreement on the doubly annotated documents (corpus/gold/adjudication/PAIRS.txt):
// Cohen's kappa on unit roles (none included) over every unit, and role macro F1 and attachment F1 of
// the second pass scored against the first by argmap eval's own scorer (src/eval/score.ts).
//   node corpus/tools/gold-agreement.mjs [--markdown]
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { align } from '../../dist/eval/align.js'
import { addCounts, emptyCounts, figures, scoreDocument } from '../../dist/eval/score.js'
import { goldDoc } from './gold-build.mjs'

const root = resolve(new URL('../..', import.meta.url).pathname)
const gold = join(root, 'corpus/gold')
const pairs = readFileSync(join(gold, 'adjudication/PAIRS.txt'), 'utf8').trim().split('\n').map((l) => l.split(' '))
const ROLES = ['none', 'conclusion', 'claim', 'premise']

function rolesOf(doc) {
  const r = new Array(doc.unitCount).fill('none')
  for (const u of doc.units) r[Number(u.id.slice(1))] = u.role
  return r
}
function kappa(a, b) {
  const n = a.length
  let agree = 0
  const ca = Object.fromEntries(ROLES.map((r) => [r, 0]))
  const cb = Object.fromEntries(ROLES.map((r) => [r, 0]))
  for (let i = 0; i < n; i++) {
    if (a[i] === b[i]) agree++
    ca[a[i]]++
    cb[b[i]]++
  }
  const po = agree / n
  const pe = ROLES.reduce((s, r) => s + (ca[r] / n) * (cb[r] / n), 0)
  return { po, k: (po - pe) / (1 - pe), n }
}
const asPrediction = (d) => ({
  units: d.units.map((u) => ({ id: u.id, role: u.role, start: u.start, end: u.end, text: u.text, paragraph: 0, confidence: 1, signals: [] })),
  relations: d.relations,
})
const asGold = (d) => ({ ...d, units: d.units.map((u) => ({ id: u.id, role: u.role, text: u.text, spans: [[u.start, u.end]], implicit: false })) })

const groups = new Map()
const rows = []
for (const [name, p1, p2] of pairs) {
  const a = goldDoc(name, readFileSync(join(gold, 'passes', p1, `${name}.ann`), 'utf8'), p1)
  const b = goldDoc(name, readFileSync(join(gold, 'passes', p2, `${name}.ann`), 'utf8'), p2)
  const ga = asGold(a)
  const pb = asPrediction(b)
  const counts = scoreDocument(ga, pb, align(pb.units, ga.units))
  const ra = rolesOf(a)
  const rb = rolesOf(b)
  for (const key of [a.source, 'all']) {
    if (!groups.has(key)) groups.set(key, { a: [], b: [], counts: emptyCounts(), docs: 0 })
    const g = groups.get(key)
    g.a.push(...ra)
    g.b.push(...rb)
    addCounts(g.counts, counts)
    g.docs++
  }
  const f = figures(counts)
  rows.push([name, `${p1}/${p2}`, ra.length, kappa(ra, rb).k.toFixed(3), f.macroF1.toFixed(3), f.attachment.f1.toFixed(3)])
}
const table = [['documents', 'docs', 'units', 'raw agreement', "Cohen's κ (roles with none)", 'role macro F1', 'attachment F1', 'typed attachment F1', 'same thesis']]
for (const [key, g] of [...groups].sort((x, y) => (x[0] === 'all') - (y[0] === 'all') || (x[0] < y[0] ? -1 : 1))) {
  const k = kappa(g.a, g.b)
  const f = figures(g.counts)
  table.push([key, g.docs, k.n, k.po.toFixed(3), k.k.toFixed(3), f.macroF1.toFixed(3), f.attachment.f1.toFixed(3), f.typedAttachment.f1.toFixed(3), `${f.centralClaim.correct}/${g.docs}`])
}
const md = (t) => [t[0], t[0].map(() => '---'), ...t.slice(1)].map((r) => `| ${r.join(' | ')} |`).join('\n')
console.log(md(table))
if (process.argv.includes('--per-document')) console.log('\n' + md([['document', 'passes', 'units', 'κ', 'role macro F1', 'attachment F1'], ...rows]))
