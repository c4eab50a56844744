/**
 * The corpus page (`out/index.html`): one row per document with its
 * conclusion, units by role, relations by type, reviewed units and links to
 * its page and outputs. Static and deterministic, like the document pages.
 */
import type { RelationType, Role } from '../model/types.js'
import { esc } from './escape.js'
import { STYLE } from './style.js'

/** What the corpus page needs of a document (the engine's DocumentSummary has all of it). */
export interface CorpusEntry {
  name: string
  path: string
  title: string | null
  conclusion: { id: string; text: string } | null
  units: Record<Role, number>
  relations: Record<RelationType, number>
  reviewed: number
}

const ROLES: readonly Role[] = ['conclusion', 'claim', 'premise', 'none']

export function renderCorpusPage(documents: readonly CorpusEntry[], errors: ReadonlyArray<{ path: string; message: string }> = []): string {
  const docs = [...documents].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const rows = docs
    .map((d) => {
      const total = ROLES.reduce((n, r) => n + d.units[r], 0)
      // A name under a subfolder keeps its slashes: `sub%2Finner.html` is not a link to sub/inner.html.
      const name = d.name.split('/').map(encodeURIComponent).join('/')
      return (
        '<tr>' +
        `<td><a href="${name}.html">${esc(d.title ?? d.name)}</a><br><span class="src">${esc(d.path)}</span></td>` +
        `<td class="concl">${d.conclusion ? esc(d.conclusion.text) : '<span class="hint">none found</span>'}</td>` +
        ROLES.map((r) => `<td class="n">${d.units[r]}</td>`).join('') +
        `<td class="n">${d.relations.support}</td><td class="n">${d.relations.attack}</td>` +
        `<td class="n">${d.reviewed} / ${total}</td>` +
        `<td><a href="${name}.argmap.json">json</a> · <a href="${name}.annotated.md">annotated</a></td>` +
        '</tr>'
      )
    })
    .join('\n')
  const failed = errors.length
    ? `<ul class="notes">${errors.map((e) => `<li>${esc(e.message)}</li>`).join('')}</ul>\n`
    : ''
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<title>argmap · corpus</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    `<header><h1>Argument maps</h1><span class="src">${docs.length} document${docs.length === 1 ? '' : 's'}</span></header>\n${failed}` +
    '<table class="docs">\n<thead><tr><th>Document</th><th>Conclusion</th>' +
    ROLES.map((r) => `<th><span class="chip r-${r}">${r}</span></th>`).join('') +
    '<th>support</th><th>attack</th><th>reviewed</th><th>outputs</th></tr></thead>\n' +
    `<tbody>\n${rows}\n</tbody>\n</table>\n</body>\n</html>\n`
  )
}
