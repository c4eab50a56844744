import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { opEdPath, repoRoot, tempDir } from './helpers.js'

/** Issue 16 #7: a reader that closes the pipe early (`| head -2`) ends the command quietly, not with an EPIPE stack trace. */
function firstChunkThenClose(args: string[], cwd: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(repoRoot, 'dist/cli/bin.js'), ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    child.stdout.once('data', () => child.stdout.destroy())
    child.on('close', (code) => done({ code, stderr }))
  })
}

describe('a closed pipe', () => {
  it('review status | head and diff | head stop quietly', async () => {
    const dir = tempDir('argmap-epipe-')
    mkdirSync(join(dir, 'c'))
    for (let i = 0; i < 4; i++) copyFileSync(opEdPath, join(dir, `c/d${i}.md`))
    const status = await firstChunkThenClose(['review', 'status', 'c'], dir)
    expect(status.stderr).not.toMatch(/EPIPE|Error/)
    expect(status.code).toBe(0)
    const diff = await firstChunkThenClose(['diff', 'c/d0.md', 'c/d1.md', '--format', 'json'], dir)
    expect(diff.stderr).not.toMatch(/EPIPE|Error/)
  })
})

describe('review status options (issue 19 #13)', () => {
  it('-n takes a whole number only: `-n abc` is a usage error (exit 2)', async () => {
    const { spawnSync } = await import('node:child_process')
    const r = spawnSync(process.execPath, [join(repoRoot, 'dist/cli/bin.js'), 'review', 'status', opEdPath, '-n', 'abc'], { encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('invalid count "abc"')
  })
})
