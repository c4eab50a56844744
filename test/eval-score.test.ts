import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { type Analyzer, evaluateDocs } from '../src/eval/evaluate.js'
import { readGold } from '../src/eval/gold.js'
import type { ArgumentMap, RelationType, Role, Unit } from '../src/model/types.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const TINY = path.join(here, 'fixtures/eval/tiny.jsonl')

type U = [text: string, role: Role, confidence: number, paragraph: number]
type R = [from: number, to: number, type: RelationType]

/** A hand-made predicted map: units found by their text in the markdown eval hands the analyzer. */
function handMap(source: string, docPath: string, units: U[], relations: R[]): ArgumentMap {
  const point = (offset: number) => {
    const before = source.slice(0, offset)
    const line = before.split('\n').length
    return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset }
  }
  let from = 0
  const out: Unit[] = units.map(([text, role, confidence, paragraph], i) => {
    const start = source.indexOf(text, from)
    if (start < 0) throw new Error(`"${text}" not in ${JSON.stringify(source)}`)
    from = start + text.length
    return { id: `p${i + 1}`, role, text, start: point(start), end: point(from), paragraph, confidence, signals: [`hand:${i + 1}`] }
  })
  return {
    schema: 'argmap/1',
    source: { path: docPath, sha256: '', title: null },
    units: out,
    relations: relations.map(([f, t, type]) => ({ from: `p${f}`, to: `p${t}`, type, confidence: 1, signals: [] })),
  }
}

// Gold (test/fixtures/eval/tiny.jsonl, written for this test):
// t1  a1 conclusion "Cities should ban cars..."; a2 premise "Traffic kills ... many more." -support-> a1;
//     a3 claim "Some say shops..." -attack-> a1; a4 premise "But pedestrian..." -attack-> a3.
// t2  (two paragraphs joined by one "\n" in gold, by a blank line in the markdown)
//     a1 conclusion, two spans: "We should plant more trees" [0,26) + "So yes, plant more trees." [89,114): 51 chars;
//     a2 claim "because they cool the streets." -support-> a1; a3 premise "Shade saves..." -support-> a2.
// t3  a1 implicit conclusion (no text); a2, a3 premises -support-> a1.
const PREDICTED: Record<string, { units: U[]; relations: R[] }> = {
  't1.md': {
    units: [
      ['Cities should ban cars from their centres.', 'conclusion', 0.9, 0], // p1 = a1
      ['Traffic kills thousands every year', 'premise', 0.8, 0], // p2 = a2 (overlap 34, 2*34 >= 57)
      ['and injures many more.', 'premise', 0.4, 0], // p3 unmatched (a2 taken)
      ['Some say shops would lose customers.', 'premise', 0.55, 0], // p4 = a3
      ['But pedestrian streets attract more shoppers.', 'claim', 0.65, 0], // p5 = a4
    ],
    relations: [[2, 1, 'support'], [3, 1, 'support'], [4, 1, 'support'], [5, 1, 'support']],
  },
  't2.md': {
    units: [
      ['We should plant more trees,', 'claim', 0.6, 0], // p1 = a1 (overlap 26, 2*26 = 52 >= 51)
      ['because they cool the streets.', 'premise', 0.7, 0], // p2 = a2
      ['Shade saves energy in summer.', 'premise', 0.5, 1], // p3 = a3
      ['So yes, plant more trees.', 'conclusion', 0.7, 1], // p4 unmatched (2*25 = 50 < 51)
    ],
    relations: [[1, 4, 'support'], [2, 1, 'support'], [3, 1, 'support']],
  },
  't3.md': {
    units: [
      ['Homework eats family time.', 'none', 0.5, 0], // p1 = a2
      ['Children need rest after school.', 'conclusion', 0.8, 0], // p2 = a3
    ],
    relations: [],
  },
}

const handAnalyzer: Analyzer = (source, options) => {
  const p = PREDICTED[options?.path ?? '']
  if (!p) throw new Error(`no hand map for ${options?.path}`)
  return handMap(source, options!.path!, p.units, p.relations)
}

const evaluate = () => evaluateDocs(readGold(TINY), 'tiny.jsonl', handAnalyzer)
const result = evaluate()

