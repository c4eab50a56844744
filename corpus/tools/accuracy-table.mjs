#!/usr/bin/env node
// The README's accuracy tables: argmap eval on the open gold's dev and test splits (overall and per
// source) and on the microtexts (when ../shared/gold is there), the model beside the rules and both baselines.
//   node corpus/tools/accuracy-table.mjs
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { evaluate, readGold } from '../../dist/eval/index.js'

const root = resolve(new URL('../..', import.meta.url).pathname)
const SYSTEMS = ['argmap', 'rules', 'all-premise', 'position']
const f = (x) => x.toFixed(3)
const rows = []
const line = (label, r) => {
  const cell = (s) => `${f(r.systems[s].macroF1)} / ${f(r.systems[s].centralClaim.accuracy)} / ${f(r.systems[s].attachment.f1)}`
  rows.push(`| ${label} | ${r.gold.documents} | ${SYSTEMS.map(cell).join(' | ')} |`)
}
for (const split of ['dev', 'test']) {
  const file = join(root, `corpus/gold/${split}.jsonl`)
  line(`open gold, ${split}`, evaluate(file))
  for (const source of [...new Set(readGold(file).map((d) => d.source))].sort()) line(`open gold, ${split}: ${source}`, evaluate(file, { sources: [source] }))
}
for (const g of ['microtexts', 'microtexts2']) {
  const file = join(root, `../shared/gold/${g}.jsonl`)
  if (existsSync(file)) line(g, evaluate(file))
}
console.log(`| gold | docs | ${SYSTEMS.join(' | ')} |\n| --- | ---: | ${SYSTEMS.map(() => '---').join(' | ')} |\n${rows.join('\n')}`)
console.log('\nEach cell: role macro F1 / central-claim accuracy / attachment F1.')
