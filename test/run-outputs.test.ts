import { cpSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCommand } from '../src/cli/commands/run.js'
import { annotate } from '../src/emit/annotated.js'
import { toJSON } from '../src/emit/json.js'
import { renderPage } from '../src/html/page.js'
import type { ArgumentMap } from '../src/model/types.js'
import { parseMarkdown } from '../src/parse/index.js'
import { analyze } from '../src/pipeline.js'
import { captureIo, opEdPath, tempDir } from './helpers.js'

// `argmap run` renders a document's outputs one at a time and writes the JSON and the page in pieces
// (src/engine/write.ts, issue 18: memory); what lands on disk must be the library's whole texts, byte for byte.
describe('argmap run writes what the library renders', () => {
  it('the JSON, annotated markdown and page of each document, and a re-run or --check changes nothing', () => {
    const dir = tempDir()
    const corpus = join(dir, 'corpus')
    mkdirSync(join(corpus, 'sub'), { recursive: true })
    const op = readFileSync(opEdPath, 'utf8')
    cpSync(opEdPath, join(corpus, 'op-ed.md'))
    // Four copies in one file: several JSON and page pieces (100 units a piece).
    writeFileSync(join(corpus, 'sub', 'long.md'), [op, op, op, op].join('\n'))
    expect(runCommand({ paths: ['corpus'], out: 'out', jobs: 1 }, captureIo(dir))).toBe(0)
    for (const [name, href] of [
      ['op-ed', ''],
      ['sub/long', '../'],
    ] as const) {
      const written = readFileSync(join(dir, 'out', `${name}.argmap.json`), 'utf8')
      const path = (JSON.parse(written) as ArgumentMap).source.path
      const text = readFileSync(join(dir, path), 'utf8')
      const parsed = parseMarkdown(text)
      const map = analyze(text, { path }, parsed)
      expect(written, name).toBe(toJSON(map))
      expect(readFileSync(join(dir, 'out', `${name}.annotated.md`), 'utf8'), name).toBe(annotate(text, map, parsed))
      const page = renderPage(text, map, { notes: [], parsed, indexHref: `${href}index.html`, scriptHref: `${href}argmap-page.js` })
      expect(readFileSync(join(dir, 'out', `${name}.html`), 'utf8'), name).toBe(page)
    }
    const mtime = statSync(join(dir, 'out', 'sub', 'long.html')).mtimeMs
    expect(runCommand({ paths: ['corpus'], out: 'out', jobs: 1 }, captureIo(dir))).toBe(0)
    expect(statSync(join(dir, 'out', 'sub', 'long.html')).mtimeMs).toBe(mtime)
    expect(runCommand({ paths: ['corpus'], out: 'out', check: true, jobs: 1 }, captureIo(dir))).toBe(0)
    // A page that differs from a fresh run's is found by --check, which compares it piece by piece.
    writeFileSync(join(dir, 'out', 'sub', 'long.html'), readFileSync(join(dir, 'out', 'sub', 'long.html'), 'utf8').replace('</html>', '</html> '))
    const io = captureIo(dir)
    expect(runCommand({ paths: ['corpus'], out: 'out', check: true, jobs: 1 }, io)).toBe(1)
    expect(io.err() + io.out()).toContain('long.html')
  })
})
