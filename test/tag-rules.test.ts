import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Segment } from '../src/model/types.js'
import { leadMarker } from '../src/tag/lexicon/index.js'
import { documentFeatures } from '../src/tag/document.js'
import { answers } from '../src/tag/rules/answer.js'
import { boilerplate } from '../src/tag/rules/boilerplate.js'
import { conditional } from '../src/tag/rules/conditional.js'
import { framing } from '../src/tag/rules/framing.js'
import { hedge } from '../src/tag/rules/hedge.js'
import { markers } from '../src/tag/rules/marker.js'
import { modality } from '../src/tag/rules/modality.js'
import { question } from '../src/tag/rules/question.js'
import { reported } from '../src/tag/rules/reported.js'
import { stemList, words } from '../src/tag/lexicon/tokens.js'
import { fold, hasStem, isStopword, sharedStems, stem } from '../src/tag/text.js'
import { repoRoot } from './helpers.js'

/** A one-segment paragraph (or a clause split off a longer sentence). */
function seg(plain: string, extra: Partial<Segment> = {}): Segment {
  return { start: 0, end: plain.length, text: plain, plain, paragraph: 0, block: 'paragraph', depth: 0, index: 0, count: 1, clause: false, containers: [], ...extra }
}
const mark = (plain: string, extra: Partial<Segment> = {}) => markers(seg(plain, extra), fold(plain))

describe('lexicon', () => {
  it('prefers the longest marker and knows its function', () => {
    expect(leadMarker(fold('For example, a fine of 50 euros deters nobody.'))).toMatchObject({ fn: 'example', phrase: 'for example' })
    expect(leadMarker(fold('As a result, the streets stay dirty.'))).toMatchObject({ fn: 'conclusion', phrase: 'as a result' })
    expect(leadMarker(fold('And yet nobody complains.'))).toMatchObject({ fn: 'contrast', phrase: 'yet' })
    expect(leadMarker(fold('Some would argue that hunting puts a species at risk.'))).toMatchObject({ fn: 'concession' })
    expect(leadMarker(fold('Dogs are loyal.'))).toBeNull()
    expect(leadMarker(fold('You might say that fines change nothing.'))).toMatchObject({ fn: 'concession' })
    expect(leadMarker(fold('Be that as it may, the fines must rise.'))).toMatchObject({ fn: 'contrast' })
  })
})

