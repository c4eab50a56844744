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
