import { describe, expect, it } from 'vitest'
import { annotate } from '../src/emit/annotated.js'
import { formats } from '../src/emit/index.js'
import { validateMap } from '../src/model/schema.js'
import type { ArgumentMap } from '../src/model/types.js'
import { analyze } from '../src/pipeline.js'
import { readAnnotated } from '../src/read/read.js'
import { strip } from '../src/read/strip.js'

// A thesis stated first and restated at the end; the restatement is marked by hand on the rules' map.
const source = `# Cities should ban cars

Cities should ban private cars from their centres. Streets without cars are safer for everyone.

Some argue that shops will lose customers. But shops in car-free streets report more visitors.

In short, cities should ban private cars from their centres.
`

function restated(): ArgumentMap {
  const map = analyze(source, { path: 'cities.md', model: 'rules' })
  const thesis = map.units.find((u) => u.text.startsWith('Cities should ban private'))!
  const again = map.units.find((u) => u.text.startsWith('In short'))!
  for (const u of map.units) if (u.role === 'conclusion') u.role = 'claim'
  thesis.role = 'conclusion'
  again.role = 'conclusion'
  const relations = map.relations.filter((r) => r.from !== thesis.id && r.from !== again.id)
  relations.push({ from: again.id, to: thesis.id, type: 'restates', confidence: 0.9, signals: ['restates:thesis'] })
  return { ...map, relations }
}

describe('a restated thesis (argmap/2 restates)', () => {
  const map = restated()
  const again = map.relations.find((r) => r.type === 'restates')!

  it('validates against the schema', () => {
    expect(map.schema).toBe('argmap/2')
    expect(validateMap(map)).toEqual([])
    expect(validateMap({ ...map, schema: 'argmap/1' })).toEqual([])
  })

  it('is marked in the annotated markdown, read back to the same map, and stripped to the same bytes', () => {
    const text = annotate(source, map)
    expect(text).toContain(`restates=${again.to}`)
    expect(readAnnotated(text).relations).toContainEqual(expect.objectContaining({ from: again.from, to: again.to, type: 'restates' }))
    expect(strip(text)).toBe(source)
  })

  it('is an MA node in AIF, an equivalence in Argdown, a dotted edge in Mermaid, "=" in the outline', () => {
    const aif = JSON.parse(formats.aif(map))
    expect(aif.nodes.filter((n: { type: string }) => n.type === 'MA')).toHaveLength(1)
    const argdown = formats.argdown(map)
    expect(argdown).toMatch(new RegExp(`\\[${again.to}\\]: In short, cities should ban private cars from their centres\\. #conclusion #restatement`))
    expect(formats.mermaid(map)).toMatch(/-\.-\|restates\|/)
    expect(formats.outline(map)).toMatch(new RegExp(`= conclusion \\[${again.from.slice(-6)}\\]`))
  })
})
