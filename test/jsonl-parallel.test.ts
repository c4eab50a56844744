// The many-machines path (issue 18): a JSONL corpus split by GNU parallel over two jobs, each an
// `argmap run --jsonl` process, gives byte for byte what one `argmap run --jsonl` gives. Runs the built binary.
import { execFileSync, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { hasParallel, quick } from './env.js'
import { opEdPath, repoRoot } from './helpers.js'

const bin = join(repoRoot, 'dist/cli/bin.js')
const corpusFiles = (dir: string, n: number) =>
  readdirSync(join(repoRoot, 'corpus', dir))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .slice(0, n)
    .map((f) => join(repoRoot, 'corpus', dir, f))

describe.skipIf(!hasParallel || quick)('JSONL through GNU parallel --pipe', { timeout: 60_000 }, () => {
  it('two jobs give the bytes of one run, in order', () => {
    const files = [opEdPath, ...corpusFiles('federalist', 6), ...corpusFiles('rust-rfcs', 6)]
    const input = files.map((f, i) => JSON.stringify({ id: `${i}-${f.slice(repoRoot.length + 1)}`, text: readFileSync(f, 'utf8') })).join('\n') + '\n'
    const one = execFileSync(process.execPath, [bin, 'run', '--jsonl', '--jobs', '1'], { input, maxBuffer: 1 << 28 })
    // -N 3 gives each job three lines at a time (--pipe cuts at newlines only), --keep-order
    // writes the chunks' answers in input order, -j2 runs two argmap processes at once.
    const two = spawnSync(
      'parallel',
      ['--pipe', '--keep-order', '-j2', '-N', '3', process.execPath, bin, 'run', '--jsonl', '--jobs', '1'],
      { input, maxBuffer: 1 << 28 },
    )
    expect(two.stderr.toString()).toBe('')
    expect(two.status).toBe(0)
    const lines = one.toString().split('\n')
    expect(lines.length - 1).toBe(files.length)
    expect(lines.slice(0, -1).map((l) => (JSON.parse(l) as { source: { path: string } }).source.path)).toEqual(
      files.map((f, i) => `${i}-${f.slice(repoRoot.length + 1)}`),
    )
    expect(two.stdout.equals(one)).toBe(true)
  })
})
