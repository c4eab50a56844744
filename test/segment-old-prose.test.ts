import { describe, expect, it } from 'vitest'
import { segment } from '../src/segment/index.js'

/** Sentences (no clause splitting) of one paragraph, as text. */
const sentences = (md: string): string[] => segment(md, { clauses: false }).map((s) => s.text)

describe('sentence splitting on the corpus’s older and technical prose', () => {
  it('an enumerator opening a sentence or a list item inside one does not end a sentence', () => {
    expect(sentences('Two important questions arise: 1. Whether any part be improper? 2. Whether the whole be dangerous?\n')).toEqual([
      'Two important questions arise: 1. Whether any part be improper?',
      '2. Whether the whole be dangerous?',
    ])
    expect(sentences('It is to extend: First. To all cases in law and equity. Secondly. To treaties made. IV. The number of senators. 3d. The partition of the authority.\n')).toEqual([
      'It is to extend: First. To all cases in law and equity.',
      'Secondly. To treaties made.',
      'IV. The number of senators.',
      '3d. The partition of the authority.',
    ])
    expect(sentences('They relate to these objects: 1. Security against foreign danger; 2. Regulation of commerce; 3. Harmony among the States.\n')).toHaveLength(1)
  })

  it('a number that ends a sentence still ends it', () => {
    expect(sentences('It was printed as No. 1. Then came the rest. The vote was 12. The motion passed.\n')).toEqual([
      'It was printed as No. 1.',
      'Then came the rest.',
      'The vote was 12.',
      'The motion passed.',
    ])
  })

  it('a straight quote that opens a quotation while another is open does not pair across the text between them', () => {
    const text = 'The act recommends the "appointment of commissioners. "The act of Congress is in these words. It is clear. The people may "abolish or alter their governments," as they please.\n'
    expect(sentences(text)).toEqual([
      'The act recommends the "appointment of commissioners.',
      '"The act of Congress is in these words.',
      'It is clear.',
      'The people may "abolish or alter their governments," as they please.',
    ])
    // A quotation embedded in a sentence still holds together.
    expect(sentences('He wrote "the grid is ready. Demand is not" at 3 p.m. on Monday. Then he left.\n')).toEqual([
      'He wrote "the grid is ready. Demand is not" at 3 p.m. on Monday.',
      'Then he left.',
    ])
  })

  it('a sentence may open with inline code', () => {
    expect(sentences('There is no lint configuration for clippy. `lints.clippy.x` exists for illustration. See `e.g. this`.\n')).toEqual([
      'There is no lint configuration for clippy.',
      '`lints.clippy.x` exists for illustration.',
      'See `e.g. this`.',
    ])
  })

  it('a footnote number glued to the full stop ends the sentence with it', () => {
    expect(sentences('The governor can confirm his own nomination.3 If we compare the two, the power differs. Version 1.2 Is out.\n')).toEqual([
      'The governor can confirm his own nomination.3',
      'If we compare the two, the power differs.',
      'Version 1.2 Is out.',
    ])
  })
})
