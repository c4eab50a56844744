import path from 'node:path'
import { Writable } from 'node:stream'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evalCommand } from '../src/cli/commands/eval.js'
import { evaluate, goldToMarkdown, readGold, SYSTEMS, toPrediction } from '../src/eval/index.js'
import { analyze } from '../src/pipeline.js'
import type { Prf } from '../src/eval/types.js'
import { hasShared, sharedDir } from './env.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(here, '..')
const MICROTEXTS = path.resolve(sharedDir, 'gold/microtexts.jsonl')

function sink() {
  const chunks: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk))
      done()
    },
  })
  return { stream, text: () => chunks.join('') }
}

async function run(opts: Parameters<typeof evalCommand>[0]) {
  const stdout = sink()
  const stderr = sink()
  const code = await evalCommand(opts, { cwd: here, stdout: stdout.stream, stderr: stderr.stream })
  return { code, stdout: stdout.text(), stderr: stderr.text() }
}

describe('argmap eval', () => {
  it('runs the pipeline on a gold file relative to cwd', async () => {
    const r = await run({ gold: 'fixtures/eval/tiny.jsonl' })
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    expect(r.stdout.startsWith('tiny.jsonl: 3 documents, 10 gold units (1 implicit, 1 multi-span), 7 relations\n')).toBe(true)
    expect(r.stdout).toContain('figure                  argmap  rules  all-premise  position')
    const json = await run({ gold: 'fixtures/eval/tiny.jsonl', format: 'json', errors: true })
    expect(Object.keys(JSON.parse(json.stdout))).toEqual(['gold', 'ceiling', 'systems', 'errors'])
    const two = await run({ gold: 'fixtures/eval/tiny.jsonl', format: 'json', errors: '2' })
    expect(JSON.parse(two.stdout).errors).toHaveLength(2)
  })

  it('exits 1 naming a missing or invalid gold file (an input failed), 2 on a bad option', async () => {
    const missing = await run({ gold: 'fixtures/eval/nope.jsonl' })
    expect(missing.code).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toBe(`argmap eval: Cannot read gold file ${path.join(here, 'fixtures/eval/nope.jsonl')}: no such file\n`)
    const invalid = await run({ gold: 'eval-cli.test.ts' })
    expect(invalid.code).toBe(1)
    expect(invalid.stderr).toBe(`argmap eval: Invalid gold file ${path.join(here, 'eval-cli.test.ts')}:1: not a JSON object\n`)
    expect((await run({ gold: 'fixtures/eval/tiny.jsonl', format: 'xml' as 'json' })).code).toBe(2)
    expect((await run({ gold: 'fixtures/eval/tiny.jsonl', errors: -1 })).code).toBe(2)
    const word = await run({ gold: 'fixtures/eval/tiny.jsonl', errors: 'some' })
    expect([word.code, word.stderr]).toEqual([2, 'argmap eval: --errors expects a whole number, got "some"\n'])
  })
})

describe.skipIf(!hasShared)('evaluate on the microtexts gold (read in place from ../shared)', () => {
  it('reports every figure in [0, 1] for argmap and both baselines, deterministically', () => {
    const result = evaluate(MICROTEXTS)
    expect(result.gold).toMatchObject({ file: 'microtexts.jsonl', documents: 112, units: 576, relations: 464 })
    expect(Object.keys(result.systems)).toEqual([...SYSTEMS])
    for (const s of SYSTEMS) {
      const f = result.systems[s]
      const prfs: Prf[] = [f.segmentation, f.roles.conclusion, f.roles.claim, f.roles.premise, f.attachment, f.typedAttachment]
      for (const x of [...prfs.flatMap((p) => [p.precision, p.recall, p.f1]), f.macroF1, f.centralClaim.accuracy]) {
        expect(x).toBeGreaterThanOrEqual(0)
        expect(x).toBeLessThanOrEqual(1)
      }
      expect(f.centralClaim.documents).toBe(112)
      expect(f.roles.conclusion.gold).toBe(112)
      // Every gold unit lands in exactly one confusion cell.
      const goldCells = (['conclusion', 'claim', 'premise'] as const).flatMap((r) => Object.values(f.confusion[r]))
      expect(goldCells.reduce((a, b) => a + b, 0)).toBe(576)
    }
    // Baselines keep argmap's units.
    expect(result.systems['all-premise'].segmentation).toEqual(result.systems.argmap.segmentation)
    expect(result.systems.position.segmentation).toEqual(result.systems.argmap.segmentation)
    expect(result.errors.length).toBeGreaterThan(0)
    expect(evaluate(MICROTEXTS)).toEqual(result)
  })

  it('maps every predicted unit back onto the gold text', () => {
    const mismatches: string[] = []
    for (const doc of readGold(MICROTEXTS)) {
      const { markdown, toGold } = goldToMarkdown(doc)
      for (const u of toPrediction(analyze(markdown), toGold).units) {
        const unescaped = u.text.replace(/\\(.)/g, '$1')
        if (doc.text.slice(u.start, u.end) !== unescaped) mismatches.push(`${doc.id}: ${unescaped}`)
      }
    }
    expect(mismatches).toEqual([])
  })
})