describe('evaluate on hand-made gold and predictions', () => {
  it('summarises the gold file', () => {
    expect(result.gold).toEqual({ file: 'tiny.jsonl', documents: 3, units: 10, implicitUnits: 1, multiSpanUnits: 1, relations: 7 })
  })

  it('scores argmap as worked out by hand', () => {
    const s = result.systems.argmap
    // Segmentation: 11 predicted units, 9 gold units with text (the implicit one is not text),
    // 9 aligned pairs (t1 4, t2 3, t3 2). P 9/11, R 1, F1 = 2(9/11)/(20/11) = 0.9.
    expect(s.segmentation).toMatchObject({ tp: 9, predicted: 11, gold: 9 })
    expect(s.segmentation.precision).toBeCloseTo(9 / 11, 12)
    expect(s.segmentation.recall).toBe(1)
    expect(s.segmentation.f1).toBeCloseTo(0.9, 12)
    // Gold roles: conclusion 3 (one implicit), claim 2, premise 5. Predicted: conclusion 3 (t1 p1, t2 p4, t3 p2),
    // claim 2 (t1 p5, t2 p1), premise 5 (t1 p2 p3 p4, t2 p2 p3), none 1.
    // conclusion TP 1 (t1 p1=a1); claim TP 0; premise TP 2 (t1 p2=a2, t2 p3=a3).
    expect(s.roles.conclusion).toMatchObject({ tp: 1, predicted: 3, gold: 3 })
    expect(s.roles.conclusion.f1).toBeCloseTo(1 / 3, 12)
    expect(s.roles.claim).toMatchObject({ tp: 0, predicted: 2, gold: 2, precision: 0, recall: 0, f1: 0 })
    expect(s.roles.premise).toMatchObject({ tp: 2, predicted: 5, gold: 5 })
    expect(s.roles.premise.f1).toBeCloseTo(0.4, 12)
    expect(s.macroF1).toBeCloseTo((1 / 3 + 0 + 0.4) / 3, 12)
    // Central claim: t1 right; t2's one conclusion (p4) is unaligned; t3 predicts a premise (and gold is implicit).
    expect(s.centralClaim).toEqual({ correct: 1, documents: 3, accuracy: 1 / 3 })
    // Relations mapped through the alignment: t1 a2->a1 ok, (p3 unaligned), a3->a1 ok (but support, gold attack),
    // a4->a1 wrong; t2 (p4 unaligned) a2->a1 ok, a3->a1 wrong; t3 none. 7 predicted, 7 gold.
    // Attachment TP 3: P = R = F1 = 3/7; typed TP 2 (t1 a3->a1 has the wrong type): 2/7.
    expect(s.attachment).toMatchObject({ tp: 3, predicted: 7, gold: 7 })
    expect(s.attachment.f1).toBeCloseTo(3 / 7, 12)
    expect(s.typedAttachment).toMatchObject({ tp: 2, predicted: 7, gold: 7 })
    expect(s.typedAttachment.f1).toBeCloseTo(2 / 7, 12)
    expect(s.confusion).toEqual({
      conclusion: { conclusion: 1, claim: 1, premise: 0, none: 0, unmatched: 1 }, // t1 a1; t2 a1; t3 implicit
      claim: { conclusion: 0, claim: 0, premise: 2, none: 0, unmatched: 0 }, // t1 a3, t2 a2
      premise: { conclusion: 1, claim: 1, premise: 2, none: 1, unmatched: 0 }, // t3 a3; t1 a4; t1 a2, t2 a3; t3 a2
      unmatched: { conclusion: 1, claim: 0, premise: 1, none: 0, unmatched: 0 }, // t2 p4; t1 p3
    })
  })

  it('scores the all-premise baseline on the same units', () => {
    const s = result.systems['all-premise']
    // Last unit is the conclusion: t1 p5 (=a4 premise), t2 p4 (unaligned), t3 p2 (=a3 premise): TP 0.
    // No claims predicted: claim P = 0 (0/0 counts as 0). Premises: 8 predicted, TP 3 (t1 p2, t2 p3, t3 p1).
    // premise F1 = 2(3/8)(3/5)/(3/8 + 3/5) = 6/13; macro = (6/13)/3 = 2/13.
    expect(s.segmentation).toEqual(result.systems.argmap.segmentation)
    expect(s.roles.conclusion).toMatchObject({ tp: 0, predicted: 3, gold: 3, f1: 0 })
    expect(s.roles.claim).toMatchObject({ tp: 0, predicted: 0, gold: 2, precision: 0, f1: 0 })
    expect(s.roles.premise).toMatchObject({ tp: 3, predicted: 8, gold: 5 })
    expect(s.roles.premise.f1).toBeCloseTo(6 / 13, 12)
    expect(s.macroF1).toBeCloseTo(2 / 13, 12)
    expect(s.centralClaim.accuracy).toBe(0)
    // Every premise -> last unit: t1 a1->a4, a2->a4, p3, a3->a4 (gold has a4->a3); t2 all point at unaligned p4;
    // t3 a2->a3. 8 predicted, none right.
    expect(s.attachment).toMatchObject({ tp: 0, predicted: 8, gold: 7, f1: 0 })
    expect(s.typedAttachment).toMatchObject({ tp: 0, predicted: 8, gold: 7 })
    expect(s.confusion).toEqual({
      conclusion: { conclusion: 0, claim: 0, premise: 2, none: 0, unmatched: 1 },
      claim: { conclusion: 0, claim: 0, premise: 2, none: 0, unmatched: 0 },
      premise: { conclusion: 2, claim: 0, premise: 3, none: 0, unmatched: 0 },
      unmatched: { conclusion: 1, claim: 0, premise: 1, none: 0, unmatched: 0 },
    })
  })

  it('scores the position baseline on the same units', () => {
    const s = result.systems.position
    // First unit the conclusion: t1 p1 (=a1), t2 p1 (=a1), t3 p1 (=a2 premise): TP 2 of 3 -> P = R = F1 = 2/3.
    // t2's second paragraph opens with p3 (=a3 premise): the only claim, wrong. Premises: 7 predicted
    // (t1 p2-p5, t2 p2 p4, t3 p2), TP 3 (t1 p2, p5; t3 p2): F1 = 2(3/7)(3/5)/(3/7 + 3/5) = 1/2.
    expect(s.roles.conclusion).toMatchObject({ tp: 2, predicted: 3, gold: 3 })
    expect(s.roles.conclusion.f1).toBeCloseTo(2 / 3, 12)
    expect(s.roles.claim).toMatchObject({ tp: 0, predicted: 1, gold: 2, f1: 0 })
    expect(s.roles.premise).toMatchObject({ tp: 3, predicted: 7, gold: 5 })
    expect(s.roles.premise.f1).toBeCloseTo(0.5, 12)
    expect(s.macroF1).toBeCloseTo(7 / 18, 12)
    expect(s.centralClaim).toEqual({ correct: 2, documents: 3, accuracy: 2 / 3 })
    // t1: a2->a1 ok, p3, a3->a1 ok (support, gold attack), a4->a1; t2: a2->a1 ok, a3(claim)->a1, p4->p3;
    // t3: a3->a2. Attachment 3/8 P, 3/7 R, F1 = 2/5; typed 2/8, 2/7, F1 = 4/15.
    expect(s.attachment).toMatchObject({ tp: 3, predicted: 8, gold: 7 })
    expect(s.attachment.f1).toBeCloseTo(0.4, 12)
    expect(s.typedAttachment).toMatchObject({ tp: 2, predicted: 8, gold: 7 })
    expect(s.typedAttachment.f1).toBeCloseTo(4 / 15, 12)
    expect(s.confusion).toEqual({
      conclusion: { conclusion: 2, claim: 0, premise: 0, none: 0, unmatched: 1 },
      claim: { conclusion: 0, claim: 0, premise: 2, none: 0, unmatched: 0 },
      premise: { conclusion: 1, claim: 1, premise: 3, none: 0, unmatched: 0 },
      unmatched: { conclusion: 0, claim: 0, premise: 2, none: 0, unmatched: 0 },
    })
  })

  it('lists the worst-handled units worst first', () => {
    // severity = role (3 conclusion involved, 2 tagged none / not found, 1 claim-premise or spurious)
    //          + attachment (1 wrong target or one-sided, 0.5 wrong type); then confidence desc, doc, offset.
    const rows = result.errors.map((e) => [e.doc, e.text.slice(0, 14), e.goldRole, e.predictedRole, e.severity, e.confidence])
    expect(rows).toEqual([
      ['t3', 'Children need ', 'premise', 'conclusion', 4, 0.8], // 3 + gold a3->a1, predicted nothing
      ['t2', 'We should plan', 'conclusion', 'claim', 4, 0.6], // 3 + predicted p1->p4, gold nothing
      ['t2', 'So yes, plant ', 'unmatched', 'conclusion', 3, 0.7], // spurious conclusion
      ['t3', 'Homework eats ', 'premise', 'none', 3, 0.5], // 2 + missing relation
      ['t1', 'But pedestrian', 'premise', 'claim', 2, 0.65], // 1 + attached to a1, gold a3
      ['t1', 'Some say shops', 'claim', 'premise', 1.5, 0.55], // 1 + right target, wrong type
      ['t2', 'because they c', 'claim', 'premise', 1, 0.7],
      ['t2', 'Shade saves en', 'premise', 'premise', 1, 0.5], // right role, wrong target
      ['t1', 'and injures ma', 'unmatched', 'premise', 1, 0.4], // spurious premise
    ])
    const first = result.errors[1]!
    expect(first.text).toBe('We should plant more trees … So yes, plant more trees.')
    expect(first.signals).toEqual(['hand:1'])
    expect(first.predictedRelation).toEqual({ type: 'support', to: 'So yes, plant more trees.' })
    expect(result.errors[0]!.goldRelation).toEqual({ type: 'support', to: '[implicit] Homework should be abolished.' })
  })

  it('is deterministic', () => {
    expect(evaluate()).toEqual(result)
  })
})
