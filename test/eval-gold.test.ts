import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { toString } from 'mdast-util-to-string'
import { describe, expect, it } from 'vitest'
import { GoldError, goldToMarkdown, mapRange, parseGold, readGold } from '../src/eval/gold.js'
import { parseMarkdown } from '../src/parse/index.js'

const here = path.dirname(fileURLToPath(import.meta.url))
const TINY = path.join(here, 'fixtures/eval/tiny.jsonl')

const line = (doc: Record<string, unknown>) => JSON.stringify({ id: 'd', paragraphs: [], units: [], relations: [], ...doc })

describe('readGold', () => {
  it('reads documents, spans and implicit units', () => {
    const docs = readGold(TINY)
    expect(docs.map((d) => d.id)).toEqual(['t1', 't2', 't3'])
    expect(docs[1]!.units[0]).toEqual({
      id: 'a1',
      role: 'conclusion',
      text: 'We should plant more trees',
      spans: [[0, 26], [89, 114]],
      implicit: false,
    })
    expect(docs[2]!.units[0]).toEqual({ id: 'a1', role: 'conclusion', text: 'Homework should be abolished.', spans: [], implicit: true })
    expect(docs[0]!.relations[2]).toEqual({ from: 'a4', to: 'a3', type: 'attack' })
  })

  it('names the file (and line) when it is missing or invalid', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'argmap-eval-'))
    const missing = path.join(dir, 'nope.jsonl')
    expect(() => readGold(missing)).toThrow(new GoldError(`Cannot read gold file ${missing}: no such file`))
    const bad = (content: string) => () => parseGold(content, 'g.jsonl')
    expect(bad('')).toThrow('Invalid gold file g.jsonl: no documents')
    expect(bad(`${line({ text: 'A.' })}\n{oops`)).toThrow('Invalid gold file g.jsonl:2: not a JSON object')
    expect(bad(line({ text: 'Abc.', units: [{ id: 'a', start: 0, end: 3, text: 'Abd', role: 'claim' }] }))).toThrow(
      'g.jsonl:1: document d unit 1: text does not match its offsets',
    )
    expect(bad(line({ text: 'Abc.', units: [{ id: 'a', start: 0, end: 3, text: 'Abc', role: 'thesis' }] }))).toThrow(
      'has role "thesis", expected conclusion|claim|premise',
    )
    expect(bad(line({ text: 'A', units: [{ id: 'a', start: 0, end: 1, text: 'A', role: 'claim' }], relations: [{ from: 'a', to: 'b', type: 'support' }] }))).toThrow(
      'relation 1 names an unknown unit',
    )
    expect(bad(`${line({ text: 'A' })}\n${line({ text: 'B' })}`)).toThrow('g.jsonl:2: duplicate document id d')
    expect(bad(line({ text: 'A. B.', paragraphs: [[3, 5], [0, 2]] }))).toThrow('g.jsonl:1: document d has "paragraphs" out of order or overlapping')
    expect(bad(line({ text: 'A. B.', paragraphs: [[0, 9]] }))).toThrow('g.jsonl:1: document d has invalid "paragraphs"')
    const file = path.join(dir, 'ok.jsonl')
    writeFileSync(file, `\n${line({ text: 'A.', paragraphs: [[0, 2]] })}\n\n`)
    expect(readGold(file)).toHaveLength(1)
  })
})

describe('goldToMarkdown', () => {
  it('joins paragraphs with blank lines and maps every offset back', () => {
    const [, t2] = readGold(TINY)
    const { markdown, toGold } = goldToMarkdown(t2!)
    expect(markdown).toBe('We should plant more trees, because they cool the streets.\n\nShade saves energy in summer. So yes, plant more trees.\n')
    const at = (s: string) => [markdown.indexOf(s), markdown.indexOf(s) + s.length] as const
    expect(mapRange(toGold, ...at('Shade saves energy in summer.'))).toEqual([59, 88])
    expect(mapRange(toGold, ...at('So yes, plant more trees.'))).toEqual([89, 114])
    expect(mapRange(toGold, ...at('streets.\n\nShade'))).toEqual([50, 64])
    expect(mapRange(toGold, 58, 60)).toBeNull() // the blank line itself
  })

  it('takes the whole text as one paragraph when there are none', () => {
    const doc = { id: 'x', text: ' One. Two. ', paragraphs: [], units: [], relations: [] }
    expect(goldToMarkdown(doc).markdown).toBe('One. Two.\n')
    expect(mapRange(goldToMarkdown(doc).toGold, 5, 9)).toEqual([6, 10])
  })

  it('escapes markdown syntax so the prose stays prose, and maps escapes to what they escape', () => {
    const text = '1. Cats [sic] & dogs_drool *a lot*.\r\n\t # Not a heading\n- nor a list > ok'
    const doc = { id: 'x', text, paragraphs: [[0, 35], [37, text.length]] as Array<[number, number]>, units: [], relations: [] }
    const { markdown, toGold } = goldToMarkdown(doc)
    expect(markdown).toBe('1\\. Cats \\[sic\\] \\& dogs\\_drool \\*a lot\\*.\n\n\\# Not a heading - nor a list > ok\n')
    const tree = parseMarkdown(markdown).tree
    expect(tree.children.map((n) => n.type)).toEqual(['paragraph', 'paragraph'])
    expect(tree.children.map((n) => toString(n))).toEqual([
      '1. Cats [sic] & dogs_drool *a lot*.',
      '# Not a heading - nor a list > ok',
    ])
    const s = markdown.indexOf('\\[sic')
    expect(mapRange(toGold, s, s + 7)).toEqual([8, 13]) // "\[sic\]" -> "[sic]"
    const h = markdown.indexOf('\\# Not')
    expect(text.slice(...mapRange(toGold, h, h + 16)!)).toBe('# Not a heading')
  })
})
