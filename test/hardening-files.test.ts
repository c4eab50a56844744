// Files a corpus run meets (issue 19 items 7, 9, 10, 11, 12): index.md, FIFOs, subfolders, long names and
// the temp files of a killed run.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCorpus } from '../src/engine/run.js'
import { repoRoot, tempDir } from './helpers.js'

const bin = join(repoRoot, 'dist/cli/bin.js')
const cli = (args: string[], cwd: string) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 })
const run = (cwd: string, paths = ['corpus'], check = false) => runCorpus({ paths, cwd, out: 'out', check })

function corpus(files: Record<string, string>): string {
  const dir = tempDir()
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'corpus', name, '..'), { recursive: true })
    writeFileSync(join(dir, 'corpus', name), text)
  }
  return dir
}

describe('corpus files', () => {
  it('7: a document named index.md does not lose its page to the corpus page, and --check passes after a run', () => {
    const dir = corpus({ 'index.md': 'We should act now. It is late.\n', 'other.md': 'Taxes should rise.\n' })
    const result = run(dir)
    expect(result.errors).toEqual([])
    expect(result.documents.map((d) => d.name)).toEqual(['index-2', 'other'])
    expect(readFileSync(join(dir, 'out/index-2.html'), 'utf8')).toContain('We should act now.')
    expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).toContain('href="index-2.html"')
    expect(run(dir, ['corpus'], true).stale).toEqual([])
    expect(cli(['run', 'corpus', '--out', 'out', '--check'], dir).status).toBe(0)
  })

  it('9: a FIFO named *.md is skipped with a warning; the run does not hang', () => {
    const dir = corpus({ 'a.md': 'We should act now.\n' })
    expect(spawnSync('mkfifo', [join(dir, 'corpus/pipe.md')]).status).toBe(0)
    const r = cli(['run', 'corpus', '--out', 'out'], dir)
    expect(r.status, r.stderr).toBe(0)
    expect(r.stderr).toContain('warning: corpus/pipe.md: a FIFO, not a regular file; skipped')
    expect(existsSync(join(dir, 'out/pipe.html'))).toBe(false)
  })

  it('10: links to a document in a subfolder keep the slash; its page links back to ../index.html', () => {
    const dir = corpus({ 'sub/inner.md': 'We should act now.\n' })
    run(dir)
    const index = readFileSync(join(dir, 'out/index.html'), 'utf8')
    expect(index).toContain('href="sub/inner.html"')
    expect(index).not.toContain('%2F')
    expect(readFileSync(join(dir, 'out/sub/inner.html'), 'utf8')).toContain('href="../index.html"')
  })

  it('11: a 250-byte file name maps (outputs take a shortened name with a hash); 230 bytes keep their name', () => {
    const long = `${'a'.repeat(247)}.md`
    const mid = `${'é'.repeat(115)}.md`
    const dir = corpus({ [long]: 'We should act now.\n', [mid]: 'Taxes should rise.\n' })
    const result = run(dir)
    expect(result.errors).toEqual([])
    const names = result.documents.map((d) => d.name)
    expect(names).toContain('é'.repeat(115))
    const short = names.find((n) => n.startsWith('aaa'))!
    expect(short).toMatch(/^a+-[0-9a-f]{8}$/)
    expect(Buffer.byteLength(`${short}.annotated.md`)).toBeLessThanOrEqual(255)
    expect(existsSync(join(dir, 'out', `${short}.annotated.md`))).toBe(true)
  })

  it('12: temp files left by a killed run are removed by the next run; a live writer keeps its own', async () => {
    const dir = corpus({ 'a.md': 'We should act now.\n' })
    mkdirSync(join(dir, 'out/sub'), { recursive: true })
    // A process that has exited: its pid names the temp files it left.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout
    writeFileSync(join(dir, `out/.argmap-tmp-${dead}-0badc0de`), 'partial')
    writeFileSync(join(dir, `out/sub/.argmap-tmp-a.html-${dead}-0badc0de`), 'partial')
    writeFileSync(join(dir, `corpus/.argmap-tmp-${dead}-0badc0de`), 'a sidecar cut short')
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)'])
    writeFileSync(join(dir, `out/.argmap-tmp-${live.pid}-0badc0de`), 'in progress')
    try {
      run(dir)
      const left = [...readdirSync(join(dir, 'out')), ...readdirSync(join(dir, 'out/sub')), ...readdirSync(join(dir, 'corpus'))].filter((f) => f.startsWith('.argmap-tmp'))
      expect(left).toEqual([`.argmap-tmp-${live.pid}-0badc0de`])
    } finally {
      live.kill()
    }
  })
})
