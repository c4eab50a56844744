import { annotate } from '../emit/annotated.js'
import { jsonPieces } from '../emit/json.js'
import { PAGE_SCRIPT_FILE } from '../html/client.js'
import { renderPagePieces } from '../html/page.js'
import type { ArgumentMap, RelationType, Role } from '../model/types.js'
import { parseMarkdown } from '../parse/index.js'
import { analyze } from '../pipeline.js'
import { type LoadedSidecar, reviewMap } from '../review/run-hooks.js'
import type { SourceFile } from '../io/files.js'

/** What one document contributes to a corpus run: its outputs (relative to the out dir) and a summary row. */
export interface DocumentResult {
  name: string
  path: string
  /**
   * Its outputs, each rendered when asked for (src/engine/write.ts writes them one at a time, so a large
   * document's JSON, annotated markdown and page are never all held at once: the op-ed ×1000's are 46, 32 and
   * 38 MB, and with their UTF-8 copies a run held over 1 GB at its peak).
   */
  outputs: Output[]
  summary: DocumentSummary
  warnings: string[]
  /** Review corrections that could not be applied (malformed entries, unknown ids): the run exits 1, as `review status` does. */
  invalidCorrections: number
}

/** One output file, relative to the out dir: its text, or a function that renders it (whole or in pieces) when it is written. */
export interface Output {
  file: string
  content: string | (() => string | Iterable<string>)
  /** Render it ahead of the write and hold it until `content` takes it (see heldUntilTaken). */
  peek?: () => string
}

/**
 * The annotated markdown is needed first to see whether the file on disk holds a reviewer's unaccepted edits
 * (src/engine/write.ts), then to be written: rendered once, and let go once written.
 */
function heldUntilTaken(file: string, render: () => string): Output {
  let held: string | null = null
  return {
    file,
    content: () => {
      const text = held ?? render()
      held = null
      return text
    },
    peek: () => (held ??= render()),
  }
}

export interface DocumentSummary {
  name: string
  path: string
  sha256: string
  title: string | null
  conclusion: { id: string; text: string } | null
  units: Record<Role, number>
  relations: Record<RelationType, number>
  reviewed: number
}

export function summarize(name: string, map: ArgumentMap): DocumentSummary {
  const units: Record<Role, number> = { conclusion: 0, claim: 0, premise: 0, none: 0 }
  for (const u of map.units) units[u.role]++
  // `restates` is counted only where a map has one, so older summaries keep their shape.
  const relations = { support: 0, attack: 0 } as Record<RelationType, number>
  for (const r of map.relations) relations[r.type] = (relations[r.type] ?? 0) + 1
  const c = map.units.find((u) => u.role === 'conclusion')
  return {
    name,
    path: map.source.path,
    sha256: map.source.sha256,
    title: map.source.title,
    conclusion: c ? { id: c.id, text: c.text } : null,
    units,
    relations,
    reviewed: map.units.filter((u) => u.reviewed).length,
  }
}

/** The files one document writes, relative to the out dir (the order processDocument returns them in). */
export function outputFiles(name: string): string[] {
  return [`${name}.argmap.json`, `${name}.annotated.md`, `${name}.html`]
}

/** The corpus page from a document's page: `index.html` beside it, `../index.html` from a subfolder. */
function indexHref(name: string): string {
  return `${'../'.repeat(name.split('/').length - 1)}index.html`
}

/** Map one source and render its outputs. Pure: no file system, so it can run in a worker. */
export function processDocument(file: SourceFile & { review?: LoadedSidecar | null }, name: string): DocumentResult {
  const warnings: string[] = []
  if (!file.text.trim()) warnings.push(`${file.path}: empty document (no prose); wrote an empty map`)
  // One parse serves the map and annotate's verification (src/emit/scope.ts).
  const parsed = parseMarkdown(file.text)
  const machine = analyze(file.text, { path: file.path, sha256: file.sha256 }, parsed)
  const { map, messages, result } = reviewMap(machine, file.text, file.review ?? null)
  warnings.push(...messages)
  const [json, annotated, html] = outputFiles(name) as [string, string, string]
  return {
    name,
    path: file.path,
    outputs: [
      { file: json, content: () => jsonPieces(map) },
      heldUntilTaken(annotated, () => annotate(file.text, map, parsed)),
      {
        file: html,
        content: () => renderPagePieces(file.text, map, { notes: messages, parsed, indexHref: indexHref(name), scriptHref: `${'../'.repeat(name.split('/').length - 1)}${PAGE_SCRIPT_FILE}` }),
      },
    ],
    summary: summarize(name, map),
    warnings,
    invalidCorrections: result?.invalid.length ?? 0,
  }
}
