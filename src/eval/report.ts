/**
 * Evaluation reports: an aligned plain-text table, markdown, or JSON. argmap and
 * the baselines sit side by side for every figure. Formatting only.
 */
import type { UnitError } from './errors.js'
import type { EvalResult, Prf, SystemName, SystemScores } from './types.js'
import { CONFUSION_COLS, CONFUSION_ROWS, SYSTEMS } from './types.js'

export type ReportFormat = 'table' | 'markdown' | 'json'

export interface ReportOptions {
  format?: ReportFormat
  /** How many worst-handled units to list (0: none). */
  errors?: number
}

type Row = [label: string, pick: (s: SystemScores) => number]

const prfRows = (name: string, get: (s: SystemScores) => Prf): Row[] => [
  [`${name} P`, (s) => get(s).precision],
  [`${name} R`, (s) => get(s).recall],
  [`${name} F1`, (s) => get(s).f1],
]

/** Every figure, in report order. */
export const FIGURES: readonly Row[] = [
  ...prfRows('units', (s) => s.segmentation),
  ...prfRows('conclusion', (s) => s.roles.conclusion),
  ...prfRows('claim', (s) => s.roles.claim),
  ...prfRows('premise', (s) => s.roles.premise),
  ['role macro F1', (s) => s.macroF1],
  ['central-claim accuracy', (s) => s.centralClaim.accuracy],
  ['  explicit conclusions', (s) => s.centralClaim.explicitAccuracy],
  ...prfRows('attachment', (s) => s.attachment),
  ...prfRows('typed attachment', (s) => s.typedAttachment),
]

export const num = (x: number): string => x.toFixed(3)

function summary(r: EvalResult): string {
  const g = r.gold
  return `${g.file}: ${g.documents} documents, ${g.units} gold units (${g.implicitUnits} implicit, ${g.multiSpanUnits} multi-span), ${g.relations} relations`
}

function ceiling(r: EvalResult): string {
  return `Ceiling with argmap's segmentation: central-claim accuracy ${num(r.ceiling.centralClaim)}, relation recall ${num(r.ceiling.relationRecall)}.`
}

function figureCells(r: EvalResult): string[][] {
  return FIGURES.map(([label, pick]) => [label, ...SYSTEMS.map((s) => num(pick(r.systems[s])))])
}

function confusionCells(r: EvalResult, system: SystemName): string[][] {
  const m = r.systems[system].confusion
  return CONFUSION_ROWS.map((row) => [
    row,
    ...CONFUSION_COLS.map((col) => (row === 'unmatched' && col === 'unmatched' ? '-' : String(m[row][col]))),
  ])
}

/** Columns padded to equal width; the first column left-aligned, the rest right-aligned. */
export function aligned(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd())
    .join('\n')
}

const NUMERIC = /^(?:-|[\d.]+)$/

/** A GFM table; columns whose cells are all numbers are right-aligned. */
export function markdownTable(rows: string[][]): string {
  const [head, ...body] = rows
  const line = (r: string[]): string => `| ${r.join(' | ')} |`
  const rule = head!.map((_, i) => (body.length && body.every((r) => NUMERIC.test(r[i]!)) ? ' ---: ' : ' --- '))
  return [line(head!), `|${rule.join('|')}|`, ...body.map(line)].join('\n')
}

function relationText(r: UnitError['goldRelation']): string {
  return r ? `${r.type} → "${r.to}"` : '(none)'
}

function errorLines(errors: readonly UnitError[]): string {
  return errors
    .map((e, i) =>
      [
        `${i + 1}. [${e.severity}] ${e.doc} ${e.start}-${e.end}: gold ${e.goldRole}, argmap ${e.predictedRole} (confidence ${num(e.confidence)})`,
        `   "${e.text}"`,
        `   signals: ${e.signals.length ? e.signals.join(', ') : '(none)'}`,
        `   gold relation: ${relationText(e.goldRelation)}; argmap relation: ${relationText(e.predictedRelation)}`,
      ].join('\n'),
    )
    .join('\n')
}

const escapeCell = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ')

function errorTable(errors: readonly UnitError[]): string {
  const rows = errors.map((e, i) => [
    String(i + 1),
    String(e.severity),
    `${e.doc} ${e.start}-${e.end}`,
    e.goldRole,
    e.predictedRole,
    num(e.confidence),
    escapeCell(e.text),
    escapeCell(e.signals.join(', ')),
    escapeCell(relationText(e.goldRelation)),
    escapeCell(relationText(e.predictedRelation)),
  ])
  const head = ['#', 'severity', 'unit', 'gold', 'argmap', 'confidence', 'text', 'signals', 'gold relation', 'argmap relation']
  return markdownTable([head, ...rows])
}

export const round4 = (x: number): number => Math.round(x * 1e4) / 1e4

/** Render an evaluation result. */
export function formatReport(result: EvalResult, options: ReportOptions = {}): string {
  const format = options.format ?? 'table'
  const errors = result.errors.slice(0, Math.max(0, options.errors ?? 0))
  if (format === 'json') {
    const out: Record<string, unknown> = { gold: result.gold, ceiling: result.ceiling, systems: result.systems }
    if (options.errors) out.errors = errors
    return `${JSON.stringify(out, (_k, v: unknown) => (typeof v === 'number' ? round4(v) : v), 2)}\n`
  }
  const head = ['figure', ...SYSTEMS]
  const confusionHead = (s: SystemName) => [`gold / ${s}`, ...CONFUSION_COLS]
  const parts: string[] = []
  if (format === 'markdown') {
    parts.push(`**${summary(result)}**`, markdownTable([head, ...figureCells(result)]), ceiling(result))
    parts.push('Role confusion (rows: gold role; columns: predicted role; unmatched = no aligned unit):')
    for (const s of SYSTEMS) parts.push(markdownTable([confusionHead(s), ...confusionCells(result, s)]))
    if (errors.length) parts.push(`Worst-handled units (argmap, ${errors.length} of ${result.errors.length}):`, errorTable(errors))
  } else {
    parts.push(summary(result), aligned([head, ...figureCells(result)]), ceiling(result))
    parts.push('Role confusion (rows: gold role; columns: predicted role; unmatched = no aligned unit)')
    for (const s of SYSTEMS) parts.push(aligned([confusionHead(s), ...confusionCells(result, s)]))
    if (errors.length) parts.push(`Worst-handled units (argmap, ${errors.length} of ${result.errors.length})`, errorLines(errors))
  }
  return `${parts.join('\n\n')}\n`
}

