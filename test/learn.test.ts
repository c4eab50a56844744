import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readGold } from '../src/eval/gold.js'
import { crossValidate, formatCv } from '../src/learn/cv.js'
import { loadModel, SHIPPED_MODEL } from '../src/learn/load.js'
import { formatModel, Model } from '../src/learn/model.js'
import { labelGold, trainModel } from '../src/learn/train.js'
import { checkForest } from '../src/model/forest.js'
import { analyze } from '../src/pipeline.js'
import { opEdPath, repoRoot } from './helpers.js'

// Three short essays written for this fixture and annotated by hand (test/fixtures/learn/make-mini.mjs).
const mini = join(repoRoot, 'test/fixtures/learn/mini.jsonl')
const opEd = readFileSync(opEdPath, 'utf8')

describe('argmap train', () => {
  it('learns the same model from the same gold, byte for byte', () => {
    const docs = readGold(mini)
    const a = formatModel(trainModel({ docs: docs.map(labelGold), trainedOn: ['mini'] }))
    const b = formatModel(trainModel({ docs: readGold(mini).map(labelGold), trainedOn: ['mini'] }))
    expect(a).toBe(b)
    const model = JSON.parse(a)
    expect(model.schema).toBe('argmap-model/1')
    expect(model.about).toMatchObject({ documents: 3, relations: 17 })
    // Features are readable strings, not hashes.
    expect(Object.keys(model.roles.weights)).toContain('para=first')
  })

  it('fits what it was shown: on its own training essays the thesis comes back', () => {
    const docs = readGold(mini)
    const model = new Model(trainModel({ docs: docs.map(labelGold), trainedOn: ['mini'], settings: { minCount: 1, epochs: 40 } }))
    for (const doc of docs) {
      const map = analyze(doc.text, { model })
      const thesis = map.units.find((u) => u.role === 'conclusion' && !map.relations.some((r) => r.from === u.id && r.type === 'restates'))
      // The thesis or its restatement (the scorer counts either as the central claim).
      expect(doc.units.filter((u) => u.role === 'conclusion').map((u) => u.text)).toContain(thesis?.text)
    }
  })
})

describe('the shipped model', () => {
  const model = loadModel(SHIPPED_MODEL)
  const map = analyze(opEd, { path: 'op-ed.md', model })

  it('was trained on the open gold train split only, and retraining it gives the same file', () => {
    const file = JSON.parse(readFileSync(SHIPPED_MODEL, 'utf8'))
    expect(file.about.trainedOn).toEqual(['corpus/gold/train.jsonl (split train)'])
    const docs = readGold(join(repoRoot, 'corpus/gold/train.jsonl')).filter((d) => d.split === 'train')
    expect(docs.length).toBe(file.about.documents)
    const again = formatModel(trainModel({ docs: docs.map(labelGold), trainedOn: ['corpus/gold/train.jsonl (split train)'] }))
    expect(again).toBe(readFileSync(SHIPPED_MODEL, 'utf8'))
  }, 60_000)

  it('maps the op-ed into a forest with one thesis, positions intact', () => {
    expect(checkForest(map.units, map.relations)).toEqual([])
    const restating = new Set(map.relations.filter((r) => r.type === 'restates').map((r) => r.from))
    expect(map.units.filter((u) => u.role === 'conclusion' && !restating.has(u.id))).toHaveLength(1)
    for (const u of map.units) expect(opEd.slice(u.start.offset, u.end.offset)).toBe(u.text)
    const role = new Map(map.units.map((u) => [u.id, u.role]))
    for (const r of map.relations) {
      expect(role.get(r.from)).not.toBe('none')
      expect(role.get(r.to)).not.toBe('none')
    }
  })

  it('explains each decision with its weighed features, largest first', () => {
    const weighed = /^(.+) ([+-]\d+\.\d\d)$/
    for (const u of map.units) {
      expect(u.signals.length).toBeGreaterThan(0)
      const ws = u.signals.map((s) => Math.abs(Number(weighed.exec(s)?.[2])))
      expect(ws.every((w) => Number.isFinite(w))).toBe(true)
      expect([...ws].sort((a, b) => b - a)).toEqual(ws)
      expect(u.confidence).toBeGreaterThanOrEqual(0)
      expect(u.confidence).toBeLessThanOrEqual(1)
    }
    for (const r of map.relations) expect(r.signals.length).toBeGreaterThan(0)
  })

  it('is the default, and `rules` keeps the rules-only path', () => {
    const saved = process.env.ARGMAP_MODEL
    try {
      delete process.env.ARGMAP_MODEL
      expect(analyze(opEd, { path: 'op-ed.md' })).toEqual(map)
      process.env.ARGMAP_MODEL = 'rules'
      const rules = analyze(opEd, { path: 'op-ed.md' })
      expect(rules).toEqual(analyze(opEd, { path: 'op-ed.md', model: 'rules' }))
      expect(rules.units.some((u) => u.signals.includes('boilerplate:bio'))).toBe(true)
    } finally {
      if (saved === undefined) delete process.env.ARGMAP_MODEL
      else process.env.ARGMAP_MODEL = saved
    }
  })
})

describe('argmap eval --cv', () => {
  it('trains on K-1 folds and reports each figure with its spread', () => {
    const cv = crossValidate(readGold(mini), 3)
    expect(cv.results).toHaveLength(3)
    expect(cv.folds).toBe('round-robin')
    const macro = cv.systems.argmap.macroF1
    expect(macro.folds).toHaveLength(3)
    expect(macro.mean).toBeCloseTo(macro.folds.reduce((a, b) => a + b, 0) / 3, 10)
    const text = formatCv(cv, 'mini.jsonl')
    expect(text).toContain('3-fold cross-validation by document (3 documents')
    expect(text).toMatch(/role macro F1 +\d\.\d{3} ± \d\.\d{3}/)
  })
})

describe('argmap train --reviewed', () => {
  it("learns from a reviewer's corrections (only the units and relations the reviewer decided)", async () => {
    const { cpSync, mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { trainCommand } = await import('../src/cli/commands/train.js')
    const { captureIo } = await import('./helpers.js')
    const dir = mkdtempSync(join(tmpdir(), 'argmap-train-'))
    cpSync(opEdPath, join(dir, 'china-north-korea.md'))
    cpSync(join(repoRoot, 'test/fixtures/review/op-ed/expected.review.json'), join(dir, 'china-north-korea.review.json'))
    const io = captureIo(dir)
    expect(await trainCommand({ gold: [], reviewed: ['.'], out: 'm.json' }, io)).toBe(0)
    expect(io.err()).toContain('read the corrections of 1 reviewed documents')
    const model = JSON.parse(readFileSync(join(dir, 'm.json'), 'utf8'))
    const sidecar = JSON.parse(readFileSync(join(dir, 'china-north-korea.review.json'), 'utf8'))
    expect(model.about.trainedOn).toEqual(['reviewed: .'])
    expect(model.about.documents).toBe(1)
    expect(model.about.units).toBeGreaterThan(0)
    expect(model.about.units).toBeLessThanOrEqual(sidecar.corrections.length)
    // Bad gold is a clear error, exit 1.
    const bad = captureIo(dir)
    expect(await trainCommand({ gold: ['china-north-korea.md'], out: 'x.json' }, bad)).toBe(1)
    expect(bad.err()).toMatch(/argmap train: Invalid gold file .*china-north-korea\.md:1: not a JSON object/)
  })
})
