#!/usr/bin/env node
// Writes one annotation task per gold document: the document's units (argmap's segmentation:
// positions only, no roles, no relations), numbered, paragraph by paragraph. Annotators label
// the units from the raw text and docs/annotation-guide.md; they never see a machine's map.
//   node corpus/tools/gold-tasks.mjs OUT_DIR DOC...   (DOC: a path under corpus/)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parseMarkdown } from '../../dist/parse/index.js'
import { segment } from '../../dist/segment/index.js'

const [outDir, ...docs] = process.argv.slice(2)
mkdirSync(outDir, { recursive: true })
for (const doc of docs) {
  const source = readFileSync(doc, 'utf8')
  const segs = segment(source, {}, parseMarkdown(source))
  const name = basename(doc).replace(/\.md$/, '')
  const lines = [`# TASK ${name}  (source file: ${doc}; ${segs.length} units, numbered 0..${segs.length - 1})`, '']
  let para = -1
  for (let i = 0; i < segs.length; i++) {
    const s = segs[i]
    if (s.paragraph !== para) {
      para = s.paragraph
      const kind = s.block === 'heading' ? `heading, level ${s.depth}` : s.block === 'tableCell' ? 'table cell' : 'paragraph'
      const inside = s.containers.length ? ` inside ${s.containers.join(' > ')}` : ''
      lines.push('', `--- block ${para} (${kind}${inside}) ---`)
    }
    lines.push(`[${i}] ${s.plain}`)
  }
  writeFileSync(join(outDir, `${name}.task.txt`), lines.join('\n') + '\n')
}
