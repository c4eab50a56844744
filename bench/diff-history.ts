/**
 * `npm run diff-history`: `argmap diff` on real edits. Every pair of consecutive revisions of the RFC
 * histories in test/fixtures/rfc-history/ is mapped and diffed (the library's `analyze` and `diffMaps`, as
 * `argmap diff OLD NEW` does), and each diff is set against what the author's commit message says the edit
 * meant to do:
 *
 * - an edit that should not change the argument (a typo, spelling, grammar, formatting, heading levels, a stray
 *   character, a redundant word: `NO_MEANING`) should report no change of role and no change of relation;
 * - any other edit should report what the message names (`expectation`): added units for "add / include /
 *   expand / call out …", removed ones for "remove / drop", moved ones for "move / re-order / break up",
 *   reworded, added, removed or moved ones for "clarify / rewrite / update / be more explicit …". A rough check.
 *
 *   node dist-bench/bench/diff-history.js [DIR] [--pairs] [--json]
 *
 * prints the summary tables (markdown), `--pairs` a line per pair, `--json` everything as JSON.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { diffMaps } from '../src/diff/diff.js'
import type { ArgumentDiff } from '../src/diff/types.js'
import type { ArgumentMap } from '../src/model/types.js'
import { analyze } from '../src/pipeline.js'

/** Commit messages of edits that should leave the argument as it was. */
export const NO_MEANING = /\b(?:typos?|spelling|grammar|formatting|heading levels?|stray|redundant word)\b/i

export type Expectation = 'none' | 'added' | 'removed' | 'moved' | 'changed' | 'unknown'

