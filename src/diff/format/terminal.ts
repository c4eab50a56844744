import type { ArgumentDiff, DirectoryDiff, RelationChange, UnitChange, WordPart } from '../types.js'
import { changedRelations, conclusionLine, indexDiff, movedParagraph, place, snippet, summaryLine, unitFacts, unitMark, unitText, type DiffIndex } from './common.js'

/**
 * The readable report: headlines first, then the summary, moved paragraphs,
 * changed units (reworded ones as a word diff) and relation changes.
 * Coloured with ANSI escapes when `color` is set; otherwise plain text, with
 * word changes marked `[-deleted-]{+inserted+}` as in `git diff --word-diff`.
 */

export interface TerminalOptions {
  color?: boolean
}

type Paint = (style: keyof typeof STYLES, s: string) => string
const STYLES = {
  bold: ['\x1b[1m', '\x1b[22m'],
  dim: ['\x1b[2m', '\x1b[22m'],
  red: ['\x1b[31m', '\x1b[39m'],
  green: ['\x1b[32m', '\x1b[39m'],
  yellow: ['\x1b[33m', '\x1b[39m'],
  cyan: ['\x1b[36m', '\x1b[39m'],
  magenta: ['\x1b[35m', '\x1b[39m'],
  del: ['\x1b[31;9m', '\x1b[39;29m'],
  ins: ['\x1b[32;4m', '\x1b[39;24m'],
} as const

function painter(color: boolean): Paint {
  return color ? (style, s) => `${STYLES[style][0]}${s}${STYLES[style][1]}` : (_style, s) => s
}

export function formatTerminal(diff: ArgumentDiff, opts: TerminalOptions = {}): string {
  const color = opts.color ?? false
  return lines(diff, painter(color), color).join('\n') + '\n'
}

function lines(diff: ArgumentDiff, paint: Paint, color: boolean): string[] {
  const index = indexDiff(diff)
  const out: string[] = []
  out.push(paint('bold', `argmap diff ${diff.old.path} → ${diff.new.path}`))
  out.push(diff.same ? paint('green', 'Argument structure unchanged.') : paint('yellow', 'Argument structure differs.'))
  out.push('', paint('bold', 'Headlines'), ...headlineLines(diff, index, paint))
  out.push('', `Summary: ${summaryLine(diff)}`)
  if (diff.paragraphs.moved.length) {
    out.push('', paint('bold', 'Paragraphs moved'))
    for (const m of diff.paragraphs.moved) {
      const at = movedParagraph(diff, m.from)
      const where = at ? `old line ${at.old} → line ${at.new}` : `block ${m.from + 1} → ${m.to + 1}`
      out.push(`  ${paint('cyan', '>')} ${where} (${m.units} unit${m.units === 1 ? '' : 's'})`)
      if (at) out.push(`      ${snippet(at.text, 100)}`)
    }
  }
  if (index.changed.length) {
    out.push('', paint('bold', 'Units'))
    for (const c of index.changed) out.push(...unitLines(c, index, paint, color))
  }
  if (changedRelations(diff).length) {
    out.push('', paint('bold', 'Relations'), ...relationLines(changedRelations(diff), index, paint))
  }
  return out
}

function headlineLines(diff: ArgumentDiff, index: DiffIndex, paint: Paint): string[] {
  const h = diff.headlines
  const out: string[] = []
  const c = h.conclusion
  const quote = (s: string, max = 100): string => `"${snippet(s, max)}"`
  const conclusion = conclusionLine(diff)
  out.push(`  ${c.status === 'changed' || c.status === 'removed' ? paint('red', conclusion) : conclusion}`)
  if (c.status === 'same') for (const id of c.new) out.push(`    ${quote(unitText(index, id, 'new'), 400)}`)
  else {
    for (const id of c.old) out.push(`    ${paint('red', 'was:')} ${quote(unitText(index, id, 'old'), 400)}`)
    for (const id of c.new) out.push(`    ${paint('green', 'now:')} ${quote(unitText(index, id, 'new'), 400)}`)
  }
  for (const id of h.lostSupport) out.push(`  ${paint('red', 'Lost all support:')} ${quote(unitText(index, id, 'new'))}`)
  for (const r of h.newAttacksOnConclusion) out.push(`  ${paint('red', 'New attack on the conclusion:')} ${quote(unitText(index, r.from, 'new'))}`)
  for (const d of h.dangling) {
    out.push(`  ${paint('red', 'Left dangling:')} ${quote(unitText(index, d.id, 'new'))}`)
    out.push(`    (it answered ${quote(unitText(index, d.formerTarget, 'old'))}, which was removed)`)
  }
  if (!h.lostSupport.length && !h.newAttacksOnConclusion.length && !h.dangling.length) {
    out.push('  No claim lost its support, no new attack on the conclusion, nothing left dangling.')
  }
  return out
}

