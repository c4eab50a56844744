import { spawnSync } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCommand } from '../src/cli/commands/run.js'
import { opEdPath, captureIo, repoRoot, tempDir } from './helpers.js'

const bin = join(repoRoot, 'dist/cli/bin.js')
function cli(args: string[], opts: { cwd?: string; input?: string | Buffer } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd ?? repoRoot, input: opts.input, encoding: 'utf8' })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A corpus folder with the op-ed and one file per kind of bad input. */
function badCorpus(): string {
  const dir = tempDir()
  const corpus = join(dir, 'corpus')
  mkdirSync(corpus)
  cpSync(opEdPath, join(corpus, 'op-ed.md'))
  writeFileSync(join(corpus, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]))
  writeFileSync(join(corpus, 'latin1.md'), Buffer.from('Caf\xe9 au lait is good.', 'latin1'))
  writeFileSync(join(corpus, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hello.', 'utf16le')]))
  writeFileSync(join(corpus, 'empty.md'), '')
  writeFileSync(join(corpus, 'blank.md'), '  \n\n\t\n')
  mkdirSync(join(corpus, 'sub.md'))
  return dir
}

describe('argmap run on a corpus with bad files', () => {
  it('reports each bad file by name and problem, maps the rest, exits 1', () => {
    const dir = badCorpus()
    const io = captureIo(dir)
    const code = runCommand({ paths: ['corpus'], out: 'out' }, io)
    expect(code).toBe(1)
    const err = io.err()
    expect(err).toContain('corpus/binary.md: binary file (NUL byte at offset 4)')
    expect(err).toContain('corpus/latin1.md: invalid UTF-8 at byte 3')
    expect(err).toContain('corpus/utf16.md: file is UTF-16')
    expect(err).toMatch(/warning: corpus\/empty\.md: empty document/)
    expect(err).toMatch(/warning: corpus\/blank\.md: empty document/)
    const out = readdirSync(join(dir, 'out')).sort()
    expect(out).toEqual(
      ['blank', 'empty', 'op-ed']
        .flatMap((n) => [`${n}.annotated.md`, `${n}.argmap.json`, `${n}.html`])
        .concat(['index.json', 'index.html', 'argmap-page.js'])
        .sort(),
    )
    const empty = JSON.parse(readFileSync(join(dir, 'out/empty.argmap.json'), 'utf8'))
    expect(empty.units).toEqual([])
    const index = JSON.parse(readFileSync(join(dir, 'out/index.json'), 'utf8'))
    expect(index.documents.map((d: { name: string }) => d.name)).toEqual(['blank', 'empty', 'op-ed'])
    expect(index.errors.map((e: { path: string }) => e.path)).toEqual(['corpus/binary.md', 'corpus/latin1.md', 'corpus/utf16.md'])
  })

  it('--check passes right after a run and fails after a source edit', () => {
    const dir = tempDir()
    mkdirSync(join(dir, 'corpus'))
    cpSync(opEdPath, join(dir, 'corpus/op-ed.md'))
    expect(runCommand({ paths: [], out: 'out' }, captureIo(dir))).toBe(0)
    const check = captureIo(dir)
    expect(runCommand({ paths: [], out: 'out', check: true }, check)).toBe(0)
    writeFileSync(join(dir, 'corpus/op-ed.md'), `${readFileSync(opEdPath, 'utf8')}\n\nTherefore we must act now.\n`)
    const stale = captureIo(dir)
    expect(runCommand({ paths: [], out: 'out', check: true }, stale)).toBe(1)
    expect(stale.err()).toContain('op-ed.argmap.json')
  })

  it('never writes an output over a source', () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'a.argmap.json'), 'precious')
    writeFileSync(join(dir, 'a.md'), 'We must act. Because time is short.\n')
    // a.md's map would be written to ./a.argmap.json, which is itself given as a source.
    const io = captureIo(dir)
    expect(runCommand({ paths: ['a.md', 'a.argmap.json'], out: '.' }, io)).toBe(1)
    expect(readFileSync(join(dir, 'a.argmap.json'), 'utf8')).toBe('precious')
    expect(io.err()).toContain('refusing to write an output over a source file')
  })

  it('leaves no temp file behind when the out dir is not writable', () => {
    // CI runs as root, which ignores permission bits: a file where the out dir should be fails the write instead.
    const dir = tempDir()
    writeFileSync(join(dir, 'a.md'), 'We must act. Because time is short.\n')
    writeFileSync(join(dir, 'out'), 'not a directory')
    const io = captureIo(dir)
    expect(runCommand({ paths: ['a.md'], out: 'out' }, io)).toBe(1)
    expect(io.err()).toMatch(/cannot write output \(E(?:EXIST|NOTDIR)\)/)
    expect(readdirSync(dir).sort()).toEqual(['a.md', 'out'])
  })
})

