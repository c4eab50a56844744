import Ajv from 'ajv'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffCommand, type DiffArgs } from '../src/cli/commands/diff.js'
import { diffSchema, dirDiffSchema } from '../src/diff/schema.js'
import type { ArgumentDiff, DirectoryDiff } from '../src/diff/types.js'

/**
 * Fixture pairs built from the op-ed by editing it as an editor would. Each
 * case has a golden plain-text report (expected.txt; missing goldens are
 * written, UPDATE=1 rewrites them: the tagger is still being tuned, so the
 * reports move with it) and direct assertions of the facts that must hold
 * whatever the tagger decides.
 */

const FIXTURES = resolve(import.meta.dirname, 'fixtures/diff')
const ajv = new Ajv({ allErrors: true, strict: true })
ajv.addSchema(diffSchema)
const validateDiff = ajv.getSchema(diffSchema.$id)!
const validateDir = ajv.compile(dirDiffSchema)

interface Run {
  code: number
  out: string
  err: string
}

export async function run(args: DiffArgs, cwd: string): Promise<Run> {
  let out = ''
  let err = ''
  const code = await diffCommand(args, {
    cwd,
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    isTTY: false,
  })
  return { code, out, err }
}

function golden(file: string, actual: string): void {
  if (process.env.UPDATE || !existsSync(file)) writeFileSync(file, actual)
  expect(actual).toBe(readFileSync(file, 'utf8'))
}

async function fixture(name: string, opts: Partial<DiffArgs> = {}): Promise<{ report: Run; diff: ArgumentDiff; code: number }> {
  const cwd = join(FIXTURES, name)
  const args = { old: 'old.md', new: 'new.md', ...opts }
  const report = await run({ ...args, format: 'terminal' }, cwd)
  const json = await run({ ...args, format: 'json' }, cwd)
  expect(json.err).toBe('')
  const diff = JSON.parse(json.out) as ArgumentDiff
  expect(validateDiff(diff), JSON.stringify(validateDiff.errors)).toBe(true)
  expect(report.code).toBe(diff.same ? 0 : 1)
  expect(json.code).toBe(report.code)
  if (!opts.ignoreRewording) golden(join(cwd, 'expected.txt'), report.out)
  return { report, diff, code: report.code }
}

const changedRelations = (d: ArgumentDiff) => d.relations.filter((r) => r.status !== 'unchanged')