describe('rule: marker', () => {
  it('reads "because", "therefore", "however" and their signal ids', () => {
    expect(mark('because overpopulated species can be thinned out.', { clause: true }).signals).toEqual(['marker:because'])
    expect(mark('Therefore the city should raise the fines.').lead?.fn).toBe('conclusion')
    const inner = mark('Fears of a nuclear Armageddon, however, were calmed as a summit was announced.')
    expect(inner.lead).toBeNull()
    expect(inner.innerContrast).toBe('however')
    expect(inner.signals).toContain('marker:however')
    expect(mark('Higher fines are therefore the right measure.').innerConclusion).toBe('therefore')
    expect(mark('This is because either outcome would weaken Beijing’s leverage.').lead).toMatchObject({ fn: 'reason', phrase: 'this is because' })
    expect(mark('Some may find the idea of a school uniform anachronistic.').lead).toMatchObject({ fn: 'concession', phrase: 'some may find' })
    expect(mark('Many people believe that cars are essential.').lead?.fn).toBe('concession')
  })
  it('does not take temporal "since", "thus far" or "so far" for markers', () => {
    expect(mark('Since 2008, China has accelerated its own efforts.').lead).toBeNull()
    expect(mark('Since they each came to power, both leaders have refused to meet.').lead).toBeNull()
    expect(mark('since it rains every day.', { clause: true }).lead?.fn).toBe('reason')
    expect(mark('So far nobody has complained.').lead).toBeNull()
    expect(mark('They have thus far hardly had to fear the consequences.').innerConclusion).toBeNull()
    expect(mark('The bulbs last longer, thus making them cheaper.').innerConclusion).toBeNull()
  })
  it('takes "as" and "for" as reasons only where they introduce a clause', () => {
    expect(mark('as it provides a sustainable resource.', { clause: true }).lead?.fn).toBe('reason')
    expect(mark('As the crowd cheered, the players left the field.').lead).toBeNull()
    expect(mark('For years there has been a housing shortage in Berlin.').lead).toBeNull()
    // A comparison, a clarification or a span of time is no reason.
    expect(mark('as we do,', { clause: true }).lead).toBeNull()
    expect(mark('as we do our own family.', { clause: true }).lead).toBeNull()
    expect(mark('as in forever, and harmful to anything living.', { clause: true }).lead).toBeNull()
    expect(mark('as they grow up.', { clause: true }).lead).toBeNull()
    expect(mark('as they do not want to pay twice.', { clause: true }).lead?.fn).toBe('reason')
  })
  it('keeps a reason embedded in its own main clause out of the lead', () => {
    const r = mark('Since the area belongs to the state, it could be used for social housing.')
    expect(r.lead).toBeNull()
    expect(r.signals).toEqual(['marker:since', 'reason:embedded'])
  })
  it('takes "some/many people" for an opposing view only with a verb of saying or thinking', () => {
    expect(mark('Many people reuse the plastic bags after they return from the store.').lead).toBeNull()
    expect(mark('Some people may be more comfortable with extended dating.').lead).toBeNull()
    expect(mark('Many people believe that a fee changes habits.').lead?.fn).toBe('concession')
    expect(mark('Some people may well argue that zoos protect species.').lead?.fn).toBe('concession')
    expect(mark('There are those that say violent games breed violence.').lead?.fn).toBe('concession')
    expect(mark('I have to admit that the bins are ugly.').lead?.fn).toBe('concession')
    // A third party who "could argue" is the other side; "we could argue" is the author.
    expect(mark('Christians who believe in waiting till marriage could argue that it is better to marry sooner.').lead?.fn).toBe('concession')
    expect(mark('We could argue that the fee is too low.').lead).toBeNull()
    // Naming a drawback grants a point against.
    expect(mark('One drawback of composting is that not all material is beneficial.').lead?.fn).toBe('concession')
    expect(mark('There can be a downside with composting due to runoff.').lead?.fn).toBe('concession')
    expect(mark('On the negative side, a larger family costs more.').lead?.fn).toBe('concession')
    expect(mark('I really do not see any downside to recycling.').lead).toBeNull()
  })
  it('reads a sentence-initial "Though," as a turn, a "though" clause as a concession', () => {
    expect(mark('Though, there has been no research that confirms this.').lead?.fn).toBe('contrast')
    expect(mark('Though some may disagree, fines work.').lead?.fn).toBe('concession')
    // A whole sentence "Though X." has no main clause to concede to: it turns like "However, X."
    expect(mark('Though force creates resistance from individuals and corporations.').lead?.fn).toBe('contrast')
    expect(mark('Though it costs money', { clause: true }).lead?.fn).toBe('concession')
    expect(mark('though it costs more,', { clause: true }).lead?.fn).toBe('concession')
  })
})

describe('rule: question', () => {
  it('tells framing questions from rhetorical ones', () => {
    expect(question(fold('The question is: why now?'))).toMatchObject({ question: true, framing: true })
    expect(question(fold("Don't they need them for survival?"))).toEqual({ question: true, framing: false, signals: ['question'] })
    expect(question(fold('Hunting is good.')).question).toBe(false)
  })
})

describe('rule: conditional', () => {
  it('finds leading and inner conditionals', () => {
    expect(conditional(fold('If North Korea agrees to de-nuclearise, the United States will gain prestige.')).signals).toEqual(['conditional:if'])
    expect(conditional(fold('Yet if talks disintegrate then efforts have failed.')).conditional).toBe('if')
    expect(conditional(fold('As long as restraint is applied, the environment will not suffer.')).signals).toEqual(['conditional:as-long-as'])
    expect(conditional(fold('The fine is high.')).conditional).toBeNull()
    expect(conditional(fold('Drivers should be prohibited from phoning, unless they stop first.'))).toMatchObject({ conditional: 'unless', leading: false })
    expect(conditional(fold('If it rains, we stay.')).leading).toBe(true)
  })
})