describe('the argmap binary', () => {
  it('runs with --help on every command and exits 0', () => {
    for (const cmd of ['run', 'map', 'annotate', 'strip', 'read']) {
      const r = cli([cmd, '--help'])
      expect(r.code, cmd).toBe(0)
      expect(r.stdout).toContain(`Usage: argmap ${cmd}`)
    }
  })

  it('runs as `npx --no-install argmap` in the checkout (the README quick start)', () => {
    const r = spawnSync('npx', ['--no-install', 'argmap', '--version'], { cwd: repoRoot, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toBe('0.1.0')
  })

  it('exits 2 on a usage error', () => {
    expect(cli(['frobnicate']).code).toBe(2)
    expect(cli(['map']).code).toBe(2)
    expect(cli(['map', opEdPath, '--format', 'pdf']).code).toBe(2)
  })

  it('exits 1 with one clear line for each bad single input', () => {
    const dir = badCorpus()
    const cases: Array<[string, RegExp]> = [
      ['corpus/missing.md', /^argmap: corpus\/missing\.md: no such file\n$/],
      ['corpus/sub.md', /^argmap: corpus\/sub\.md: is a directory, expected a markdown file\n$/],
      ['corpus/binary.md', /^argmap: corpus\/binary\.md: binary file/],
      ['corpus/latin1.md', /^argmap: corpus\/latin1\.md: invalid UTF-8 at byte 3/],
      ['corpus/utf16.md', /^argmap: corpus\/utf16\.md: file is UTF-16/],
    ]
    for (const [file, message] of cases) {
      const r = cli(['map', file], { cwd: dir })
      expect(r.code, file).toBe(1)
      expect(r.stderr, file).toMatch(message)
      expect(r.stdout, file).toBe('')
    }
    const big = cli(['map', 'corpus/op-ed.md', '--max-size', '1KB'], { cwd: dir })
    expect(big.code).toBe(1)
    expect(big.stderr).toMatch(/op-ed\.md: file is 5\.\d KB, over the 1\.0 KB limit/)
  })

  it('a bad --max-size is a usage error, exit 2', () => {
    const r = cli(['map', opEdPath, '--max-size', 'lots'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('invalid size "lots"')
  })

  it('reads standard input only up to the size limit', () => {
    const r = cli(['map', '-', '--max-size', '1KB'], { input: 'We must act now. '.repeat(200) })
    expect(r.code).toBe(1)
    expect(r.stderr).toBe('argmap: -: standard input is over the 1.0 KB limit (raise it with --max-size)\n')
    expect(r.stdout).toBe('')
  })

  it('reads standard input for -', () => {
    const r = cli(['map', '-'], { input: readFileSync(opEdPath) })
    expect(r.code).toBe(0)
    const map = JSON.parse(r.stdout)
    expect(map.source.path).toBe('-')
    expect(map.units.length).toBeGreaterThan(40)
  })

  it('an empty file is a warning and an empty map, exit 0', () => {
    const dir = badCorpus()
    const r = cli(['map', 'corpus/empty.md'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.stderr).toContain('warning: corpus/empty.md: empty document')
    expect(JSON.parse(r.stdout).units).toEqual([])
  })

  it('unreadable file: permission denied (skipped as root, where permission bits do not apply)', () => {
    const dir = tempDir()
    const f = join(dir, 'secret.md')
    writeFileSync(f, 'Secret.')
    chmodSync(f, 0o000)
    const r = cli(['map', 'secret.md'], { cwd: dir })
    if (process.getuid?.() === 0) expect(r.code).toBe(0)
    else {
      expect(r.code).toBe(1)
      expect(r.stderr).toContain('secret.md: permission denied')
    }
    expect(existsSync(f)).toBe(true)
  })
})
