/**
 * The laid-out argument map as inline SVG: one `<g class="node">` per
 * argumentative unit, one `<path class="edge">` per relation (support solid
 * with an arrow, attack dashed with a bar), styled by the page's CSS.
 */
import type { ArgumentMap } from '../model/types.js'
import { esc, isLow } from './escape.js'
import { type GraphLayout, LINE_HEIGHT } from './layout.js'

function pathData(points: ReadonlyArray<{ x: number; y: number }>, straight: boolean): string {
  if (!points.length) return ''
  const [first, ...rest] = points
  if (straight) return `M${first!.x},${first!.y}` + rest.map((p) => `L${p.x},${p.y}`).join('')
  if (rest.length === 1) return `M${first!.x},${first!.y}L${rest[0]!.x},${rest[0]!.y}`
  // Quadratic segments through the midpoints: smooth, and still ends on the last point.
  let d = `M${first!.x},${first!.y}`
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!
    const q = rest[i + 1]!
    const mx = Math.round(((p.x + q.x) / 2) * 10) / 10
    const my = Math.round(((p.y + q.y) / 2) * 10) / 10
    d += `Q${p.x},${p.y} ${i === rest.length - 2 ? `${q.x},${q.y}` : `${mx},${my}`}`
  }
  return d
}

const DEFS =
  '<defs>' +
  '<marker id="m-support" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0L10,5L0,10z" class="mk-support"/></marker>' +
  '<marker id="m-attack" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M7,0L9,0L9,10L7,10z M0,1L6,5L0,9z" class="mk-attack"/></marker>' +
  '</defs>'

export function renderGraph(layout: GraphLayout, map: ArgumentMap): string {
  const units = new Map(map.units.map((u) => [u.id, u]))
  const relFlags = new Map(map.relations.map((r) => [`${r.from}\u0000${r.to}`, r]))
  const parts: string[] = []
  parts.push(
    `<svg id="graph-svg" class="fit" xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="Argument map: ${layout.nodes.length} units, ${layout.edges.length} relations">`,
    DEFS,
  )
  parts.push('<g class="edges">')
  for (const e of layout.edges) {
    const r = relFlags.get(`${e.from}\u0000${e.to}`)
    const cls = ['edge', e.type, r && isLow(r.confidence) ? 'low' : '', r?.reviewed ? 'reviewed' : '', r?.flagged ? 'flagged' : '']
      .filter(Boolean)
      .join(' ')
    const title = `${e.type}${r ? ` (confidence ${r.confidence})` : ''}`
    parts.push(
      `<path class="${esc(cls)}" data-from="${esc(e.from)}" data-to="${esc(e.to)}" d="${pathData(e.points, e.bracket === true)}" marker-end="url(#m-${esc(e.type)})"><title>${esc(title)}</title></path>`,
    )
  }
  parts.push('</g><g class="nodes">')
  // bracket edges share gutters: draw them under the nodes like the rest
  for (const n of layout.nodes) {
    const u = units.get(n.id)!
    const cls = ['node', `r-${n.role}`, isLow(u.confidence) ? 'low' : '', u.reviewed ? 'reviewed' : '', u.flagged ? 'flagged' : '']
      .filter(Boolean)
      .join(' ')
    const hw = n.width / 2
    const hh = Math.round((n.height / 2) * 10) / 10
    const top = -hh + 8 + LINE_HEIGHT - 3
    const tspans = n.lines
      .map((line, i) => `<tspan x="0" y="${Math.round((top + i * LINE_HEIGHT) * 10) / 10}">${esc(line)}</tspan>`)
      .join('')
    const badge = u.reviewed ? `<text class="badge" x="${hw - 9}" y="${-hh + 11}">✓</text>` : ''
    parts.push(
      `<g class="${esc(cls)}" data-id="${esc(n.id)}" data-role="${esc(n.role)}" transform="translate(${n.x},${n.y})" tabindex="0">` +
        `<title>${esc(`${u.role} · ${u.confidence}: ${u.text}`)}</title>` +
        `<rect x="${-hw}" y="${-hh}" width="${n.width}" height="${n.height}" rx="6"/>` +
        `<text text-anchor="middle">${tspans}</text>${badge}</g>`,
    )
  }
  parts.push('</g></svg>')
  return parts.join('')
}
