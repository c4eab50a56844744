// The attachment rules (src/tag/structure/rules/) and the first-stage combiner (src/tag/combine/):
// every rule file is registered in the driver and in the weights table, in the right list, and keeps no
// confidence of its own; the combiner's decisions have their weights.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ARGUMENTATIVE_WEIGHTS, DOCUMENT_DECISIONS, UNIT_DECISIONS } from '../src/tag/combine/argumentative.js'
import type { AttachmentRule } from '../src/tag/structure/context.js'
import { FOLLOW_UP_RULES, HEAD_RULES, PARAGRAPH_RULES, PLACEMENT_RULES, RULES } from '../src/tag/structure/attach.js'
import { ATTACHMENT_WEIGHTS, SHARED_WEIGHTS } from '../src/tag/structure/weights.js'
import { repoRoot } from './helpers.js'
import { structure } from './support/structure.js'

const rulesDir = join(repoRoot, 'src/tag/structure/rules')
const files = readdirSync(rulesDir).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')).sort()
// Every module under rules/, loaded by vite's glob import (a variable import path is not resolved).
const modules = (import.meta as unknown as { glob: (p: string, o: { eager: true }) => Record<string, Record<string, unknown>> }).glob(
  '../src/tag/structure/rules/*.ts',
  { eager: true },
)
const source = (name: string): string => readFileSync(join(rulesDir, `${name}.ts`), 'utf8')

describe('attachment rules: registry', () => {
  it('every file in rules/ is one rule, registered once in the driver under its file name', () => {
    expect(files.length).toBeGreaterThanOrEqual(20)
    const names = RULES.map((r) => r.name)
    expect(new Set(names).size).toBe(names.length)
    expect([...names].sort()).toEqual(files)
    for (const name of files) {
      // The module exports exactly one rule, and it is the registered one.
      const mod = modules[`../src/tag/structure/rules/${name}.ts`]!
      const exported = Object.values(mod).filter((v): v is AttachmentRule => typeof v === 'object' && v !== null && 'apply' in v)
      expect(exported.length, name).toBe(1)
      expect(RULES.includes(exported[0]!), name).toBe(true)
      expect(exported[0]!.name, name).toBe(name)
    }
  })

  it('each list of the driver holds the rules of its stage, and RULES is the lists in order', () => {
    const lists = { paragraph: PARAGRAPH_RULES, placement: PLACEMENT_RULES, 'follow-up': FOLLOW_UP_RULES, head: HEAD_RULES }
    for (const [stage, list] of Object.entries(lists)) for (const r of list) expect(r.stage, r.name).toBe(stage)
    expect(RULES).toEqual([...PARAGRAPH_RULES, ...PLACEMENT_RULES, ...FOLLOW_UP_RULES, ...HEAD_RULES])
    // The placement list ends with the rule that always applies.
    expect(PLACEMENT_RULES.at(-1)!.name).toBe('default')
  })

  it('every rule has its entry in ATTACHMENT_WEIGHTS, and every entry is a rule or a shared effect', () => {
    const keys = Object.keys(ATTACHMENT_WEIGHTS).sort()
    expect(keys).toEqual([...files, ...SHARED_WEIGHTS].sort())
    for (const [key, entry] of Object.entries(ATTACHMENT_WEIGHTS)) {
      expect(Object.isFrozen(entry), key).toBe(true)
      for (const [w, v] of Object.entries(entry)) expect(v > 0 && v <= 1, `${key}.${w}`).toBe(true)
    }
  })

  it('a rule file keeps no confidence of its own (they live in the table) and opens with what it decides', () => {
    for (const name of files) {
      const text = source(name)
      expect(text.startsWith('/**\n'), `${name}: doc comment first`).toBe(true)
      expect(text.match(/\b0?\.\d+\b/g), `${name}: literal confidence`).toBeNull()
      expect(text.includes(`name: '${name}'`), name).toBe(true)
      // A rule that has weights reads them from its own entry.
      if (Object.keys(ATTACHMENT_WEIGHTS[name as keyof typeof ATTACHMENT_WEIGHTS]).length > 0) {
        expect(text.includes(`ATTACHMENT_WEIGHTS['${name}']`) || text.includes(`ATTACHMENT_WEIGHTS.${name}`), name).toBe(true)
      }
    }
  })
})

