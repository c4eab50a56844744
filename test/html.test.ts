import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { renderCorpusPage } from '../src/html/corpus.js'
import { esc, scriptJSON } from '../src/html/escape.js'
import { layoutMap } from '../src/html/layout.js'
import { MAX_GRAPH_UNITS, renderPage } from '../src/html/page.js'
import { reviewQueue } from '../src/review/queue.js'
import type { ArgumentMap } from '../src/model/types.js'
import { analyze } from '../src/pipeline.js'
import { opEdPath, repoRoot } from './helpers.js'

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
const textOf = (html: string) => unescape(html.replace(/<[^>]*>/g, ''))

/** The text spans of a page: id → [classes, inner text]. Unit spans nest only `.md` syntax spans. */
function unitSpans(html: string): Map<string, { cls: string; text: string }> {
  const out = new Map<string, { cls: string; text: string }>()
  const re = /<span class="(u [^"]*)" data-id="([^"]+)" data-role="[^"]+">((?:[^<]|<span class="md">[^<]*<\/span>)*)<\/span>/g
  for (const m of html.matchAll(re)) {
    expect(out.has(m[2]!), `one span per unit (${m[2]})`).toBe(false)
    out.set(unescape(m[2]!), { cls: m[1]!, text: textOf(m[3]!) })
  }
  return out
}

