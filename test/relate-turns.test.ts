// Relate: how turns, concessions and the opening question shape the structure.
import { describe, expect, it } from 'vitest'
import { structure as analyse } from './support/structure.js'

describe('turns and concessions', () => {
  it('a main clause opening with "ultimately" still answers the fronted "While X,"', () => {
    const { edges } = analyse(
      'Driving while using a phone is dangerous. A phone distracts drivers from the road. ' +
        'While a mobile GPS can be useful in many cases, ultimately the risks outweigh this value.\n',
    )
    expect(edges).toContain('While a mobile -attack-> Driving while using')
    expect(edges).toContain('ultimately the risks -attack-> While a mobile')
  })

  it('reads a sentence-initial "Though," as a turn against the sentence before it', () => {
    const { edges } = analyse(
      'Phones are pulling families apart. Family time is spent staring at screens. ' +
        'If this does not change, families could drift further apart. ' +
        'Though, no research has confirmed this outcome yet.\n',
    )
    expect(edges).toContain('Though, no research -attack-> If this does')
  })

  it('"But once X, Y" with no scenario before it is a turn; after "If X, A." it is the other case', () => {
    const turn = analyse(
      'Higher fines for dog dirt are right. Of course, the owners would first have to be caught. ' +
        'But once they have to pay, their laziness will vanish.\n',
    )
    expect(turn.edges).toContain('But once they -attack-> Of course, the')
    const cases = analyse(
      'The treaty puts us in a bind. If the talks succeed, our rival gains influence. ' +
        'But if the talks fail, we face a war on our border.\n',
    )
    expect(cases.edges).toContain('But if the -support-> The treaty puts')
  })

  it('"That being said" turns; "One possible counter argument is" names the other side', () => {
    const { edges } = analyse(
      'Landfills are the wrong answer. One possible counter argument is that landfills are cheap. ' +
        'That being said, they pollute the ground water for decades.\n',
    )
    expect(edges).toContain('One possible counter -attack-> Landfills are the')
    expect(edges).toContain('That being said, -attack-> One possible counter')
  })

  it('an unmarked clause that continues a sentence shares its sentence’s place', () => {
    const { edges, roles } = analyse(
      'Hunting is good for the environment. Some people may object to hunting on the basis of humane treatment. ' +
        'Animals do not necessarily feel pain as we do, and a quick shot is better than starvation.\n',
    )
    expect(edges).toContain('Animals do not -attack-> Some people may')
    expect(edges).toContain('as we do, -attack-> Some people may')
    expect(roles).toContain('Animals do not: premise')
  })

  it('the sentence after "X, because Y." expands on Y; after "X, as Y." it is about X again', () => {
    const because = analyse(
      'Phones should be banned at the wheel, because they distract drivers. Holding a phone takes a hand off the steering wheel.\n',
    )
    expect(because.edges).toContain('Holding a phone -support-> because they distract')
    const as = analyse(
      'The field should be built on, as it lies in the middle of the city. Its size allows housing and open space alike.\n',
    )
    expect(as.edges).toContain('Its size allows -support-> The field should')
  })

  it('leaves out the question a text opens with: it poses the issue', () => {
    const { roles } = analyse(
      'Is nuclear energy really safe? I do not think so. Accidents happen. The waste stays dangerous for ages.\n',
    )
    expect(roles[0]).toBe('Is nuclear energy: none')
    expect(roles.filter((r) => r.endsWith('conclusion'))).toHaveLength(1)
  })
})
