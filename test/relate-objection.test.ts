// Relate: replies to a reported objection, a concession that closes its sentence, consequences, quoted names.
import { describe, expect, it } from 'vitest'
import { structure } from './support/structure.js'

const edges = (source: string): string[] => structure(source).edges

describe('objections, concessions, consequences and quoted evidence', () => {
  it('reads the sentence after a reported objection as the reply, and the next one as backing the reply', () => {
    const e = edges(
      'Zoos should be closed for good. Animals suffer in small cages. ' +
        'Some people object that zoos protect endangered species. ' +
        'Few of the animals kept in zoos are endangered at all. ' +
        'Most of them are bred for display and never released.\n',
    )
    expect(e).toContain('Some people object -attack-> Zoos should be')
    expect(e).toContain('Few of the -attack-> Some people object')
    expect(e).toContain('Most of them -support-> Few of the')
  })

  it('keeps elaborating a point the author grants ("Yes, X.")', () => {
    const e = edges(
      'Yes, sorting rubbish is annoying and takes time. ' +
        'Three bins stink away in the kitchen every week. ' +
        'But we still throw away far too many resources. ' +
        'We should all take the chance and sort our waste.\n',
    )
    expect(e).toContain('Three bins stink -support-> Yes, sorting rubbish')
  })

  it('after "X, although Y." the next sentence is about X again, not the concession', () => {
    const e = edges(
      'Dog owners should pay higher fines for dirt left on pavements, although there are not enough bins. ' +
        'So far they have hardly had to fear any consequences.\n',
    )
    expect(e).toContain('although there are -attack-> Dog owners should')
    expect(e).toContain('So far they -support-> Dog owners should')
  })
  it('a quoted name after a general statement is evidence for it; scare quotes are not', () => {
    const base = 'Cities should ban cars from their centres. Residents have begun to mock the traffic. '
    expect(edges(`${base}“Carmageddon” is now a name often used for the rush hour.\n`)).toContain('“Carmageddon” is now -support-> Residents have begun')
    expect(edges(`${base}The 'rush hour' now lasts all day.\n`)).toContain("The 'rush hour' -support-> Cities should ban")
  })

  it('a modal consequence of a dated report backs the point; of a proposal it attacks', () => {
    const report = edges(
      'China stands to lose either way. Since 2008 China has accelerated its pivot to Eurasia. ' +
        'Yet this preoccupation could have given the United States the upper hand.\n',
    )
    expect(report).toContain('Yet this preoccupation -support-> China stands to')
    const proposal = edges(
      'Universities should be funded by the state. If a university lacks funds, sponsors must be found. ' +
        'Unfortunately this can lead to unwelcome dependencies.\n',
    )
    expect(proposal).toContain('Unfortunately this can -attack-> If a university')
  })
  it('an unmarked sentence elaborates only the sentence just before it', () => {
    const e = edges(
      'We should tax sugar. Sugary drinks rot the teeth of children. ' +
        'The rotten teeth of children cost dentists hours of work. ' +
        'Obesity costs the health service billions every year. ' +
        'Dentists spend many hours on work that could be avoided.\n',
    )
    expect(e).toContain('The rotten teeth -support-> Sugary drinks rot')
    expect(e).toContain('Dentists spend many -support-> We should tax')
    // "also" adds a reason beside the one before it instead of expanding on it.
    const also = edges(
      'We should tax sugar. Sugary drinks rot the teeth of children. ' +
        'The rotten teeth of children also cost dentists hours of work.\n',
    )
    expect(also).toContain('The rotten teeth -support-> We should tax')
  })
  it('a sentence pointing back at a "but" turn continues the turn; figures back a turn too', () => {
    const base = 'LED lights are worth buying. They cost more in the shop than old bulbs. But in the long run they save a lot of energy. '
    expect(edges(`${base}They last for years without replacement.\n`)).toContain('They last for -support-> But in the')
    expect(edges(`${base}Most models use 25 to 80 percent less power.\n`)).toContain('Most models use -support-> But in the')
  })
  it('a sentence merely opening with "some people"/"many people" reports no objection', () => {
    const e = edges(
      'Supermarkets should not charge for plastic bags. Plastic bags are cheap to make. ' +
        'Many people reuse the plastic bags after they get home. ' +
        'They line their bins with them.\n',
    )
    // A statement about what many people do backs the thesis; only a verb of saying or thinking reports a view.
    expect(e).toContain('Many people reuse -support-> Supermarkets should not')
    const v = edges('Supermarkets should not charge for plastic bags. Many people argue that a fee changes habits.\n')
    expect(v).toContain('Many people argue -attack-> Supermarkets should not')
  })

  it('reads the author’s reply ("I would suggest ...") to a named counter-argument as an attack on it', () => {
    const e = edges(
      'Large families are not better for the children. Parents have less time for each child. ' +
        'One possible counter argument is that siblings support each other for life. ' +
        'I would suggest that this support is overrated.\n',
    )
    expect(e).toContain('One possible counter -attack-> Large families are')
    expect(e).toContain('I would suggest -attack-> One possible counter')
  })
})