const RULES: Array<[RegExp, Expectation]> = [
  [/\b(?:move|re-?order|break up|group|pull out|isolate)\b/i, 'moved'],
  [/\b(?:remove|drop|don'?t mention|dont mention)\b/i, 'removed'],
  [/\b(?:add|include|expand|call out|document|cover|note|highlight|list out|bring up|discuss|talk|step through|link|mention|more)\b/i, 'added'],
  [
    /\b(?:clarif\w*|rewrite|revamp|update|adjust|correct|resolve|explicit|precise|specific|consistent|replace|switch|shift|focus|loosen|rename|use|make|pluraliz\w*|apply|edit|fix|tie|be clear|have|ensure)\b/i,
    'changed',
  ],
]

/** What the message says the edit does, for the rough automatic check. */
export function expectation(message: string): Expectation {
  if (NO_MEANING.test(message)) return 'none'
  for (const [re, kind] of RULES) if (re.test(message)) return kind
  return 'unknown'
}

export interface Revision {
  n: string
  commit: string
  date: string
  path: string
  message: string
  file: string
}

export function readHistory(dir: string): Revision[] {
  return readFileSync(join(dir, 'log.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [n, commit, date, path, ...rest] = l.split('\t') as [string, string, string, string, ...string[]]
      return { n, commit, date, path, message: rest.join('\t'), file: join(dir, `${n}-${commit}.md`) }
    })
}

export interface PairReport {
  rfc: string
  from: string
  to: string
  message: string
  expect: Expectation
  /** The source bytes differ. */
  textChanged: boolean
  /** Some unit was reworded, added, removed or moved (an edit to code blocks, link targets or markup alone changes none). */
  proseChanged: boolean
  /** `headlines.conclusion.status`. */
  conclusion: string
  units: { reworded: number; added: number; removed: number; moved: number }
  /** Aligned units whose role changed: all, and those whose text is identical in both versions. */
  roleChanged: number
  roleChangedIdentical: number
  /** Relation changes: all, and those between units that are in both versions (no end added or removed). */
  relationChanges: number
  relationChangesBetweenKept: number
  /** The diff reports what the message says (see `expectation`); null for no-meaning and unknown messages. */
  matches: boolean | null
  diff: ArgumentDiff
}

/** Summarise one diff against its commit message. */
export function judge(rfc: string, from: Revision, to: Revision, oldText: string, newText: string, diff: ArgumentDiff): PairReport {
  const added = new Set<string>()
  const removed = new Set<string>()
  let roleChangedIdentical = 0
  for (const u of diff.units) {
    if (u.status === 'added') added.add(u.new!.id)
    if (u.status === 'removed') removed.add(u.old!.id)
    if (u.role && u.status === 'unchanged' && u.old!.text === u.new!.text) roleChangedIdentical++
  }
  let relationChanges = 0
  let relationChangesBetweenKept = 0
  for (const r of diff.relations) {
    if (r.status === 'unchanged') continue
    relationChanges++
    const touches = (r.old !== null && (removed.has(r.old.from) || removed.has(r.old.to))) || (r.new !== null && (added.has(r.new.from) || added.has(r.new.to)))
    if (!touches) relationChangesBetweenKept++
  }
  const s = diff.summary
  const units = { reworded: s.reworded, added: s.added, removed: s.removed, moved: s.moved }
  const kind = expectation(to.message)
  const matches =
    kind === 'none' || kind === 'unknown'
      ? null
      : kind === 'added'
        ? s.added > 0 || s.reworded > 0
        : kind === 'removed'
          ? s.removed > 0 || s.reworded > 0
          : kind === 'moved'
            ? s.moved > 0 || diff.paragraphs.moved.length > 0
            : s.reworded + s.added + s.removed + s.moved > 0
  return {
    rfc,
    from: `${from.n}-${from.commit}`,
    to: `${to.n}-${to.commit}`,
    message: to.message,
    expect: kind,
    textChanged: oldText !== newText,
    proseChanged: diff.units.some((u) => u.status !== 'unchanged' || u.moved !== undefined),
    conclusion: diff.headlines.conclusion.status,
    units,
    roleChanged: s.roleChanged,
    roleChangedIdentical,
    relationChanges,
    relationChangesBetweenKept,
    matches,
    diff,
  }
}

/** Every consecutive pair of every history under `root` (one folder per RFC, with log.tsv). */
export function measure(root: string): PairReport[] {
  const reports: PairReport[] = []
  for (const rfc of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const revisions = readHistory(join(root, rfc))
    let prev: { rev: Revision; text: string; map: ArgumentMap } | null = null
    for (const rev of revisions) {
      const text = readFileSync(rev.file, 'utf8')
      const map = analyze(text, { path: `${rfc}/${rev.n}-${rev.commit}.md` })
      if (prev) reports.push(judge(rfc, prev.rev, rev, prev.text, text, diffMaps(prev.map, map)))
      prev = { rev, text, map }
    }
  }
  return reports
}

const pct = (a: number, b: number): string => (b ? `${a} (${Math.round((100 * a) / b)}%)` : '0')

/** The README tables. */
export function tables(reports: readonly PairReport[]): string {
  const noMeaning = reports.filter((r) => r.expect === 'none')
  const rest = reports.filter((r) => r.expect !== 'none')
  const kept = (r: PairReport) => r.roleChangedIdentical > 0 || r.relationChangesBetweenKept > 0
  const concl = (r: PairReport) => r.conclusion === 'changed' || r.conclusion === 'added' || r.conclusion === 'removed'
  const count = (rs: readonly PairReport[], f: (r: PairReport) => boolean) => pct(rs.filter(f).length, rs.length)
  const heading = noMeaning.filter((r) => /heading level/i.test(r.message))
  const small = noMeaning.filter((r) => !/heading level/i.test(r.message))
  const row = (label: string, rs: readonly PairReport[]) =>
    [
      label,
      rs.length,
      count(rs, (r) => r.diff.same),
      count(rs, (r) => !r.diff.same && r.units.added + r.units.removed + r.units.moved + r.roleChanged + r.relationChanges === 0),
      count(rs, (r) => r.units.added + r.units.removed > 0),
      count(rs, (r) => r.roleChanged > 0),
      count(rs, (r) => r.relationChanges > 0),
      count(rs, concl),
    ].join(' | ')
  const lines = [
    `**Edits that should not change the argument**: ${noMeaning.length} of the ${reports.length} pairs (commit message matches \`${NO_MEANING.source}\`).`,
    '',
    '| edits | pairs | no change at all | rewordings only | units added or removed | any role change | any relation change | conclusion changed |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${row('typo, spelling, grammar, formatting, stray character, redundant word', small)} |`,
    `| ${row('heading levels', heading)} |`,
    `| ${row('all', noMeaning)} |`,
    '',
    `**Other edits** (${rest.length} pairs): does the diff report what the message names? An edit to code blocks, link targets or markup alone changes no sentence a reader reads, and then "no change" is the right report.`,
    '',
    '| message says | pairs | no sentence changed | diff reports it (of the rest) | conclusion changed | role or relation change on units in both versions |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  ]
  const kinds: Array<[Expectation, string]> = [
    ['added', 'add, include, expand, call out, note, …: units added (or reworded)'],
    ['removed', 'remove, drop: units removed (or reworded)'],
    ['moved', 'move, re-order, break up, group: units moved'],
    ['changed', 'clarify, rewrite, update, be more explicit, …: units reworded, added, removed or moved'],
    ['unknown', 'other (first drafts, a new section): no rule'],
  ]
  const judgedRow = (label: string, rs: readonly PairReport[], judge: boolean) => {
    const prose = rs.filter((r) => r.proseChanged)
    const hit = judge ? pct(prose.filter((r) => r.matches).length, prose.length) : '–'
    return `| ${label} | ${rs.length} | ${rs.length - prose.length} | ${hit} | ${count(rs, concl)} | ${count(rs, kept)} |`
  }
  for (const [kind, label] of kinds) {
    const rs = rest.filter((r) => r.expect === kind)
    if (rs.length) lines.push(judgedRow(label, rs, kind !== 'unknown'))
  }
  lines.push(judgedRow('all with a rule', rest.filter((r) => r.matches !== null), true))
  lines.push(
    '',
    '"Units in both versions": a role change on a sentence whose text is the same in both versions, or a relation change neither of whose ends was added or removed: a change the edit did not make.',
  )
  return lines.join('\n')
}

export function pairLine(r: PairReport): string {
  const u = r.units
  const flags = `${u.reworded}~ ${u.added}+ ${u.removed}- ${u.moved}↷ roles ${r.roleChanged} (${r.roleChangedIdentical} identical) rel ${r.relationChanges} (${r.relationChangesBetweenKept} kept) conclusion ${r.conclusion}`
  const verdict = r.matches === null ? '' : r.matches ? ' ok' : ' MISS'
  return `${r.rfc} ${r.to} [${r.expect}${verdict}] ${flags}${r.proseChanged ? '' : ' (no sentence changed)'}  ${r.message}`
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const root = resolve(args.find((a) => !a.startsWith('--')) ?? join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/rfc-history'))
  const reports = measure(root)
  if (args.includes('--json')) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`)
  else {
    if (args.includes('--pairs')) process.stdout.write(`${reports.map(pairLine).join('\n')}\n\n`)
    process.stdout.write(`${tables(reports)}\n`)
  }
}
