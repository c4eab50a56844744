import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import { runCorpus, runCorpusParallel } from '../src/engine/run.js'
import { assignIds } from '../src/model/ids.js'
import { parseMarkdown } from '../src/parse/index.js'
import { assembleMap } from '../src/pipeline.js'
import { strip } from '../src/read/strip.js'
import { segment } from '../src/segment/index.js'
import type { Tagged } from '../src/tag/index.js'
import { repoRoot, tempDir, withDefaultModel } from './helpers.js'
import { quick } from './env.js'

const corpus = join(repoRoot, 'corpus')

function markdownFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name)
      if (statSync(p).isDirectory()) return markdownFiles(p)
      return p.endsWith('.md') ? [p] : []
    })
}

const files = markdownFiles(corpus).map((p) => ({ path: relative(repoRoot, p), text: readFileSync(p, 'utf8') }))

describe('corpus/ as the issue describes it', () => {
  it('holds the op-ed, 85 Federalist papers, Common Sense by section, the Declaration and 41 RFCs with their licences', () => {
    const under = (d: string) => files.filter((f) => f.path.startsWith(`corpus/${d}/`))
    expect(files.map((f) => f.path)).toContain('corpus/china-north-korea.md')
    expect(under('federalist')).toHaveLength(85)
    expect(under('common-sense')).toHaveLength(6)
    expect(under('declaration')).toHaveLength(1)
    expect(under('rust-rfcs')).toHaveLength(41)
    for (const d of ['federalist', 'common-sense', 'declaration', 'rust-rfcs']) expect(existsSync(join(corpus, d, 'README'))).toBe(true)
    for (const l of ['LICENSE-MIT', 'LICENSE-APACHE']) expect(existsSync(join(corpus, 'rust-rfcs', l))).toBe(true)
  })

  it('gives every Federalist paper its title as a heading, then subtitle, newspaper, date, author and address as paragraphs of their own', () => {
    for (const f of files.filter((x) => x.path.startsWith('corpus/federalist/'))) {
      const n = Number(/federalist-(\d+)\.md$/.exec(f.path)![1])
      const blocks = f.text.split('\n\n')
      expect(blocks[0]).toMatch(new RegExp(`^# Federalist No\\. ${n}: [^\\n]+$`))
      const address = blocks.findIndex((b) => /^To the People of the State of New York[:.]$/.test(b))
      expect(address, f.path).toBeGreaterThan(1)
      expect(address, f.path).toBeLessThanOrEqual(5)
      expect(blocks[address - 1], f.path).toMatch(/^(HAMILTON|MADISON|JAY)( (AND|OR) (HAMILTON|MADISON))?$/)
      // A subtitle in parentheses may run over two printed lines; the other header lines are one line each.
      for (const b of blocks.slice(1, address)) if (!b.startsWith('(')) expect(b, f.path).not.toContain('\n')
    }
  })
})

describe('segmentation is exact on every corpus file', () => {
  it.skipIf(quick)('every unit slices to its text, in order; annotating every unit and stripping gives the bytes back', () => {
    let units = 0
    for (const f of files) {
      const parsed = parseMarkdown(f.text)
      const segments = segment(f.text, {}, parsed)
      let last = 0
      for (const s of segments) {
        if (f.text.slice(s.start, s.end) !== s.text || s.start < last) expect.fail(`${f.path}: unit at ${s.start} ${JSON.stringify(s.text)}`)
        last = s.end
      }
      units += segments.length
      // Every unit marked (the hardest case for the marks), no relations: the round trip does not depend on the tagger.
      const tagged: Tagged[] = segments.map(() => ({ role: 'premise', confidence: 1, signals: ['corpus-test'] }))
      const map = assembleMap(f.text, segments, assignIds(segments.map((s) => s.plain)), tagged, [], { path: f.path, title: null })
      if (strip(annotate(f.text, map, parsed)) !== f.text) expect.fail(`${f.path}: strip(annotate) differs from the source`)
    }
    expect(units).toBeGreaterThan(15000)
  })
})

describe('argmap run corpus', () => {
  // Two whole-corpus runs: about 40 s on a loaded 2-core machine, so three times that and more as its limit.
  it.skipIf(quick)('maps every document on 2 workers and in one thread to the same bytes, the op-ed to the committed example', { timeout: 240_000 }, async () => {
    const dir = tempDir('argmap-corpus-')
    // With the default model, as the Quick start runs it.
    const par = await withDefaultModel(() => runCorpusParallel({ paths: ['corpus'], out: join(dir, 'out'), cwd: repoRoot, jobs: 2 }))
    expect(par.errors).toEqual([])
    expect(par.documents).toHaveLength(files.length)
    // The same run in one thread finds every output as written (run --check).
    const seq = await withDefaultModel(() => runCorpus({ paths: ['corpus'], out: join(dir, 'out'), cwd: repoRoot, check: true }))
    expect(seq.stale).toEqual([])
    // A full run leaves the committed example as it is: git stays clean after the Quick start.
    for (const ext of ['argmap.json', 'annotated.md', 'html']) {
      const name = `china-north-korea.${ext}`
      expect(readFileSync(join(dir, 'out', name), 'utf8') === readFileSync(join(repoRoot, 'out', name), 'utf8'), name).toBe(true)
    }
    rmSync(dir, { recursive: true, force: true })
  })
})