const MARK_STYLE = { '+': 'green', '-': 'red', '~': 'yellow', '>': 'cyan', '!': 'magenta', '?': 'dim' } as const

function unitLines(c: UnitChange, index: DiffIndex, paint: Paint, color: boolean): string[] {
  const ref = c.new ?? c.old!
  const mark = unitMark(c) as keyof typeof MARK_STYLE
  const head = `  ${paint(MARK_STYLE[mark], mark)} ${place(c).padEnd(13)} ${ref.role.padEnd(10)} ${unitFacts(c, index.movedBlocks).join(' · ')}`
  const body = c.words ? words(c.words, paint, color) : snippet(ref.text, 160)
  return [head, `      ${c.status === 'removed' ? paint('red', body) : body}`]
}

/** Word diff: coloured (struck red / underlined green), or marked `[-…-]{+…+}` like `git diff --word-diff=plain`. */
function words(parts: readonly WordPart[], paint: Paint, color: boolean): string {
  const del = (s: string): string => (color ? paint('del', s) : `[-${s}-]`)
  const ins = (s: string): string => (color ? paint('ins', s) : `{+${s}+}`)
  return parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? del(p.text) : ins(p.text))).join('')
}

/** One line per change; retargets that share their old and new target are grouped (a replaced unit). */
function relationLines(changes: readonly RelationChange[], index: DiffIndex, paint: Paint): string[] {
  const groups = new Map<string, RelationChange[]>()
  for (const r of changes) {
    if (r.status !== 'retargeted') continue
    const k = `${r.old!.to}\u0000${r.new!.to}`
    groups.set(k, [...(groups.get(k) ?? []), r])
  }
  const out: string[] = []
  const done = new Set<string>()
  for (const r of changes) {
    const k = r.status === 'retargeted' ? `${r.old!.to}\u0000${r.new!.to}` : ''
    const group = k ? groups.get(k)! : []
    if (group.length < 2) {
      out.push(`  ${relationLine(r, index, paint)}`)
      continue
    }
    if (done.has(k)) continue
    done.add(k)
    const q = (id: string, side: 'old' | 'new'): string => `"${snippet(unitText(index, id, side), 60)}"`
    out.push(`  ${paint('yellow', '↷')} ${group.length} relations moved from ${q(r.old!.to, 'old')} to ${q(r.new!.to, 'new')}:`)
    for (const g of group) {
      const type = g.old!.type === g.new!.type ? g.new!.type : `${g.old!.type} → ${g.new!.type}`
      out.push(`      ${type} from ${q(g.new!.from, 'new')}`)
    }
  }
  return out
}

function relationLine(r: RelationChange, index: DiffIndex, paint: Paint): string {
  const q = (id: string, side: 'old' | 'new'): string => `"${snippet(unitText(index, id, side), 60)}"`
  switch (r.status) {
    case 'added':
      return `${paint('green', '+')} ${r.new!.type.padEnd(8)} ${q(r.new!.from, 'new')} → ${q(r.new!.to, 'new')}`
    case 'removed':
      return `${paint('red', '-')} ${r.old!.type.padEnd(8)} ${q(r.old!.from, 'old')} → ${q(r.old!.to, 'old')}`
    case 'flipped':
      return `${paint('yellow', '±')} ${`${r.old!.type} → ${r.new!.type}`}: ${q(r.new!.from, 'new')} → ${q(r.new!.to, 'new')}`
    case 'unchanged':
      return `  ${r.new!.type.padEnd(8)} ${q(r.new!.from, 'new')} → ${q(r.new!.to, 'new')}`
    case 'retargeted':
      return (
        `${paint('yellow', '↷')} ${q(r.new!.from, 'new')} ${r.old!.type}ed ${q(r.old!.to, 'old')}, ` +
        `now ${r.new!.type}s ${q(r.new!.to, 'new')}`
      )
  }
}

/** Directory pair: a file table, then each changed file's report. */
export function formatTerminalDir(diff: DirectoryDiff, opts: TerminalOptions = {}): string {
  const color = opts.color ?? false
  const paint = painter(color)
  const out: string[] = [paint('bold', `argmap diff ${diff.old} → ${diff.new}`)]
  out.push(diff.same ? paint('green', 'Argument structure unchanged in every file.') : paint('yellow', 'Argument structure differs.'))
  out.push('')
  for (const f of diff.files) {
    const name = f.status === 'renamed' ? `${f.old} → ${f.new}` : (f.new ?? f.old)!
    const extra = f.status === 'renamed' ? ` (${Math.round((f.similarity ?? 0) * 100)}% of units matched)` : ''
    out.push(`  ${f.status.padEnd(8)} ${name}${extra}`)
  }
  for (const f of diff.files) {
    if (!f.diff || (f.status === 'same' && f.diff.same)) continue
    out.push('', paint('dim', '─'.repeat(60)), ...lines(f.diff, paint, color))
  }
  return out.join('\n') + '\n'
}
