import type { ArgumentDiff, DirectoryDiff, RelationChange, WordPart } from '../types.js'
import { changedRelations, conclusionLine, indexDiff, movedParagraph, place, snippet, summaryLine, unitFacts, unitText, type DiffIndex } from './common.js'
import { mermaid } from './mermaid.js'

/**
 * Markdown report fit for a pull-request comment: verdict and headlines,
 * tables of unit and relation changes, and a Mermaid graph of the new map.
 */
export function formatMarkdown(diff: ArgumentDiff, opts: { heading?: number } = {}): string {
  const h = '#'.repeat(opts.heading ?? 2)
  const index = indexDiff(diff)
  const out: string[] = []
  out.push(`${h} Argument diff: \`${diff.old.path}\` → \`${diff.new.path}\``, '')
  out.push(diff.same ? '**Argument structure unchanged.**' : '**Argument structure differs.**', '')
  out.push(...headlines(diff, index), '')
  out.push(`<sub>${cell(summaryLine(diff))}</sub>`, '')
  if (diff.paragraphs.moved.length) {
    out.push(`${h}# Paragraphs moved`, '')
    for (const m of diff.paragraphs.moved) {
      const at = movedParagraph(diff, m.from)
      const where = at ? `old line ${at.old} → line ${at.new}` : `block ${m.from + 1} → ${m.to + 1}`
      out.push(`- ${where} (${m.units} units)${at ? `: ${cell(snippet(at.text, 100))}` : ''}`)
    }
    out.push('')
  }
  if (index.changed.length) {
    out.push(`${h}# Units`, '', '| | Line | Role | Change | Text |', '|---|---|---|---|---|')
    for (const c of index.changed) {
      const ref = c.new ?? c.old!
      const mark = c.status === 'added' ? '🟢' : c.status === 'removed' ? '🔴' : '🟡'
      const text = c.words ? words(c.words) : c.status === 'removed' ? `~~${cell(ref.text)}~~` : cell(ref.text)
      out.push(`| ${mark} | ${place(c).replace('line ', '')} | ${ref.role} | ${cell(unitFacts(c, index.movedBlocks).join(', '))} | ${text} |`)
    }
    out.push('')
  }
  if (changedRelations(diff).length) {
    out.push(`${h}# Relations`, '', '| Change | From | Type | To |', '|---|---|---|---|')
    for (const r of changedRelations(diff)) out.push(relationRow(r, index))
    out.push('')
  }
  out.push(`${h}# Map of the new version`, '', '```mermaid', ...mermaid(diff), '```', '')
  out.push('<sub>🟢 added · 🔴 removed (dashed) · 🟡 reworded, moved or role changed · arrows point from a reason to what it supports (✕: attacks)</sub>', '')
  return out.join('\n')
}

function headlines(diff: ArgumentDiff, index: DiffIndex): string[] {
  const h = diff.headlines
  const c = h.conclusion
  const out: string[] = []
  let line = `- **${conclusionLine(diff)}**`
  if (c.status === 'same') line += c.new.map((id) => ` “${cell(snippet(unitText(index, id, 'new'), 400))}”`).join('')
  out.push(line)
  if (c.status !== 'same') {
    for (const id of c.old) out.push(`  - was: ~~${cell(snippet(unitText(index, id, 'old'), 400))}~~`)
    for (const id of c.new) out.push(`  - now: ${cell(snippet(unitText(index, id, 'new'), 400))}`)
  }
  for (const id of h.lostSupport) out.push(`- **Lost all support:** ${cell(snippet(unitText(index, id, 'new'), 140))}`)
  for (const r of h.newAttacksOnConclusion) out.push(`- **New attack on the conclusion:** ${cell(snippet(unitText(index, r.from, 'new'), 140))}`)
  for (const d of h.dangling) {
    out.push(`- **Left dangling:** ${cell(snippet(unitText(index, d.id, 'new'), 140))} (its target was removed)`)
  }
  return out
}

function relationRow(r: RelationChange, index: DiffIndex): string {
  const t = (id: string, side: 'old' | 'new'): string => cell(snippet(unitText(index, id, side), 80))
  switch (r.status) {
    case 'added':
      return `| 🟢 added | ${t(r.new!.from, 'new')} | ${r.new!.type} | ${t(r.new!.to, 'new')} |`
    case 'removed':
      return `| 🔴 removed | ${t(r.old!.from, 'old')} | ${r.old!.type} | ${t(r.old!.to, 'old')} |`
    case 'flipped':
      return `| 🟡 flipped | ${t(r.new!.from, 'new')} | ${r.old!.type} → **${r.new!.type}** | ${t(r.new!.to, 'new')} |`
    case 'unchanged':
      return `| unchanged | ${t(r.new!.from, 'new')} | ${r.new!.type} | ${t(r.new!.to, 'new')} |`
    case 'retargeted':
      return `| 🟡 retargeted | ${t(r.new!.from, 'new')} | ${r.new!.type} | ~~${t(r.old!.to, 'old')}~~ → ${t(r.new!.to, 'new')} |`
  }
}

function words(parts: readonly WordPart[]): string {
  // Again over the whole: an `@` and a name can come in two parts.
  return mentions(
    parts
      .map((p) => {
      const text = cell(p.text)
      if (p.op === 'equal' || !text.trim()) return text
      const lead = text.match(/^\s*/)![0]
      const trail = text.match(/\s*$/)![0]
      const core = text.trim()
      return p.op === 'delete' ? `${lead}~~${core}~~${trail}` : `${lead}**${core}**${trail}`
    })
    .join(''),
  )
}

/** Safe inside a GFM table cell: no pipes, no line breaks, no stray markup. */
function cell(s: string): string {
  return mentions(
    s
      .replace(/\s+/g, ' ')
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/([*_~`<>[\]])/g, '\\$1'),
  )
}

/**
 * `@name` in author text would notify that person (or team) when the report
 * is posted as a pull-request comment: a zero-width space after the sign
 * keeps the text as it reads (what Renovate does).
 */
function mentions(s: string): string {
  return s.replace(/@(?=[\p{L}\p{N}_-])/gu, '@&#8203;')
}

export function formatMarkdownDir(diff: DirectoryDiff): string {
  const out: string[] = [`## Argument diff: \`${diff.old}\` → \`${diff.new}\``, '']
  out.push(diff.same ? '**Argument structure unchanged in every file.**' : '**Argument structure differs.**', '')
  out.push('| File | Status |', '|---|---|')
  for (const f of diff.files) {
    const name = f.status === 'renamed' ? `\`${f.old}\` → \`${f.new}\`` : `\`${f.new ?? f.old}\``
    out.push(`| ${name} | ${f.status}${f.status === 'renamed' ? ` (${Math.round((f.similarity ?? 0) * 100)}% of units matched)` : ''} |`)
  }
  out.push('')
  for (const f of diff.files) {
    if (!f.diff || f.diff.same) continue
    out.push('<details><summary>' + `${f.new ?? f.old}` + '</summary>', '', formatMarkdown(f.diff, { heading: 3 }), '</details>', '')
  }
  return out.join('\n')
}
