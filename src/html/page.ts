/**
 * One document's review page: a static, offline HTML file with the text
 * highlighted by role, the argument map as inline SVG (laid out in Node,
 * ./layout.ts), a details panel, a legend and a review queue. Deterministic: the
 * same source and map give the same bytes (no dates, stable order).
 */
import { plainish } from '../emit/text.js'
import { type ArgumentMap, RELATION_TYPES, type RelationType, type Role } from '../model/types.js'
import type { Parsed } from '../parse/index.js'
import { PAGE_SCRIPT_FILE } from './client.js'
import { esc, isLow, LOW_CONFIDENCE, scriptJSON } from './escape.js'
import { layoutMap } from './layout.js'
import { reviewQueue } from '../review/queue.js'
import { STYLE } from './style.js'
import { renderGraph } from './svg.js'
import { renderText } from './text.js'

export interface PageOptions {
  /** Link back to the corpus page; omitted when null. Default `index.html`. */
  indexHref?: string | null
  /** Review messages to show above the page (orphaned or invalid corrections...). */
  notes?: readonly string[]
  /** The source's parse, when the caller has it (`argmap run` does): saves a second parse. */
  parsed?: Parsed
  /** Where the page script is, relative to the page. Default `argmap-page.js` (beside it). */
  scriptHref?: string
}

/**
 * Scripts only from files beside the page (the one argmap writes), none
 * inline, no handler attributes: markup that slipped through escaping could
 * not run. Styles stay inline (they cannot run code).
 */
export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; img-src data:"

const ROLE_ORDER: readonly Role[] = ['conclusion', 'claim', 'premise', 'none']

function counts(map: ArgumentMap): { roles: Record<Role, number>; rels: Record<RelationType, number>; reviewed: number } {
  const roles: Record<Role, number> = { conclusion: 0, claim: 0, premise: 0, none: 0 }
  // every relation type the model has (a type added later counts too), in the model's order
  const rels = Object.fromEntries(RELATION_TYPES.map((t) => [t, 0])) as Record<RelationType, number>
  for (const u of map.units) roles[u.role]++
  for (const r of map.relations) rels[r.type] = (rels[r.type] ?? 0) + 1
  return { roles, rels, reviewed: map.units.filter((u) => u.reviewed).length }
}

const LEGEND =
  '<div class="legend" aria-label="legend">' +
  ROLE_ORDER.map((r) => `<span class="chip r-${r}">${r}</span>`).join('') +
  '<span><svg width="34" height="10"><path d="M1,5H26" stroke="var(--support)" stroke-width="1.6"/><path d="M25,1L33,5L25,9z" fill="var(--support)"/></svg> supports</span>' +
  '<span><svg width="34" height="10"><path d="M1,5H26" stroke="var(--attack)" stroke-width="1.6" stroke-dasharray="6 4"/><path d="M29,0H31V10H29z M22,1L28,5L22,9z" fill="var(--attack)"/></svg> attacks</span>' +
  `<span><span class="chip low">dashed</span> confidence &lt; ${LOW_CONFIDENCE}</span>` +
  '<span><span class="revtag">✓</span> reviewed</span>' +
  '<span><span class="flagtag">⚑</span> correction carried to a reworded sentence: check again</span>' +
  '</div>'

/** Largest number of argumentative units whose graph a page draws. */
export const MAX_GRAPH_UNITS = 2000

export function renderPage(source: string, map: ArgumentMap, options: PageOptions = {}): string {
  return [...renderPagePieces(source, map, options)].join('')
}

/**
 * The page in pieces, each made when asked for: `argmap run` writes them one at a time (src/engine/write.ts), so the
 * text, the review queue and the page's data (each the size of the document or more: 38 MB in all for the op-ed ×1000)
 * are never all held at once. Joined, they are `renderPage`.
 */
