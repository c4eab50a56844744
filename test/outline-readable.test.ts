import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formats } from '../src/emit/index.js'
import { shortId } from '../src/emit/outline.js'
import { analyze } from '../src/pipeline.js'
import { opEdPath } from './helpers.js'

/** Issue 16 "the outline reads": full unit text, wrapped, and short ids in `map --format outline` (the textconv). */
describe('readable outline', () => {
  const text = readFileSync(opEdPath, 'utf8')
  const map = analyze(text, { path: 'x.md' })

  it('holds every argumentative unit whole (no … cut), wrapped at 100 columns, under short ids', () => {
    const outline = formats.outline(map)
    const flat = outline.replace(/\n\s+(?![+-] |\w+ \[)/g, ' ')
    for (const u of map.units.filter((x) => x.role !== 'none')) {
      expect(outline).toContain(`[${shortId(u.id)}]`)
      expect(flat.replace(/\s+/g, ' ')).toContain(u.text.replace(/\s+/g, ' ').replace(/[*_]/g, '').slice(0, 150).replace(/\s+$/, ''))
    }
    expect(outline).not.toContain('…')
    for (const line of outline.split('\n')) expect(line.length).toBeLessThanOrEqual(110)
    expect(shortId('china-stands-to-lose-in-e8f7d5')).toBe('e8f7d5')
    expect(shortId('we-must-act-0a1b2c-2')).toBe('0a1b2c-2')
  })

  it('a reworded sentence shows as its changed words in a line diff, not as a changed long id', () => {
    const reworded = text.replace('China stands to lose in both.', 'China stands to lose in both cases.')
    const a = formats.outline(map).split('\n')
    const b = formats.outline(analyze(reworded, { path: 'x.md' })).split('\n')
    const changed = b.filter((l) => !a.includes(l))
    expect(changed.length).toBe(1)
    expect(changed[0]).toMatch(/\[[0-9a-f]{6}\] China stands to lose in both cases\.$/)
  })
})
