import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { evaluateDocs } from '../src/eval/evaluate.js'
import { readGold } from '../src/eval/gold.js'
import { handAnalyzer } from './fixtures/eval/hand.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const TINY = path.join(here, 'fixtures/eval/tiny.jsonl')

// Predicted maps (p1, p2... in each document) and the gold they are scored against: test/fixtures/eval/hand.ts.
const evaluate = () => evaluateDocs(readGold(TINY), 'tiny.jsonl', handAnalyzer)
const result = evaluate()

describe('evaluate on hand-made gold and predictions', () => {
  it('summarises the gold file', () => {
    expect(result.gold).toEqual({ file: 'tiny.jsonl', documents: 3, units: 10, implicitUnits: 1, multiSpanUnits: 1, relations: 7 })
    // Reachable with these units: t1's and t2's conclusions align (t3's is implicit): 2/3;
    // relations with both ends aligned: all 3 of t1, both of t2, none of t3 (implicit target): 5/7.
    expect(result.ceiling.centralClaim).toBeCloseTo(2 / 3, 12)
    expect(result.ceiling.relationRecall).toBeCloseTo(5 / 7, 12)
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
    // t3's conclusion is implicit: 2 documents have an explicit one, and argmap gets 1 of them.
    expect(s.centralClaim).toEqual({ correct: 1, documents: 3, accuracy: 1 / 3, explicitDocuments: 2, explicitAccuracy: 1 / 2 })
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
    // Both explicit conclusions right: 2 of 2.
    expect(s.centralClaim).toEqual({ correct: 2, documents: 3, accuracy: 2 / 3, explicitDocuments: 2, explicitAccuracy: 1 })
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

describe('evaluateDocs', () => {
  it('names the gold document the analysis failed on', () => {
    const docs = readGold(TINY)
    const failing = (source: string) => {
      if (source.startsWith('We should')) throw new Error('boom')
      return handAnalyzer(source, { path: 't1.md' })
    }
    expect(() => evaluateDocs(docs, 'tiny.jsonl', failing)).toThrow('analysis failed on gold document t2: boom')
  })
})