export function* renderPagePieces(source: string, map: ArgumentMap, options: PageOptions = {}): Generator<string> {
  const indexHref = options.indexHref === undefined ? 'index.html' : options.indexHref
  const title = map.source.title ?? map.source.path
  const c = counts(map)
  const summary =
    ROLE_ORDER.map((r) => `${c.roles[r]} ${r}`).join(', ') +
    ` · ${Object.entries(c.rels)
      .map(([t, n]) => `${n} ${esc(t)}`)
      .join(', ')} · ${c.reviewed} of ${map.units.length} reviewed`
  const notes = options.notes?.length ? `<ul class="notes">${options.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : ''
  yield '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}">\n` +
    `<title>${esc(title)} · argmap</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    `<header>${indexHref !== null ? `<a href="${esc(indexHref)}">← all documents</a>` : ''}<h1>${esc(title)}</h1>` +
    `<span class="src">${esc(map.source.path)}</span><span class="src" id="summary">${summary}</span></header>\n` +
    `${LEGEND}\n${notes}` +
    '<main>\n<article id="text">\n'
  yield renderText(source, map, options.parsed?.tree, options.parsed?.shift)
  const argumentative = map.units.filter((u) => u.role !== 'none').length
  // Past a bound a graph is too big to read or pan (the layout itself is linear): the page keeps the
  // highlighted text and the review queue and says why the graph is missing.
  const layout = argumentative <= MAX_GRAPH_UNITS ? layoutMap(map) : null
  const graph = !layout
    ? `<p class="hint">The map has ${argumentative} argumentative units; the graph is drawn for at most ${MAX_GRAPH_UNITS}. Read it as an outline with <code>argmap map --format outline</code>.</p>`
    : layout.nodes.length
      ? '<div id="graph-tools" role="toolbar" aria-label="map view">' +
        '<button id="fit" type="button">actual size</button><button id="zoom-in" type="button" title="zoom in">+</button>' +
        '<button id="zoom-out" type="button" title="zoom out">−</button><button id="focus" type="button" title="the selected unit\'s paragraph and its chain to the thesis; the rest collapsed">focus</button>' +
        '<button id="show-all" type="button">show all</button></div>' +
        renderGraph(layout, map)
      : '<p class="hint">No argumentative units.</p>'
  yield '\n</article>\n' +
    `<aside>\n<div id="graph">${graph}</div>\n` +
    '<div id="details" aria-live="polite"></div>\n' +
    '<div id="queue-box"><h2>Review queue (unreviewed first, lowest confidence first)</h2><ol id="queue">'
  yield reviewQueue(map.units)
    .map((u) => {
      const cls = [`r-${u.role}`, u.reviewed ? 'reviewed' : '', isLow(u.confidence) ? 'low' : ''].filter(Boolean).join(' ')
      const text = plainish(u.text)
      return `<li class="${esc(cls)}" data-id="${esc(u.id)}"><span class="c">${u.confidence.toFixed(2)}</span><span class="chip r-${esc(u.role)}${isLow(u.confidence) ? ' low' : ''}">${esc(u.role)}</span><span class="t">${u.reviewed ? '✓ ' : ''}${esc(text)}</span></li>`
    })
    .join('')
  yield '</ol></div>\n</aside>\n</main>\n<script type="application/json" id="argmap-data">'
  const outgoing = new Map(map.relations.map((r) => [r.from, r]))
  yield scriptJSON({
    low: LOW_CONFIDENCE,
    units: map.units.map((u) => {
      const r = outgoing.get(u.id)
      return {
        id: u.id,
        role: u.role,
        confidence: u.confidence,
        signals: u.signals,
        p: u.paragraph,
        ...(u.reviewed ? { reviewed: true } : {}),
        ...(u.flagged ? { flagged: true } : {}),
        ...(r ? { rel: { to: r.to, type: r.type, confidence: r.confidence, ...(r.reviewed ? { reviewed: true } : {}) } } : {}),
      }
    }),
  })
  yield `</script>\n<script src="${esc(options.scriptHref ?? PAGE_SCRIPT_FILE)}"></script>\n</body>\n</html>\n`
}
