import { describe, expect, it } from 'vitest'
import { forest, type TreeNode, visitForest } from '../src/emit/tree.js'
import type { ArgumentMap, Unit } from '../src/model/types.js'

function chain(n: number): ArgumentMap {
  const at = { line: 1, column: 1, offset: 0 }
  const units: Unit[] = Array.from({ length: n }, (_, i) => ({
    id: `u${i}`,
    role: i === 0 ? 'conclusion' : 'premise',
    text: `Unit ${i}.`,
    start: at,
    end: at,
    paragraph: 0,
    confidence: 1,
    signals: ['test'],
  }))
  const relations = units.slice(1).map((u, i) => ({ from: u.id, to: `u${i}`, type: 'support' as const, confidence: 1, signals: ['test'] }))
  return { schema: 'argmap/1', source: { path: '-', sha256: '', title: null }, units, relations }
}

/** The forest's nodes in visitForest's order, with their depths. */
function walked(nodes: readonly TreeNode[]): Array<{ node: TreeNode; depth: number }> {
  const out: Array<{ node: TreeNode; depth: number }> = []
  visitForest(nodes, (node, depth) => void out.push({ node, depth }))
  return out
}

describe('the display forest', () => {
  it('walks a support chain 20,000 deep without overflowing the stack, in order, with depths', () => {
    const all = walked(forest(chain(20_000)))
    expect(all).toHaveLength(20_000)
    expect(all.map((w) => w.depth)).toEqual(all.map((_, i) => i))
    expect(all[19_999]!.node.unit.id).toBe('u19999')
  })

  it('visits children in document order, pre-order', () => {
    const map = chain(3)
    map.units.push({ ...map.units[2]!, id: 'u3', text: 'Unit 3.' })
    map.relations.push({ from: 'u3', to: 'u0', type: 'attack', confidence: 1, signals: ['test'] })
    expect(walked(forest(map)).map((w) => `${w.depth}:${w.node.unit.id}`)).toEqual(['0:u0', '1:u1', '2:u2', '1:u3'])
  })
})
