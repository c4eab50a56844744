// Clause splits (src/segment/clauses.ts) that decide the units the tagger sees.
import { describe, expect, it } from 'vitest'
import { segment } from '../src/segment/index.js'

const units = (md: string): string[] => segment(md).map((s) => s.text)

describe('clause splits', () => {
  it('splits a reason after a bare "as" or "since" before a subject', () => {
    expect(units('We should continue hunting as it provides a sustainable resource.\n')).toEqual([
      'We should continue hunting',
      'as it provides a sustainable resource.',
    ])
    expect(units('Composting takes some planning since it needs a good amount of space.\n')).toEqual([
      'Composting takes some planning',
      'since it needs a good amount of space.',
    ])
  })

  it('splits ", as X" and ", even if X" after a main clause', () => {
    expect(units('You should watch less television, as too much TV makes you stupid.\n')).toEqual([
      'You should watch less television,',
      'as too much TV makes you stupid.',
    ])
    expect(units('The airport should be planned again, even if billions have been spent on it.\n')).toEqual([
      'The airport should be planned again,',
      'even if billions have been spent on it.',
    ])
  })

  it('splits a trailing "unless" condition', () => {
    expect(units('Insurers should not pay for such treatment unless its benefit has been proven.\n')).toEqual([
      'Insurers should not pay for such treatment',
      'unless its benefit has been proven.',
    ])
  })

  it('splits at a colon before a clause of its own, not before a list or a name', () => {
    expect(units('Our society will have too many old people: the life expectancy is rising steadily.\n')).toEqual([
      'Our society will have too many old people:',
      'the life expectancy is rising steadily.',
    ])
    const whole = 'One thing had now become clear: China had to put aside its differences.'
    expect(units(`${whole}\n`)).toEqual([whole])
  })

  it('keeps comparisons, fixed phrases, temporal "since" and adverbial "though" whole', () => {
    for (const s of [
      'The new plan is just as good as it was in the first draft.',
      'Wind farms produce energy, as well as jobs for the region.',
      'Prices have gone up since it was decided to tax sugar.',
      'This initial investment, though, far outweighs the negative effects.',
      'We must cut our reliance on coal as a main source of energy.',
    ]) {
      expect(units(`${s}\n`)).toEqual([s])
    }
  })
})