describe('rule: modality', () => {
  it('separates prescriptions, weaker necessity, values and stance', () => {
    const m = modality(fold('We Berliners should take the chance and become pioneers in waste separation!'))
    expect(m.signals).toContain('modal:should')
    expect(modality(fold('Three bags have to be sorted into different bins.')).necessity).toEqual(['have to'])
    expect(modality(fold('It is unfair that new tenants pay more.')).signals).toContain('eval:unfair')
    expect(modality(fold('I think older people make better parents.')).stance).toEqual(['i think'])
    expect(modality(fold('It would be fair to make them into an Olympic event.')).signals).toContain('eval:judgement')
    // An adverb between the subject and its modal does not hide the obligation.
    expect(modality(fold('We urgently need a replacement for the coming match.')).deontic).toEqual(['we need'])
    expect(modality(fold('A reduction in medication is most certainly desirable.')).judgement).toBe(true)
    expect(modality(fold('The bags are sorted into different bins.')).judgement).toBe(false)
    // "It would be fair/best to X" recommends X as firmly as "should"; "it is better for X to" only compares.
    expect(modality(fold('It would be fair to make them into an Olympic event.')).deontic).toEqual(['it would be fair to'])
    expect(modality(fold('In order to encourage reuse it would be ideal to charge for bags.')).deontic).toEqual(['it would be ideal to'])
    expect(modality(fold('It is better for children to live with one happy parent.')).deontic).toEqual([])
    // Necessity in the author's own voice prescribes; described necessity does not.
    expect(modality(fold('I say they need to date at least one year.')).deontic).toEqual(['need to'])
    expect(modality(fold('They need to date at least one year.')).deontic).toEqual([])
    expect(modality(fold('Dogs do not have a bad impact on life.')).evaluative).toEqual(['bad'])
    expect(modality(fold('The scandal did not help.')).evaluative).toEqual(['did not help'])
  })
  it('reads "must have been" as a guess, and a stance only where it frames the unit', () => {
    expect(modality(fold('Its threats must have been of real concern for China.')).deontic).toEqual([])
    expect(modality(fold('Many a game is demanding, when I think of chess.')).stance).toEqual([])
    const clear = modality(fold('Anxious to avoid exclusion, one thing had now become clear: China had to make amends.'))
    expect(clear.stance).toEqual(['one thing had now become clear'])
    expect(clear.signals).toContain('modal:had-to')
  })
})

describe('rule: hedge', () => {
  it('finds hedges and boosters, not the month of May', () => {
    expect(hedge(fold('This might perhaps work.')).signals).toEqual(['hedge:might', 'hedge:perhaps'])
    expect(hedge(fold('There was no doubt a tangible fear.')).signals).toEqual(['booster:no-doubt'])
    expect(hedge(fold('The summit took place on 3 May 2018.')).hedges).toEqual([])
  })
})

describe('rule: reported', () => {
  it('scores narration with dates, past tense and names', () => {
    const plain = 'On the 27 of March, news reports showed a mysterious armoured train leaving Pyongyang.'
    const r = reported(plain, fold(plain))
    expect(r.signals).toEqual(['event:date', 'event:past', 'event:name'])
    expect(r.score).toBeGreaterThanOrEqual(2)
    expect(reported('Hunting is good for the environment.', fold('Hunting is good for the environment.')).score).toBe(0)
    // "won't" is a future, not the past tense "won"; negated present tenses are the author's present.
    expect(reported("Smart watches won't replace cell phones.", fold("Smart watches won't replace cell phones.")).signals).toEqual([])
    expect(reported("People don't use what they bought.", fold("People don't use what they bought.")).signals).toEqual([])
  })
})

describe('rule: boilerplate', () => {
  const bp = (plain: string, opts = { nearEnd: false, inBio: false }) => boilerplate(seg(plain), fold(plain), opts).kind
  it('recognises navigation, date lines and bylines', () => {
    expect(bp('Go back')).toBe('navigation')
    expect(bp('Share')).toBe('navigation')
    expect(bp('Published 30 Apr 2018')).toBe('dateline')
    expect(bp('Christopher Khatouki')).toBe('byline')
    expect(bp('China stands to lose in both.')).toBeNull()
  })
  it('recognises an author bio near the end, and its continuation', () => {
    expect(bp('Christopher Khatouki is an intern with the Australian Institute of International Affairs NSW.', { nearEnd: true, inBio: false })).toBe('bio')
    expect(bp('Christopher Khatouki is an intern with the Australian Institute of International Affairs NSW.')).toBeNull()
    expect(bp('He is currently completing his honours degree.', { nearEnd: true, inBio: true })).toBe('bio')
  })
})

