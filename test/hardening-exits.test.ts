// Exit codes and escaping (issue 19 item 13): a sidecar entry that cannot apply fails `run` and `run --check`
// as it fails `review status`; `diff --format markdown` does not mention people.
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatMarkdown } from '../src/diff/format/markdown.js'
import { diffMaps } from '../src/index.js'
import { analyze } from '../src/pipeline.js'
import { repoRoot, tempDir } from './helpers.js'

const bin = join(repoRoot, 'dist/cli/bin.js')
const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 })

describe('exit codes', () => {
  it('run and run --check exit 1 when a sidecar entry is malformed, and say which', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'corpus'))
    writeFileSync(join(dir, 'corpus/a.md'), 'We should act now. It is late.\n')
    writeFileSync(
      join(dir, 'corpus/a.review.json'),
      JSON.stringify({ schema: 'argmap-review/1', source: 'a.md', corrections: [{ id: 42, text: 'We should act now.', role: 'claim' }] }),
    )
    const run = cli(['run', 'corpus', '--out', 'out'], dir)
    expect(run.status, run.stderr).toBe(1)
    expect(run.stderr).toMatch(/warning: .*a\.review\.json.*correction 1/)
    const check = cli(['run', 'corpus', '--out', 'out', '--check'], dir)
    expect(check.status).toBe(1)
  })

  it('eval exits 1 when the gold file is missing', () => {
    const r = cli(['eval', '--gold', 'nope.jsonl'], tempDir())
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/no such file/)
  })
})

describe('diff --format markdown', () => {
  it('keeps @mentions in author text from notifying anyone', () => {
    const old = analyze('We should act now, as @alice said. Taxes must rise.\n', { path: 'a.md' })
    const now = analyze('We should act now, as @bob and @org/team said. Taxes must rise because @carol asks.\n', { path: 'a.md' })
    // GitHub finds no mentions in a code block (the Mermaid graph).
    const md = formatMarkdown(diffMaps(old, now)).replace(/```mermaid[\s\S]*?```/, '')
    expect(md).not.toMatch(/@[\p{L}\p{N}_-]/u)
    expect(md).toContain('@&#8203;bob')
  })
})

describe('a reader that goes away', () => {
  it('argmap map | head: exits 0, no stack trace', async () => {
    const { spawn } = await import('node:child_process')
    const dir = tempDir()
    writeFileSync(join(dir, 'big.md'), 'We should act now, because it is late. '.repeat(5000))
    const child = spawn(process.execPath, [bin, 'map', 'big.md'], { cwd: dir })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    // Read the first chunk, then close the pipe, as `head -c 10` does.
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()))
    child.stdout.destroy()
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
    expect(stderr).toBe('')
    expect(code).toBe(0)
  })
})