describe('argmap diff on edited copies of the op-ed', () => {
  it('identical files: same, exit 0, every unit unchanged', async () => {
    const { diff, code } = await fixture('identical')
    expect(code).toBe(0)
    expect(diff.same).toBe(true)
    expect(diff.units.every((c) => c.status === 'unchanged' && !c.moved && !c.role)).toBe(true)
    expect(changedRelations(diff)).toEqual([])
    expect(diff.headlines.conclusion.status).toBe('same')
  })

  it('a reflowed paragraph and added emphasis are no change', async () => {
    const { diff, code } = await fixture('formatting')
    expect(code).toBe(0)
    expect(diff.summary).toMatchObject({ reworded: 0, added: 0, removed: 0, moved: 0, roleChanged: 0 })
  })

  it('one sentence reworded: one reworded unit with its word diff, no structure change', async () => {
    const { diff, code } = await fixture('reworded')
    expect(code).toBe(1)
    expect(diff.summary).toMatchObject({ reworded: 1, added: 0, removed: 0, moved: 0 })
    const c = diff.units.find((u) => u.status === 'reworded')!
    expect(c.words!.filter((w) => w.op === 'insert').map((w) => w.text.trim())).toEqual(['with', 'may'])
    expect(c.words!.filter((w) => w.op === 'delete').map((w) => w.text.trim())).toEqual(['on', 'could'])
    const ignoring = await fixture('reworded', { ignoreRewording: true })
    expect(ignoring.code).toBe(0)
    expect(ignoring.diff.same).toBe(true)
    expect(ignoring.report.out).not.toContain('reworded (')
  })

  it('a premise added: one added premise and its relation', async () => {
    const { diff } = await fixture('premise-added')
    expect(diff.summary).toMatchObject({ added: 1, removed: 0, reworded: 0 })
    const added = diff.units.find((u) => u.status === 'added')!
    expect(added.new!.text).toMatch(/^This is because either outcome/)
    expect(added.new!.role).toBe('premise')
    expect(changedRelations(diff).filter((r) => r.status === 'added').map((r) => r.new!.from)).toContain(added.new!.id)
  })

  it('a claim deleted with its premises: four removed units, their relations removed', async () => {
    const { diff } = await fixture('claim-deleted')
    expect(diff.summary).toMatchObject({ removed: 4, added: 0, reworded: 0 })
    const gone = new Set(diff.units.filter((u) => u.status === 'removed').map((u) => u.old!.id))
    expect([...gone].some((id) => id.startsWith('yet-this-has-been-far'))).toBe(true)
    for (const r of diff.relations) if (r.old && (gone.has(r.old.from) || gone.has(r.old.to))) expect(r.status).not.toBe('unchanged')
  })

  it('a paragraph moved: reported as a move, no role change', async () => {
    const { diff } = await fixture('moved')
    expect(diff.summary).toMatchObject({ added: 0, removed: 0, reworded: 0, roleChanged: 0 })
    expect(diff.summary.moved).toBeGreaterThan(0)
    expect(diff.paragraphs.moved).toHaveLength(1)
    expect(diff.units.filter((u) => u.moved).every((u) => u.old!.text !== '' && u.moved!.kind === 'order')).toBe(true)
  })

  it('a premise turned into an attack by adding "However,"', async () => {
    const { diff } = await fixture('however')
    expect(diff.summary).toMatchObject({ reworded: 1, added: 0, removed: 0 })
    const c = diff.units.find((u) => u.status === 'reworded')!
    expect(c.words!.find((w) => w.op === 'insert')!.text).toMatch(/^However, faced/)
    const flip = changedRelations(diff).find((r) => r.new?.from === c.new!.id)!
    expect(flip).toMatchObject({ status: 'flipped', old: { type: 'support' }, new: { type: 'attack' } })
  })

  it('a changed conclusion heads the report', async () => {
    const { diff, report } = await fixture('conclusion-changed')
    // alignment facts, whatever the tagger decides: the last sentence was replaced
    const removed = diff.units.filter((u) => u.status === 'removed').map((u) => u.old!.text)
    const added = diff.units.filter((u) => u.status === 'added').map((u) => u.new!.text)
    expect(removed).toEqual([expect.stringMatching(/^Anxious to assert/)])
    expect(added).toEqual([expect.stringMatching(/^For all its fear of exclusion/)])
    // the headline agrees with the units: the old conclusion is gone, so the conclusion changed
    const oldConclusion = diff.units.find((u) => u.old?.role === 'conclusion')!
    expect(oldConclusion.old!.text).toMatch(/^Anxious to assert/)
    expect(diff.headlines.conclusion.status).toBe('changed')
    const lines = report.out.split('\n')
    expect(lines.indexOf('Headlines')).toBeLessThan(lines.findIndex((l) => l.startsWith('Summary')))
    expect(lines[lines.indexOf('Headlines') + 1]).toContain('Conclusion CHANGED.')
  })

  it('the README example: the op-ed against an edited copy', async () => {
    const { diff } = await fixture('edited')
    expect(diff.summary).toMatchObject({ reworded: 2, added: 1, removed: 1 })
    golden(join(FIXTURES, 'edited/expected.md'), (await run({ old: 'old.md', new: 'new.md', format: 'markdown' }, join(FIXTURES, 'edited'))).out)
  })

  it('directory pair: a renamed file is matched by content and reported as renamed', async () => {
    const cwd = join(FIXTURES, 'renamed')
    const report = await run({ old: 'old', new: 'new' }, cwd)
    expect(report.code).toBe(1)
    golden(join(cwd, 'expected.txt'), report.out)
    const json = await run({ old: 'old', new: 'new', format: 'json' }, cwd)
    const dir = JSON.parse(json.out) as DirectoryDiff
    expect(validateDir(dir), JSON.stringify(validateDir.errors)).toBe(true)
    expect(dir.files.map((f) => [f.status, f.old, f.new])).toEqual([
      ['renamed', 'china-north-korea.md', 'china-and-north-korea.md'],
      ['same', 'summit-notes.md', 'summit-notes.md'],
    ])
    expect(dir.files[0]!.diff!.summary.reworded).toBe(1)
    const quiet = await run({ old: 'old', new: 'new', ignoreRewording: true, quiet: true }, cwd)
    expect(quiet).toEqual({ code: 1, out: '', err: '' }) // a rename is still a change
  })
})
