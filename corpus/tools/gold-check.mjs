#!/usr/bin/env node
// Checks an annotation file against its task (docs/annotation-guide.md, section 5):
//   node corpus/tools/gold-check.mjs TASK.task.txt FILE.ann
import { readFileSync } from 'node:fs'

export function parseAnn(text, n) {
  const labels = new Array(n).fill(null)
  const errors = []
  text.split('\n').forEach((line, i) => {
    const l = line.trim()
    if (!l || l.startsWith('#')) return
    const m = /^(\d+)\s+(none|T|R|[sa]\s+\d+)\s*(#.*)?$/.exec(l)
    if (!m) return errors.push(`line ${i + 1}: cannot read "${l}"`)
    const u = Number(m[1])
    if (u >= n) return errors.push(`line ${i + 1}: unit ${u} does not exist (0..${n - 1})`)
    if (labels[u] !== null) return errors.push(`line ${i + 1}: unit ${u} labelled twice`)
    const [kind, to] = m[2].split(/\s+/)
    labels[u] = to === undefined ? { kind } : { kind, to: Number(to) }
  })
  labels.forEach((l, u) => {
    if (l === null) errors.push(`unit ${u}: no label`)
  })
  const thesis = labels.flatMap((l, u) => (l?.kind === 'T' ? [u] : []))
  if (thesis.length !== 1) errors.push(`${thesis.length} units labelled T (exactly one expected): ${thesis.join(', ')}`)
  labels.forEach((l, u) => {
    if (!l || (l.kind !== 's' && l.kind !== 'a')) return
    const t = labels[l.to]
    if (l.to >= n) errors.push(`unit ${u}: target ${l.to} does not exist`)
    else if (l.to === u) errors.push(`unit ${u}: attaches to itself`)
    else if (!t || t.kind === 'none') errors.push(`unit ${u}: target ${l.to} is none`)
  })
  // cycles: follow each chain
  for (let u = 0; u < n; u++) {
    const seen = new Set()
    let x = u
    while (labels[x] && (labels[x].kind === 's' || labels[x].kind === 'a') && labels[x].to < n) {
      if (seen.has(x)) {
        errors.push(`unit ${u}: its chain of relations runs in a cycle (${[...seen].join(' → ')})`)
        break
      }
      seen.add(x)
      x = labels[x].to
    }
  }
  return { labels, errors: [...new Set(errors)] }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [task, ann] = process.argv.slice(2)
  const n = Number(/(\d+) units, numbered/.exec(readFileSync(task, 'utf8'))[1])
  const { labels, errors } = parseAnn(readFileSync(ann, 'utf8'), n)
  if (errors.length) {
    console.log(errors.join('\n'))
    process.exit(1)
  }
  const count = (k) => labels.filter((l) => l.kind === k).length
  console.log(`ok: ${n} units; none ${count('none')}, T 1, R ${count('R')}, support ${count('s')}, attack ${count('a')}`)
}