function checkPage(source: string, map: ArgumentMap): string {
  const html = renderPage(source, map)
  const spans = unitSpans(html)
  expect(spans.size).toBe(map.units.length)
  for (const u of map.units) {
    const s = spans.get(u.id)!
    expect(s.cls.split(' ')).toContain(`r-${u.role}`)
    expect(s.text).toBe(u.text)
  }
  const argumentative = map.units.filter((u) => u.role !== 'none').length
  expect(html.match(/<g class="node /g)?.length ?? 0).toBe(argumentative)
  expect(html.match(/<path class="edge /g)?.length ?? 0).toBe(map.relations.length)
  // offline: nothing fetched, no external address anywhere
  expect(html).not.toMatch(/\b(?:src|href)="(?:https?:)?\/\//)
  expect(html).not.toMatch(/@import|url\((?!#)/)
  return html
}

const source = readFileSync(opEdPath, 'utf8')
const map = analyze(source, { path: 'corpus/china-north-korea.md' })

describe('review page', () => {
  it('op-ed: every unit highlighted once with its role and exact text; one node per argumentative unit, one edge per relation', () => {
    const html = checkPage(source, map)
    expect(html).toContain('<h1>In fear of being left behind: China’s precarious relationship with North Korea</h1>')
    expect(Buffer.byteLength(html)).toBeLessThan(150_000)
  })

  it('is deterministic: byte-identical on re-render and on a fresh analysis', () => {
    expect(renderPage(source, map)).toBe(renderPage(source, analyze(source, { path: 'corpus/china-north-korea.md' })))
  })

  it('renders markdown structures (lists, quotes, tables, code, front matter, CRLF/BOM) with every unit', () => {
    for (const name of ['markdown-structures', 'front-matter-html', 'abbreviations-quotes', 'crlf-bom-unicode']) {
      const input = readFileSync(join(repoRoot, 'test/fixtures', name, 'input.md'), 'utf8')
      checkPage(input, analyze(input, { path: `${name}.md` }))
    }
    const html = renderPage('# T\n\n```js\nconst a = "<b>";\n```\n\nPlain <em>html</em> here.\n', analyze('# T\n\n```js\nconst a = "<b>";\n```\n\nPlain <em>html</em> here.\n'))
    expect(html).toContain('<pre class="code">```js\nconst a = &quot;&lt;b&gt;&quot;;\n```</pre>')
    expect(html).not.toContain('<em>html</em>')
  })

  it('shows review messages above the page, escaped', () => {
    const html = renderPage(source, map, { notes: ['corpus/x.review.json: correction for a-1 is orphaned: <gone>'] })
    expect(html).toContain('<ul class="notes"><li>corpus/x.review.json: correction for a-1 is orphaned: &lt;gone&gt;</li></ul>')
    expect(renderPage(source, map)).not.toContain('class="notes"')
  })

  it('an empty document gives a page without a graph', () => {
    const html = renderPage('', analyze(''))
    expect(html).toContain('No argumentative units.')
    expect(html).not.toContain('<svg id="graph-svg"')
  })

  it('a map too large to lay out keeps its text and queue and says why the graph is missing', () => {
    const source = Array.from({ length: 560 }, (_, i) => `Paragraph ${i} claims we must act now. Because delay costs lives. Therefore we should vote. Yet some disagree.`).join('\n\n')
    const map = analyze(source)
    const argumentative = map.units.filter((u) => u.role !== 'none').length
    expect(argumentative).toBeGreaterThan(MAX_GRAPH_UNITS)
    const html = renderPage(source, map)
    expect(html).toContain(`The map has ${argumentative} argumentative units; the graph is drawn for at most ${MAX_GRAPH_UNITS}.`)
    expect(html).not.toContain('<svg id="graph-svg"')
    expect(unitSpans(html).size).toBe(map.units.length)
  })

  it('marks reviewed, flagged and low-confidence units in text, graph and queue', () => {
    const m = structuredClone(map)
    const [a, b] = m.units.filter((u) => u.role !== 'none')
    a!.reviewed = true
    b!.reviewed = true
    b!.flagged = true
    const html = renderPage(source, m)
    const spans = unitSpans(html)
    expect(spans.get(a!.id)!.cls).toMatch(/\breviewed\b/)
    expect(spans.get(b!.id)!.cls).toMatch(/\bflagged\b/)
    expect(html).toMatch(new RegExp(`<g class="node [^"]*\\breviewed\\b[^"]*" data-id="${a!.id}"`))
    const low = m.units.find((u) => u.confidence < 0.6 && !u.reviewed)
    if (low) expect(spans.get(low.id)!.cls).toMatch(/\blow\b/)
    expect(html).toContain(`${m.units.filter((u) => u.reviewed).length} of ${m.units.length} reviewed`)
    // the queue: unreviewed first, then ascending confidence
    const ids = [...html.matchAll(/<li class="[^"]*" data-id="([^"]+)">/g)].map((x) => x[1])
    expect(ids).toEqual(reviewQueue(m.units).map((u) => u.id))
    expect(ids.slice(-2).sort()).toEqual([a!.id, b!.id].sort())
  })
})

describe('graph layout', () => {
  it('puts the conclusion on top and every relation source below its target', () => {
    const layout = layoutMap(map)
    const y = new Map(layout.nodes.map((n) => [n.id, n.y]))
    const top = Math.min(...layout.nodes.map((n) => n.y))
    const conclusion = map.units.find((u) => u.role === 'conclusion')
    if (conclusion) expect(y.get(conclusion.id)).toBe(top)
    for (const r of map.relations) expect(y.get(r.from)!).toBeGreaterThan(y.get(r.to)!)
    for (const e of layout.edges) expect(e.points.length).toBeGreaterThanOrEqual(2)
    // boxes do not overlap
    const boxes = layout.nodes
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const p = boxes[i]!
        const q = boxes[j]!
        const apart = Math.abs(p.x - q.x) >= (p.width + q.width) / 2 || Math.abs(p.y - q.y) >= (p.height + q.height) / 2
        expect(apart, `${p.id} overlaps ${q.id}`).toBe(true)
      }
    }
  })
})

describe('corpus page', () => {
  it('lists documents with conclusion, counts, reviewed and links', () => {
    const html = renderCorpusPage([
      {
        name: 'b-doc',
        path: 'corpus/b-doc.md',
        title: 'B <title>',
        conclusion: { id: 'c', text: 'So we should act.' },
        units: { conclusion: 1, claim: 2, premise: 3, none: 4 },
        relations: { support: 4, attack: 1 },
        reviewed: 2,
      },
      { name: 'a doc', path: 'corpus/a doc.md', title: null, conclusion: null, units: { conclusion: 0, claim: 0, premise: 0, none: 1 }, relations: { support: 0, attack: 0 }, reviewed: 0 },
    ])
    expect(html.indexOf('a%20doc.html')).toBeLessThan(html.indexOf('b-doc.html'))
    expect(html).toContain('<a href="b-doc.html">B &lt;title&gt;</a>')
    expect(html).toContain('<td class="concl">So we should act.</td><td class="n">1</td><td class="n">2</td><td class="n">3</td><td class="n">4</td><td class="n">4</td><td class="n">1</td><td class="n">2 / 10</td>')
    expect(html).toContain('<a href="b-doc.argmap.json">json</a> · <a href="b-doc.annotated.md">annotated</a>')
    expect(html).toContain('none found')
  })
})

describe('escaping', () => {
  it('escapes the five HTML specials and returns other text as it is', () => {
    expect(esc(`Tom & Jerry's <b>"quoted"</b>`)).toBe('Tom &amp; Jerry&#39;s &lt;b&gt;&quot;quoted&quot;&lt;/b&gt;')
    expect(esc('China’s plain sentence — no specials')).toBe('China’s plain sentence — no specials')
    expect(esc('')).toBe('')
    for (const text of ['a&b', '<', '>', '"', "'", 'x&&y<<z']) expect(unescape(esc(text))).toBe(text)
  })

  it('writes JSON that cannot close its script element and reads back as the value', () => {
    const value = { text: '</script><!-- x \u2028 y \u2029 z', n: 1 }
    const json = scriptJSON(value)
    expect(json).not.toMatch(/<|\u2028|\u2029/)
    expect(JSON.parse(json)).toEqual(value)
    expect(scriptJSON({ plain: 'nothing to replace’' })).toBe(JSON.stringify({ plain: 'nothing to replace’' }))
  })
})
