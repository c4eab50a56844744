/**
 * `remarkArgmap` as a unified plugin inside real processors: what a remark
 * user writes, not a direct call of the transformer.
 */
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { VFile } from 'vfile'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { analyze, parser, remarkArgmap, toJSON } from '../src/index.js'
import { opEdPath } from './helpers.js'

const source = readFileSync(opEdPath, 'utf8')

describe('remarkArgmap in a unified() pipeline', () => {
  it('stores in file.data.argumentMap the map `argmap map` gives, behind remark-parse + GFM + front matter', async () => {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkArgmap).use(remarkStringify)
    const file = await processor.process(new VFile({ path: 'corpus/china-north-korea.md', value: source }))
    expect(toJSON(file.data.argumentMap)).toBe(toJSON(analyze(source, { path: 'corpus/china-north-korea.md' })))
    // The plugin only reads the tree: the document still stringifies.
    expect(String(file)).toContain('China stands to lose in both.')
  })

  it('runs on argmap\'s own frozen parser with options from the attacher, and with run() on a parsed tree', async () => {
    const processor = parser().use(remarkArgmap, { path: 'named.md', clauses: false })
    const file = new VFile({ value: source })
    await processor.run(processor.parse(file), file)
    expect(toJSON(file.data.argumentMap)).toBe(toJSON(analyze(source, { path: 'named.md', clauses: false })))
  })

  it('names a file without a path "-", keeps a BOM in the offsets, and maps each file of a processor on its own', async () => {
    const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']).use(remarkArgmap).use(remarkStringify).freeze()
    const bom = '\uFEFF# T\n\nWe should act now. Delay costs lives.\n'
    const [a, b] = await Promise.all([processor.process(bom), processor.process(source)])
    expect(a.data.argumentMap.source.path).toBe('-')
    for (const u of a.data.argumentMap.units) expect(bom.slice(u.start.offset, u.end.offset)).toBe(u.text)
    expect(toJSON(a.data.argumentMap)).toBe(toJSON(analyze(bom)))
    expect(b.data.argumentMap.units.length).toBe(analyze(source).units.length)
  })

  it('reports an empty document as a message with a place, a rule id and a source, and maps it to nothing', async () => {
    const processor = unified().use(remarkParse).use(remarkArgmap).use(remarkStringify)
    const file = await processor.process(new VFile({ path: 'blank.md', value: '  \n\n' }))
    expect(file.data.argumentMap.units).toEqual([])
    expect(file.messages.map((m) => [String(m), m.ruleId, m.source, m.fatal])).toEqual([
      ['blank.md:1:1-3:1: Unexpected empty document, expected prose; the map is empty', 'empty-document', 'argmap', false],
    ])
    expect((await processor.process(source)).messages).toEqual([])
  })
})