describe('first-stage combiner', () => {
  it('lives beside the rules, not among them', () => {
    expect(readdirSync(join(repoRoot, 'src/tag/rules'))).not.toContain('combine.ts')
  })

  it('names its decisions, the last unit decision always decides, and every weight is used by a decision', () => {
    const unitNames = UNIT_DECISIONS.map((d) => d.name)
    expect(unitNames.at(-1)).toBe('argued')
    const named = new Set([...unitNames.filter((n) => n !== 'argued'), 'voiced', 'assertion', ...DOCUMENT_DECISIONS.map((d) => d.name)])
    expect([...named].sort()).toEqual(Object.keys(ARGUMENTATIVE_WEIGHTS).sort())
  })
})

/**
 * One short text per rule, where the rule decides, and the edge it makes there
 * (`first three words -type-> first three words`, as the relate tests write them).
 */
const EXAMPLES: Record<string, { text: string; edge: string }> = {
  'paragraph-claim': {
    text: 'Cities should ban cars from their centres.\n\nBecause buses are cheap, the city can afford free transport.\n',
    edge: 'the city can -support-> Cities should ban',
  },
  'answers-concession': {
    text:
      'Driving while using a phone is dangerous. A phone distracts drivers from the road. ' +
      'While a mobile GPS can be useful in many cases, ultimately the risks outweigh this value.\n',
    edge: 'ultimately the risks -attack-> While a mobile',
  },
  'main-clause': {
    text: 'Cities should ban cars from their centres. Because the air in the centre is dirty, children there fall ill more often.\n',
    edge: 'children there fall -support-> Cities should ban',
  },
  coordinated: {
    text:
      'Hunting is good for the environment. Some people may object to hunting on the basis of humane treatment. ' +
      'Animals do not necessarily feel pain as we do, and a quick shot is better than starvation.\n',
    edge: 'and a quick -attack-> Some people may',
  },
  'reason-or-example': {
    text: 'The field should be built on, as it lies in the middle of the city. Its size allows housing and open space alike.\n',
    edge: 'as it lies -support-> The field should',
  },
  concession: {
    text: 'Higher fines for dog dirt are right. Of course, the owners would first have to be caught. But once they have to pay, their laziness will vanish.\n',
    edge: 'Of course, the -attack-> Higher fines for',
  },
  'alternative-case': {
    text: 'The treaty puts us in a bind. If the talks succeed, our rival gains influence. But if the talks fail, we face a war on our border.\n',
    edge: 'But if the -support-> The treaty puts',
  },
  'consequence-of-report': {
    text:
      'Investors should sell the stock.\n\nThe firm stands to lose either way. If the merger fails, its shares will fall. ' +
      'Since 2015, the firm has expanded its business into Asia. This is shown by its new offices in Tokyo. ' +
      'Yet this expansion could have given its rivals the upper hand at home.\n',
    edge: 'Yet this expansion -support-> The firm stands',
  },
  contrast: {
    text: 'Higher fines for dog dirt are right. Of course, the owners would first have to be caught. But once they have to pay, their laziness will vanish.\n',
    edge: 'But once they -attack-> Of course, the',
  },
  'intermediate-conclusion': {
    text: 'The town should build the bridge. Traffic across the river doubled, so the ferry is no longer enough.\n',
    edge: 'so the ferry -support-> The town should',
  },
  addition: {
    text: 'The town should build the bridge. Traffic across the river doubled in ten years. Moreover, the ferry is old and slow.\n',
    edge: 'Moreover, the ferry -support-> The town should',
  },
  'answers-objection': {
    text:
      'Hunting is good for the environment. Some people may object to hunting on the basis of humane treatment. ' +
      'Animals do not feel pain the way we do. Their lives in the wild are short and hard.\n',
    edge: 'Animals do not -attack-> Some people may',
  },
  'elaborates-answer': {
    text:
      'Hunting is good for the environment. Some people may object to hunting on the basis of humane treatment. ' +
      'Animals do not feel pain the way we do. Their lives in the wild are short and hard.\n',
    edge: 'Their lives in -support-> Animals do not',
  },
  'elaborates-concession': {
    text: 'Hunting is good for the environment. Admittedly, hunters sometimes wound animals. A wounded deer can suffer for days. Still, deer without hunters starve in hard winters.\n',
    edge: 'A wounded deer -support-> Admittedly, hunters sometimes',
  },
  'elaborates-reason': {
    text: 'Phones should be banned at the wheel, because they distract drivers. Holding a phone takes a hand off the steering wheel.\n',
    edge: 'Holding a phone -support-> because they distract',
  },
  'continues-turn': {
    text: 'School uniforms should stay. Many say uniforms limit expression. But they remove the pressure of fashion. They let poorer pupils fit in.\n',
    edge: 'They let poorer -support-> But they remove',
  },
  aggravates: {
    text:
      'The town should reject the new stadium.\n\nSince the mill closed, relations between residents and the council were tense. ' +
      'The fact that the council sold the old park to a developer in 2015 did not help. Yet the town still needs jobs.\n',
    edge: 'The fact that -support-> Since the mill',
  },
  experience: {
    text: 'Cell phones have brought families closer together. Long distance calls cost nothing any more. I talk to my cousins in Canada every week.\n',
    edge: 'I talk to -support-> Long distance calls',
  },
  evidence: {
    text: 'The town should build the bridge. Traffic across the river has grown quickly. Over 12,000 cars cross it every day.\n',
    edge: 'Over 12,000 cars -support-> Traffic across the',
  },
  'quoted-evidence': {
    text: 'The leader should step down. He is mocked at home. His own people call him "Little Rocket" in private.\n',
    edge: 'His own people -support-> He is mocked',
  },
  elaborates: {
    text: 'The town should build the bridge. The old ferry breaks down often in winter. When the ferry breaks down in winter, the villages are cut off.\n',
    edge: 'When the ferry -support-> The old ferry',
  },
  default: {
    text: 'The town should build the bridge. Traffic across the river doubled in ten years. Moreover, the ferry is old and slow.\n',
    edge: 'Traffic across the -support-> The town should',
  },
  'premise-of-conclusion': {
    text: 'The town should build the bridge. Traffic across the river doubled, so the ferry is no longer enough.\n',
    edge: 'Traffic across the -support-> so the ferry',
  },
  'fronted-reason': {
    text: 'Cities should ban cars from their centres. Because the air in the centre is dirty, children there fall ill more often.\n',
    edge: 'Because the air -support-> children there fall',
  },
  'head-turn': {
    text:
      'The town should reject the new stadium.\n\nSince the mill closed, relations between residents and the council were tense. ' +
      'The fact that the council sold the old park to a developer in 2015 did not help. Yet the town still needs jobs.\n',
    edge: 'Since the mill -attack-> Yet the town',
  },
  'conclusion-turn': {
    text: 'Nuclear power is cheap to run. But nuclear power is not the answer to climate change.\n',
    edge: 'Nuclear power is -attack-> But nuclear power',
  },
  'fronted-head': {
    text: 'Cities should ban cars from their centres.\n\nBecause buses are cheap, the city can afford free transport.\n',
    edge: 'Because buses are -support-> the city can',
  },
}

describe('attachment rules: one example each', () => {
  it('every rule has an example here', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(files)
  })

  for (const rule of RULES) {
    it(`${rule.name}: decides on its example, which has the edge it makes`, () => {
      const example = EXAMPLES[rule.name]!
      let applied = 0
      const apply = rule.apply
      const counting = rule as { apply: AttachmentRule['apply'] }
      counting.apply = (c) => {
        const hit = apply(c)
        if (hit) applied++
        return hit
      }
      try {
        const { edges } = structure(example.text)
        expect(applied, `${rule.name} did not apply; edges:\n${edges.join('\n')}`).toBeGreaterThan(0)
        expect(edges).toContain(example.edge)
      } finally {
        counting.apply = apply
      }
    })
  }
})
