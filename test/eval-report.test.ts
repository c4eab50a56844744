import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evaluateDocs } from '../src/eval/evaluate.js'
import { readGold } from '../src/eval/gold.js'
import { formatReport } from '../src/eval/report.js'
import { handAnalyzer } from './fixtures/eval/hand.js'

const here = path.dirname(fileURLToPath(import.meta.url))
// The hand-scored run of test/eval-score.test.ts.
const result = evaluateDocs(readGold(path.join(here, 'fixtures/eval/tiny.jsonl')), 'tiny.jsonl', handAnalyzer)

describe('formatReport', () => {
  it('prints an aligned table with argmap, the rules alone and the baselines side by side (here one analyzer: the rules column repeats it)', () => {
    const out = formatReport(result).split('\n')
    expect(out.slice(0, 4)).toEqual([
      'tiny.jsonl: 3 documents, 10 gold units (1 implicit, 1 multi-span), 7 relations',
      '',
      'figure                  argmap  rules  all-premise  position',
      'units P                  0.818  0.818        0.818     0.818', // 9/11 for all: same units
    ])
    // Macro F1 11/45, 2/13, 7/18; central claim 1/3, 0, 2/3; typed attachment F1 2/7, 0, 4/15.
    expect(out).toContain('role macro F1            0.244  0.244        0.154     0.389')
    expect(out).toContain('central-claim accuracy   0.333  0.333        0.000     0.667')
    expect(out).toContain('typed attachment F1      0.286  0.286        0.000     0.267')
    expect(out).toContain("Ceiling with argmap's segmentation: central-claim accuracy 0.667, relation recall 0.714.")
    const matrix = out.indexOf('gold / argmap  conclusion  claim  premise  none  unmatched')
    expect(out.slice(matrix + 1, matrix + 5)).toEqual([
      'conclusion              1      1        0     0          1',
      'claim                   0      0        2     0          0',
      'premise                 1      1        2     1          0',
      'unmatched               1      0        1     0          -',
    ])
    expect(out).toContain('gold / position  conclusion  claim  premise  none  unmatched')
    expect(out.some((l) => l.startsWith('Worst-handled'))).toBe(false)
  })

  it('lists the worst-handled units on request', () => {
    const out = formatReport(result, { errors: 2 })
    expect(out).toContain(
      [
        'Worst-handled units (argmap, 2 of 9)',
        '',
        '1. [4] t3 27-59: gold premise, argmap conclusion (confidence 0.800)',
        '   "Children need rest after school."',
        '   signals: hand:2',
        '   gold relation: support → "[implicit] Homework should be abolished."; argmap relation: (none)',
        '2. [4] t2 0-114: gold conclusion, argmap claim (confidence 0.600)',
      ].join('\n'),
    )
    expect(out).not.toContain('3. [')
  })

  it('prints markdown tables', () => {
    const out = formatReport(result, { format: 'markdown', errors: 1 }).split('\n')
    expect(out.slice(0, 5)).toEqual([
      '**tiny.jsonl: 3 documents, 10 gold units (1 implicit, 1 multi-span), 7 relations**',
      '',
      '| figure | argmap | rules | all-premise | position |',
      '| --- | ---: | ---: | ---: | ---: |',
      '| units P | 0.818 | 0.818 | 0.818 | 0.818 |',
    ])
    expect(out).toContain('| unmatched | 1 | 0 | 1 | 0 | - |')
    expect(out).toContain(
      '| 1 | 4 | t3 27-59 | premise | conclusion | 0.800 | Children need rest after school. | hand:2 | support → "[implicit] Homework should be abolished." | (none) |',
    )
  })

  it('prints JSON with counts and rounded figures, errors only on request', () => {
    const json = JSON.parse(formatReport(result, { format: 'json' }))
    expect(Object.keys(json)).toEqual(['gold', 'ceiling', 'systems'])
    expect(json.systems.argmap.macroF1).toBe(0.2444)
    expect(json.systems.position.attachment).toEqual({ tp: 3, predicted: 8, gold: 7, precision: 0.375, recall: 0.4286, f1: 0.4 })
    expect(json.systems['all-premise'].confusion.premise.conclusion).toBe(2)
    const withErrors = JSON.parse(formatReport(result, { format: 'json', errors: 3 }))
    expect(withErrors.errors.map((e: { doc: string; severity: number }) => [e.doc, e.severity])).toEqual([
      ['t3', 4],
      ['t2', 4],
      ['t2', 3],
    ])
  })
})
