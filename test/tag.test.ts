import { describe, expect, it } from 'vitest'
import { segment } from '../src/segment/index.js'
import { tag } from '../src/tag/index.js'
import { firstMain, lastMain, pickThesis } from '../src/tag/rules/thesis.js'
import { features, unitFeatures } from '../src/tag/features.js'

function tagText(source: string, title: string | null = null) {
  const segments = segment(source)
  const tagged = tag(segments, { paragraphCount: segments.at(-1)!.paragraph + 1, title })
  return segments.map((s, i) => ({ text: s.plain, ...tagged[i]! }))
}

describe('tag', () => {
  it('returns one result per segment, in order, with signals and confidence', () => {
    const out = tagText('Hunting is good for the environment, because overpopulated species can be thinned out. Some people may object.')
    expect(out.map((t) => t.text)).toEqual([
      'Hunting is good for the environment,',
      'because overpopulated species can be thinned out.',
      'Some people may object.',
    ])
    for (const t of out) {
      expect(t.signals.length).toBeGreaterThan(0)
      expect(t.confidence).toBeGreaterThanOrEqual(0)
      expect(t.confidence).toBeLessThanOrEqual(1)
    }
    expect(out[1]!.signals).toContain('marker:because')
  })

  it('picks exactly one conclusion, by markers and modals over position', () => {
    const out = tagText(
      'Dog dirt is everywhere in Neukölln. Children step into it on their way to school. Higher fines are therefore the right measure. Of course, the owners must first be caught.',
    )
    expect(out.filter((t) => t.role === 'conclusion').map((t) => t.text)).toEqual(['Higher fines are therefore the right measure.'])
    expect(out.find((t) => t.role === 'conclusion')!.signals).toContain('thesis:conclusion-marker')
  })

  it('reads the main clause after the author’s own concession as a thesis candidate, after a reported view as a rebuttal', () => {
    const own = tagText(
      'I live in Michigan, where we have a deposit. I see people bringing back huge amounts of bottles. ' +
        'While I do not have exact statistics on the topic, this indicates to me that deposits promote recycling and should therefore be adopted.\n',
    )
    expect(own.find((t) => t.role === 'conclusion')!.text).toMatch(/^this indicates to me/)
    const reported = tagText(
      'The death penalty is not practicable in Germany. Human dignity is anchored in our constitution. ' +
        'Even if many people think that a murderer has decided on the life of another, this is the crime that we should not repay with the same.\n',
    )
    expect(reported.find((t) => t.role === 'conclusion')!.text).toMatch(/^The death penalty/)
  })

  it('prefers the opening thesis when nothing marks a later one', () => {
    const out = tagText('Social media has improved the lives of teenagers. They stay in touch with friends. They find new friends.')
    expect(out[0]!.role).toBe('conclusion')
    expect(out[0]!.signals).toContain('position:first-in-text')
  })

  it('skips an opening concession for the first-in-text position: "Although X, Y" puts Y first', () => {
    const segments = segment('Although cutting down on poaching would be wonderful, removing the horns of rhinos is not the answer. Horns protect them.')
    const feats = segments.map(features)
    const idx = segments.map((_, i) => i)
    expect(segments[firstMain(idx, segments, feats)]!.plain).toBe('removing the horns of rhinos is not the answer.')
    expect(segments[pickThesis(segments, feats, idx.map(() => true), null).index]!.plain).toBe('removing the horns of rhinos is not the answer.')
  })

  it('passes the first position to a turn against an opening fact: "X is popular. It can harm Y, though."', () => {
    const segments = segment('Video games are popular in our everyday life. They can harm children, though. They keep kids from playing outside.')
    const feats = segments.map(features)
    const idx = segments.map((_, i) => i)
    expect(segments[firstMain(idx, segments, feats)]!.plain).toBe('They can harm children, though.')
    // An opening in the author's own voice keeps its place.
    const voiced = segment('Video games should be banned from schools. They can be useful, though. They distract pupils.')
    expect(firstMain(idx, voiced, voiced.map(features))).toBe(0)
  })

  it('does not count a point tacked on with "Additionally" as the closing statement', () => {
    const segments = segment('Games make people aggressive. They overstimulate the brain. Thus, playing them daily may trigger violence. Additionally, some people do not notice the effect.')
    const feats = segments.map(features)
    const idx = segments.map((_, i) => i)
    expect(segments[lastMain(idx, segments, feats)]!.plain).toBe('Thus, playing them daily may trigger violence.')
    expect(tagText(segments.map((s) => s.plain).join(' ')).find((t) => t.role === 'conclusion')!.text).toBe('Thus, playing them daily may trigger violence.')
  })

  it('does not count an opposing view left at the very end as the closing statement', () => {
    const segments = segment(
      'The problem with plastic bags is that they pollute the environment. ' +
        'To encourage reusable bags it would be ideal to charge for plastic bags. ' +
        'There are those who would say that not everyone can afford reusable bags, because plastic bags cost only a few pennies.',
    )
    const feats = segments.map(features)
    const idx = segments.map((_, i) => i)
    expect(segments[lastMain(idx, segments, feats)]!.plain).toBe('To encourage reusable bags it would be ideal to charge for plastic bags.')
    expect(segments[pickThesis(segments, feats, idx.map(() => true), null).index]!.plain).toBe('To encourage reusable bags it would be ideal to charge for plastic bags.')
  })

  it('reads the reply to a reported or named objection as a rebuttal, not the thesis', () => {
    const out = tagText(
      'Large families are not better for the children. The main problem is the loss of parental guidance for each child. ' +
        'One possible counter argument is that siblings support each other for life. ' +
        'I would suggest that this is needed because parents have too little time for each child.\n',
    )
    expect(out.find((t) => t.role === 'conclusion')!.text).toBe('Large families are not better for the children.')
    expect(out.find((t) => t.text.startsWith('I would suggest'))!.role).not.toBe('conclusion')
  })

  it('tags headings, framing, narration and boilerplate none', () => {
    const out = tagText(
      [
        'Go back',
        '# Why cities should ban cars',
        'Published 30 Apr 2018',
        'On the 27 of March, news reports showed a train leaving Pyongyang.',
        'It is worth briefly examining the history of car bans. Cities should ban cars from their centres, because cars make the air unhealthy.',
      ].join('\n\n'),
      'Why cities should ban cars',
    )
    expect(out.map((t) => [t.role, t.signals[0]])).toEqual([
      ['none', 'boilerplate:navigation'],
      ['none', 'heading:title'],
      ['none', 'boilerplate:dateline'],
      ['none', 'event:narration'],
      ['none', 'framing'],
      ['conclusion', 'position:first-in-text'],
      ['premise', 'marker:because'],
    ])
    expect(out[5]!.signals).toContain('position:title-overlap')
  })

  it('gives no conclusion to a text without argumentative units', () => {
    expect(tagText('Go back\n\nShare').map((t) => t.role)).toEqual(['none', 'none'])
  })
})

describe('unit features', () => {
  it('are computed afresh on every call (nothing keeps them past the tagging), the same each time', () => {
    const segments = segment('We must act now. Therefore the plan should pass. However, critics may object.')
    const first = unitFeatures(segments)
    expect(first.length).toBe(segments.length)
    expect(unitFeatures(segments)).not.toBe(first)
    expect(unitFeatures(segments)).toEqual(first)
    expect(first.map((f) => f.signals)).toEqual(segments.map((s) => features(s).signals))
    // A caller that changes the array anyway (it is readonly to callers) gets features of what it now holds.
    segments.push(segment('Yet the cost is high.')[0]!)
    expect(unitFeatures(segments).length).toBe(segments.length)
  })
})