describe('rule: framing', () => {
  it('marks meta-discourse, not claims that mention importance', () => {
    expect(framing(fold('It is relevant to consider the two most plausible outcomes for the talks.')).signals).toEqual(['framing'])
    expect(framing(fold('In order to understand contemporary events, it is worth briefly examining the relationship.')).framing).toBe(true)
    expect(framing(fold('It is important to note that the tax is unfair.')).framing).toBe(false)
  })
})

describe('rule: answer', () => {
  const doc = (...plains: string[]) => plains.map((p, i) => seg(p, { index: i, count: plains.length }))
  it('reads an opening "Yes," as the position unless a "but" soon answers it', () => {
    const stated = doc('Yes, large families are good for children.', 'Children learn to share.', 'They are never lonely.')
    expect([...answers(documentFeatures(stated), stated.map(() => true))]).toEqual([[0, 'yes']])
    const f = documentFeatures(stated)[0]!
    expect(f.marker.lead?.fn).toBe('stance')
    expect(f.signals).toContain('answer:yes')
    const granted = doc("Yes, it's annoying to separate your rubbish.", 'Three bags stink in the kitchen.', 'But Germany produces far too much rubbish.')
    expect(answers(documentFeatures(granted), granted.map(() => true)).size).toBe(0)
    expect(documentFeatures(granted)[0]!.marker.lead?.fn).toBe('concession')
  })

  it('reads "Of course (not)" right after a question as the author’s answer, not a concession', () => {
    const asked = doc('Video games do not harm families.', 'Would you say gardening harms family life?', "Of course you wouldn't.", 'Both are hobbies.')
    expect([...answers(documentFeatures(asked), asked.map(() => true))]).toEqual([[2, 'of course']])
    expect(documentFeatures(asked)[2]!.marker.lead?.fn).toBe('stance')
    const granted = doc('Video games do not harm families.', 'Children play too much.', 'Of course, some games are violent.', 'Parents can choose.')
    expect(answers(documentFeatures(granted), granted.map(() => true)).size).toBe(0)
    const noOne = doc('Fines work.', 'Who likes paying them?', 'No one pays twice.')
    expect(answers(documentFeatures(noOne), noOne.map(() => true)).size).toBe(0)
  })
})

describe('rule modules', () => {
  it('each per-unit rule in src/tag/rules has its own tests here (the combiners are tested in tag.test.ts)', () => {
    const self = readFileSync(join(repoRoot, 'test/tag-rules.test.ts'), 'utf8')
    const rules = readdirSync(join(repoRoot, 'src/tag/rules'))
      .map((f) => f.replace(/\.ts$/, ''))
      .filter((r) => r !== 'combine' && r !== 'thesis')
    expect(rules.length).toBeGreaterThanOrEqual(9)
    for (const r of rules) expect(self.includes(`describe('rule: ${r}'`), r).toBe(true)
  })
})

describe('content stems', () => {
  it('lists each content stem once, in order of first use, and answers membership for short and long lists', () => {
    // What the list must hold: every word of three letters or more that is no stop word or number, stemmed, once.
    const reference = (text: string) => [...new Set(words(fold(text)).filter((w) => w.length >= 3 && !isStopword(w) && !/^\d+$/.test(w)).map(stem))]
    const text = 'Taxes rose; the taxed towns and taxing cities paid 300 taxes, and the towns paid.'
    const short = stemList(fold(text))
    expect(short).toEqual(reference(text))
    expect(short).toEqual(['taxe', 'rose', 'taxed', 'town', 'taxing', 'citi', 'paid'])
    expect(hasStem(short, 'town')).toBe(true)
    expect(hasStem(short, 'the')).toBe(false)
    expect(sharedStems(short, new Set(['town', 'paid', 'war']))).toBe(2)
    // A unit of hundreds of distinct words: the same answers through the Set path.
    const vocabulary = Array.from({ length: 400 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`)
    const long = stemList(fold([...vocabulary, ...vocabulary.slice(0, 50)].join(' ')))
    expect(long).toEqual(reference(vocabulary.join(' ')))
    expect(long.length).toBe(400)
    expect(new Set(long).size).toBe(long.length)
    expect(vocabulary.every((w) => hasStem(long, stem(w)))).toBe(true)
    expect(hasStem(long, 'absent')).toBe(false)
  })
})
