import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkForest } from '../src/model/forest.js'
import { analyze } from '../src/pipeline.js'
import { opEdPath } from './helpers.js'

const map = analyze(readFileSync(opEdPath, 'utf8'), { path: 'corpus/china-north-korea.md' })
const unit = (start: string) => {
  // The source has non-breaking spaces ("Khatouki\u00a0is"): compare with spaces folded.
  const u = map.units.find((x) => x.text.replace(/\s+/g, ' ').startsWith(start))
  if (!u) throw new Error(`no unit starts with ${start}`)
  return u
}
const out = (start: string) => map.relations.find((r) => r.from === unit(start).id)
const conclusion = map.units.find((u) => u.role === 'conclusion')!

describe('op-ed map (corpus/china-north-korea.md)', () => {
  it('is a forest with the closing thesis as its one conclusion', () => {
    expect(checkForest(map.units, map.relations)).toEqual([])
    expect(map.units.filter((u) => u.role === 'conclusion')).toHaveLength(1)
    expect(conclusion.text).toMatch(/China had to put aside its differences with its estranged ally and finally make amends\.$/)
    const roots = map.units.filter((u) => u.role !== 'none' && !map.relations.some((r) => r.from === u.id))
    expect(roots.map((u) => u.id)).toEqual([conclusion.id])
  })

  it('has "China stands to lose in both." as a claim backed by both if-then scenarios', () => {
    expect(unit('China stands to lose in both.').role).toBe('claim')
    for (const start of ['If North Korea agrees to de-nuclearise', 'Yet if talks disintegrate']) {
      expect(out(start), start).toMatchObject({ to: unit('China stands to lose in both.').id, type: 'support' })
    }
    expect(out('China stands to lose in both.')).toMatchObject({ to: conclusion.id, type: 'support' })
  })

  it('tags navigation, date line, byline, title, framing and the author bio none', () => {
    for (const start of [
      'Go back',
      'In fear of being left behind',
      'Published 30 Apr 2018',
      'Christopher Khatouki',
      'On the 27 of March',
      'The question is: why now?',
      'It is relevant to consider',
      'Christopher Khatouki is an intern',
      'He is currently completing',
      'Chris’s area of research',
      'He is currently the co-ordinator',
      'In 2016, His current focus',
    ]) {
      expect(unit(start).role, start).toBe('none')
    }
  })

  it('says why: navigation, date line, byline and bio are boilerplate', () => {
    expect(unit('Go back').signals).toContain('boilerplate:navigation')
    expect(unit('Published 30 Apr 2018').signals).toContain('boilerplate:dateline')
    expect(map.units.find((u) => u.text === 'Christopher Khatouki')!.signals).toContain('boilerplate:byline')
    expect(unit('Christopher Khatouki is an intern').signals).toContain('boilerplate:bio')
    expect(unit('He is currently the co-ordinator').signals).toContain('boilerplate:bio')
  })

  it('puts each body paragraph’s claim under the conclusion', () => {
    for (const start of ['Yet behind closed doors', 'Yet this has been far more a marriage', 'Yet China cannot afford', 'China stands to lose in both.']) {
      expect(unit(start).role, start).toBe('claim')
      expect(out(start), start).toMatchObject({ to: conclusion.id, type: 'support' })
    }
  })

  it('marks the concessions as attacks', () => {
    expect(out('Fears of a nuclear Armageddon, however, were calmed')!.type).toBe('attack')
    expect(out('However, fears of regional isolation')!.type).toBe('attack')
    expect(out('While North Korea would deplore')).toMatchObject({ to: unit('Yet China cannot afford').id, type: 'attack' })
    expect(out('This is evidenced by the establishment')).toMatchObject({ to: unit('Since 2008').id, type: 'support' })
  })

  it('reads a dated report as the ground of the consequence "this" draws from it', () => {
    // "Since 2008 ... China has accelerated its own efforts ... This is evidenced by ... Yet this preoccupation could have ..."
    expect(out('Since 2008, in order to counterbalance')).toMatchObject({ to: unit('Yet this preoccupation on Eurasia').id, type: 'support' })
    expect(unit('Yet this preoccupation on Eurasia').role).toBe('claim')
  })

  it('keeps China’s public plea on the side of the calmed fears, not as a concession', () => {
    // "Fears ..., however, were calmed ... China ... has implored [them] to ‘seize the opportunity’. Yet behind closed doors ..."
    expect(out('China, one of the most important stakeholders')).toMatchObject({ to: unit('Fears of a nuclear Armageddon').id, type: 'support' })
  })

  it('argues with "The fact that X did not help." for the turbulent relations before it', () => {
    expect(unit('The fact that DPRK founder').role).toBe('premise')
    expect(out('The fact that DPRK founder')).toMatchObject({ to: unit('Even before the inception').id, type: 'support' })
  })

  it('keeps a reason added with "also" on the side of the reason before it', () => {
    // "China has historically allied itself with North Korea ... It has also provided the economic lifeblood ... Yet this has been far more a marriage of convenience"
    expect(out('China has historically allied')).toMatchObject({ to: unit('Yet this has been far more').id, type: 'support' })
    expect(out('It has also provided the economic lifeblood')).toMatchObject({ to: unit('Yet this has been far more').id, type: 'support' })
  })

  it('takes the restated dilemma as a reason for the closing thesis', () => {
    // "Faced with two possibilities, China risked being either dragged into conflict ... or [excluded]": why China had to make amends.
    expect(out('Faced with two possibilities')).toMatchObject({ to: conclusion.id, type: 'support' })
  })

  it('reads a consequence of a dated report as a point, and a quoted nickname as evidence', () => {
    // "Since 2008 China has accelerated its pivot ... Yet this preoccupation could have given the US the upper hand."
    expect(out('Yet this preoccupation on Eurasia')).toMatchObject({ to: unit('China stands to lose in both.').id, type: 'support' })
    // "... has allowed domestic criticism of the North Korean regime. 'Kim Pang Zi' (Fatty Kim) is now a name ..."
    expect(out('‘Kim Pang Zi’ (Fatty Kim)')).toMatchObject({ to: unit('In response, China has supported').id, type: 'support' })
  })
})
