import { describe, expect, it } from 'vitest'
import { median, pairedRatio, type Timing } from '../bench/measure.js'

const timing = (times: number[]): Timing => ({ median: median(times), min: Math.min(...times), samples: times.length, times })

describe('pairedRatio', () => {
  it('cancels the machine drifting between rounds, which a ratio of medians does not', () => {
    // a takes twice b's time at the same machine speed. The machine slows down by half during
    // round 3, between b's run and a's, and stays slow: a is slow from round 3, b from round 4.
    const b = timing([100, 100, 100, 150, 150])
    const a = timing([200, 200, 300, 300, 300])
    expect(pairedRatio(a, b)).toBe(2)
    expect(a.median / b.median).toBe(3)
  })

  it('is the median of the per-round ratios', () => {
    expect(pairedRatio(timing([10, 30, 50]), timing([10, 10, 10]))).toBe(3)
    expect(pairedRatio(timing([4, 9, 1, 2]), timing([2, 3, 1, 1]))).toBe(2)
  })
})
