// Relate: what a report, an aggravating fact or a sentence between two turns backs.
import { describe, expect, it } from 'vitest'
import { structure as analyse } from './support/structure.js'

describe('grounds', () => {
  it('a dated report that "this could have ..." draws a consequence from backs that consequence', () => {
    const { edges, roles } = analyse(
      'Investors should sell the stock.\n\nThe firm stands to lose either way. If the merger fails, its shares will fall. ' +
        'Since 2015, the firm has expanded its business into Asia. This is shown by its new offices in Tokyo. ' +
        'Yet this expansion could have given its rivals the upper hand at home.\n',
    )
    expect(edges).toContain('Since 2015, the -support-> Yet this expansion')
    expect(edges).toContain('This is shown -support-> Since 2015, the')
    expect(edges).toContain('Yet this expansion -support-> The firm stands')
    expect(roles).toContain('Yet this expansion: claim')
  })

  it('"The fact that X did not help." is argued (a judgement) and backs the trouble stated before it', () => {
    const { edges, roles } = analyse(
      'The town should reject the new stadium.\n\nSince the mill closed, relations between residents and the council were tense. ' +
        'The fact that the council sold the old park to a developer in 2015 did not help. Yet the town still needs jobs.\n',
    )
    expect(roles).toContain('The fact that: premise')
    expect(edges).toContain('The fact that -support-> Since the mill')
  })

  it('in "A. However, B. C. Yet D." the unmarked C sides with the turn B, it is not conceded on its own', () => {
    const { edges } = analyse(
      'The stadium plan should be dropped.\n\nThe plan was met with anger at first. ' +
        'Those fears, however, were calmed when the council announced strict limits. ' +
        "The mayor urged everyone to 'give it a chance'. Yet in private many shop owners worried about the traffic.\n",
    )
    expect(edges).toContain('Those fears, however, -attack-> The plan was')
    expect(edges).toContain('The mayor urged -support-> Those fears, however,')
    expect(edges).toContain('Yet in private -support-> The stadium plan')
  })

  it('the writer’s own experience ("I talk to my cousins ...") is evidence for the statement before it', () => {
    const { edges, roles } = analyse(
      'Cell phones have brought families closer together. Long distance calls cost nothing any more. ' +
        'I talk to my cousins in Canada every week.\n',
    )
    expect(edges).toContain('I talk to -support-> Long distance calls')
    expect(roles).toContain('Long distance calls: claim')
  })

  it('a reason added with "also" before a "but" stays on the writer’s side (not conceded)', () => {
    const { edges } = analyse(
      'Landfills are the wrong way to handle our trash. They leak toxins into the ground water. ' +
        'They also take up a lot of space. But recycling plants are expensive to build.\n',
    )
    expect(edges).toContain('They also take -support-> Landfills are the')
  })
})
