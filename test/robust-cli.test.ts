import { spawnSync, type SpawnSyncOptions } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { opEdPath, repoRoot, tempDir } from './helpers.js'

/**
 * Bad input end to end through the built CLI (`node dist/cli/bin.js`, built
 * by `npm test` before vitest runs). Each case: one clear message naming the
 * file and the problem, the documented exit code (0 ok, 1 some input failed,
 * 2 usage error), no partial output, and in a corpus run every other file is
 * still processed. test/cli.test.ts already covers a missing file, a
 * directory, binary bytes, Latin-1 bytes, UTF-16 LE and an empty file for
 * `map`; this file adds the rest and runs every case in one corpus.
 *
 * Permission bits do not apply to root (CI runs as root): as root, the
 * permission cases run the CLI as the unprivileged user `nobody` (spawn's
 * uid option), and the read-only and disk-full cases use a small tmpfs
 * mounted for the test. Where neither is possible the case is skipped and
 * the in-process tests in robust-io.test.ts still cover the same code.
 */
// Each test spawns the CLI one or more times; a loaded 2-core machine needs more than the default 5 s.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 })

const bin = join(repoRoot, 'dist/cli/bin.js')
const NOBODY = 65534
const isRoot = process.getuid?.() === 0

interface Result {
  code: number | null
  stdout: string
  stderr: string
}

function cli(args: string[], opts: { cwd: string; input?: string | Buffer; uid?: number; env?: NodeJS.ProcessEnv }): Result {
  const options: SpawnSyncOptions = { cwd: opts.cwd, input: opts.input, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 }
  if (opts.env) options.env = { ...process.env, ...opts.env }
  if (opts.uid !== undefined) Object.assign(options, { uid: opts.uid, gid: opts.uid })
  const r = spawnSync(process.execPath, [bin, ...args], options)
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) }
}

/** Whether the built CLI runs as `nobody` (root, and the checkout readable by everyone). */
const canDropPrivileges = isRoot && cli(['--version'], { cwd: '/', uid: NOBODY }).code === 0

/** A 0755 temp dir (mkdtemp makes 0700, which `nobody` cannot enter). */
function openDir(): string {
  const dir = tempDir('argmap-robust-')
  chmodSync(dir, 0o755)
  return dir
}

/** Mount a tmpfs of `size` at a new directory (root only); null when the sandbox forbids it. */
const mounts: string[] = []
function tmpfs(size: string, ro = false): string | null {
  if (!isRoot) return null
  const dir = openDir()
  const r = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755${ro ? ',ro' : ''}`, 'tmpfs', dir])
  if (r.status !== 0) return null
  mounts.push(dir)
  return dir
}
afterAll(() => {
  for (const m of mounts.reverse()) spawnSync('umount', ['-l', m])
})

/** Deterministic sentences from a small vocabulary (a seeded LCG), `n` of them, ten to a paragraph. */
function sentences(n: number): string {
  const subjects = ['Cats', 'Dogs', 'We', 'They', 'Rain', 'Trade', 'Law', 'Art', 'Tax', 'Aid']
  const verbs = ['help', 'fail', 'grow', 'rise', 'fall', 'win', 'lose', 'wait', 'vary', 'end']
  let seed = 12345
  const next = (k: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % k
  }
  const paragraphs: string[] = []
  for (let i = 0; i < n; i += 10) {
    const p: string[] = []
    for (let j = i; j < Math.min(n, i + 10); j++) p.push(`${subjects[next(10)]} ${verbs[next(10)]} ${j}.`)
    paragraphs.push(p.join(' '))
  }
  return `${paragraphs.join('\n\n')}\n`
}

const SPACED = 'my notes é 東京.md'

/** One file per kind of bad (and awkward but good) input, with the message each must give in a corpus run. */
const BAD: Array<{ file: string; bytes: () => Buffer | string; message: RegExp }> = [
  { file: 'invalid-utf8-overlong.md', bytes: () => Buffer.from([0x41, 0x2e, 0x20, 0xc0, 0x80, 0x0a]), message: /invalid UTF-8 at byte 3; expected UTF-8 markdown/ },
  { file: 'invalid-utf8-truncated.md', bytes: () => Buffer.from([0x41, 0x20, 0xe6, 0x9d]), message: /invalid UTF-8 at byte 2/ },
  { file: 'invalid-utf8-surrogate.md', bytes: () => Buffer.from([0xed, 0xa0, 0x80]), message: /invalid UTF-8 at byte 0/ },
  { file: 'utf16-be.md', bytes: () => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Hi.', 'utf16le').swap16()]), message: /file is UTF-16 \(it starts with a UTF-16 byte-order mark\); convert it to UTF-8/ },
  { file: 'utf16-le.md', bytes: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Hi.', 'utf16le')]), message: /file is UTF-16/ },
  { file: 'binary.md', bytes: () => Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), message: /binary file \(NUL byte at offset 7\); expected UTF-8 markdown/ },
  { file: 'deep-quote.md', bytes: () => `${'> '.repeat(5000)}Deep.\n`, message: /block quotes or lists nested more than 256 levels deep \(the limit\)/ },
  { file: 'deep-list.md', bytes: () => `${'- '.repeat(5000)}Deep.\n`, message: /block quotes or lists nested more than 256 levels deep \(the limit\); flatten the nesting/ },
  { file: 'deep-indented.md', bytes: () => Array.from({ length: 400 }, (_, i) => `${' '.repeat(2 * i)}- level ${i}`).join('\n'), message: /block quotes or lists nested more than 256 levels deep \(the limit\)/ },
  { file: 'line-50mb.md', bytes: () => Buffer.alloc(50 * 1024 * 1024, 'Go on. '), message: /file is 50\.0 MB, over the 16\.0 MB limit \(raise it with --max-size\)/ },
]
const GOOD: Array<{ file: string; bytes: () => Buffer | string }> = [
  { file: 'op-ed.md', bytes: () => readFileSync(opEdPath) },
  { file: SPACED, bytes: () => 'Notes with a spaced name. We keep them, because names vary.\n' },
  { file: 'empty.md', bytes: () => '' },
  { file: 'blank.md', bytes: () => ' \n\t\n\u00a0\n' },
  { file: 'utf8-bom.md', bytes: () => '\ufeff# Title\n\nA BOM is fine.\n' },
  { file: 'nested-256.md', bytes: () => `${'> '.repeat(128)}${'- '.repeat(128)}Deep but allowed.\n` },
  { file: 'crlf.md', bytes: () => '# T\r\n\r\nLine one is here.\r\nLine two, because.\r\n' },
]

describe('argmap run on a corpus of every kind of bad input', () => {
  let dir: string
  let run: Result
  beforeAll(() => {
    dir = openDir()
    mkdirSync(join(dir, 'corpus'))
    for (const f of [...BAD, ...GOOD]) writeFileSync(join(dir, 'corpus', f.file), f.bytes())
    run = cli(['run', 'corpus', 'missing.md', 'corpus/op-ed.md/under-a-file.md', '--out', 'out'], { cwd: dir })
  }, 180_000)

  it('exits 1 and reports each bad file once, by name and problem', () => {
    expect(run.code, run.stderr).toBe(1)
    for (const b of BAD) {
      const lines = run.stderr.split('\n').filter((l) => l.includes(`corpus/${b.file}:`))
      expect(lines, b.file).toHaveLength(1)
      expect(lines[0], b.file).toMatch(b.message)
    }
    expect(run.stderr).toContain('✗ missing.md: no such file\n')
    expect(run.stderr).toContain('✗ corpus/op-ed.md/under-a-file.md: no such file (a parent path is a file, not a directory)\n')
    expect(run.stderr).not.toMatch(/internal error|RangeError|at .*\.js:\d+/)
  })

  it('maps every other file, writes nothing for a bad one, and leaves no temp file', () => {
    const out = readdirSync(join(dir, 'out'))
    for (const g of GOOD) {
      const name = g.file.replace(/\.md$/, '')
      expect(out, g.file).toContain(`${name}.argmap.json`)
      expect(out, g.file).toContain(`${name}.annotated.md`)
    }
    for (const b of BAD) expect(out.filter((f) => f.startsWith(b.file.replace(/\.md$/, '.'))), b.file).toEqual([])
    expect(out.filter((f) => f.startsWith('.argmap-tmp'))).toEqual([])
    const index = JSON.parse(readFileSync(join(dir, 'out/index.json'), 'utf8'))
    expect(index.totals.documents).toBe(GOOD.length)
    expect(index.totals.failed).toBe(BAD.length + 2)
    const spaced = JSON.parse(readFileSync(join(dir, 'out', SPACED.replace(/\.md$/, '.argmap.json')), 'utf8'))
    expect(spaced.source.path).toBe(`corpus/${SPACED}`)
    expect(spaced.units.length).toBe(2)
    expect(run.stdout).toMatch(new RegExp(`${GOOD.length} mapped, ${BAD.length + 2} failed`))
  })

  it('strips every annotated output back to its source byte for byte', () => {
    for (const g of GOOD) {
      const annotated = join(dir, 'out', g.file.replace(/\.md$/, '.annotated.md'))
      const r = cli(['strip', annotated], { cwd: dir })
      expect(r.code, g.file).toBe(0)
      expect(Buffer.from(r.stdout), g.file).toEqual(readFileSync(join(dir, 'corpus', g.file)))
    }
  }, 60_000)
})

describe('one bad input at a time: one line on stderr, nothing on stdout, exit 1', () => {
  let dir: string
  beforeAll(() => {
    dir = openDir()
    for (const f of [...BAD, ...GOOD]) writeFileSync(join(dir, f.file), f.bytes())
  })

  it.each(BAD.map((b) => [b.file, b.message] as const))('%s', (file, message) => {
    const r = cli(['map', file], { cwd: dir })
    expect(r.code, r.stderr).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1)
    expect(r.stderr).toMatch(new RegExp(`^argmap: ${file.replace(/\./g, '\\.')}: ${message.source}`))
  })

  it('a path under a file (ENOTDIR) is a missing file', () => {
    const r = cli(['annotate', 'op-ed.md/x.md'], { cwd: dir })
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'argmap: op-ed.md/x.md: no such file (a parent path is a file, not a directory)\n' })
  })

  it('a path with spaces and non-ASCII characters works as given, and is named as given when missing', () => {
    const r = cli(['map', SPACED], { cwd: dir })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).source.path).toBe(SPACED)
    const missing = cli(['map', `also ${SPACED}`], { cwd: dir })
    expect(missing).toEqual({ code: 1, stdout: '', stderr: `argmap: also ${SPACED}: no such file\n` })
  })

  it('a whitespace-only file is a warning and an empty map; annotate and strip give its bytes back', () => {
    const r = cli(['map', 'blank.md'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('warning: blank.md: empty document (no prose)\n')
    expect(JSON.parse(r.stdout).units).toEqual([])
    const a = cli(['annotate', 'blank.md'], { cwd: dir })
    expect(a.code).toBe(0)
    expect(cli(['strip', '-'], { cwd: dir, input: a.stdout }).stdout).toBe(readFileSync(join(dir, 'blank.md'), 'utf8'))
  })

  it('nesting at the limit (128 block quotes holding 128 list items) is mapped', () => {
    const r = cli(['map', 'nested-256.md'], { cwd: dir })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout).units.map((u: { text: string }) => u.text)).toEqual(['Deep but allowed.'])
  })

  it('a 50 MB line with --max-size raised: refused with a clear message when it cannot fit in memory, no crash', () => {
    const r = cli(['map', 'line-50mb.md', '--max-size', '64MB'], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^argmap: line-50mb\.md: too large to map in memory: about \d+ sentences need about [\d.]+ GB, more than the [\d.]+ GB available; split the file, or raise Node's heap limit \(NODE_OPTIONS=--max-old-space-size=\d+\)\n$/)
  })

  it('a device that never ends (/dev/zero) is read only up to the limit', () => {
    const r = cli(['map', '/dev/zero', '--max-size', '1MB'], { cwd: dir })
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'argmap: /dev/zero: over the 1.0 MB limit (raise it with --max-size)\n' })
  })

  it('a file without read permission (as nobody when root)', () => {
    const f = join(dir, 'secret.md')
    writeFileSync(f, 'Secret.')
    chmodSync(f, 0o000)
    if (!isRoot) {
      expect(cli(['map', 'secret.md'], { cwd: dir })).toEqual({ code: 1, stdout: '', stderr: 'argmap: secret.md: permission denied\n' })
      return
    }
    if (!canDropPrivileges) return // documented: as root without a usable `nobody`, permission bits cannot be tested
    expect(cli(['map', 'secret.md'], { cwd: dir, uid: NOBODY })).toEqual({ code: 1, stdout: '', stderr: 'argmap: secret.md: permission denied\n' })
    mkdirSync(join(dir, 'locked'), { mode: 0o700 })
    writeFileSync(join(dir, 'locked/in.md'), 'Inside.')
    expect(cli(['map', 'locked/in.md'], { cwd: dir, uid: NOBODY }).stderr).toBe('argmap: locked/in.md: permission denied (a parent directory cannot be searched)\n')
  })
})

describe('a document with 100,000 sentences', () => {
  it('is mapped: every sentence a unit, in order', () => {
    const dir = openDir()
    writeFileSync(join(dir, 'many.md'), sentences(100_000))
    const r = cli(['map', 'many.md'], { cwd: dir })
    expect(r.code).toBe(0)
    const map = JSON.parse(r.stdout) as { units: Array<{ text: string; start: { offset: number } }> }
    expect(map.units).toHaveLength(100_000)
    expect(map.units[99_999]!.text).toMatch(/ 99999\.$/)
  }, 120_000)
})

describe('output that cannot be written', () => {
  function corpus(): string {
    const dir = openDir()
    mkdirSync(join(dir, 'corpus'), { mode: 0o755 })
    cpSync(opEdPath, join(dir, 'corpus/op-ed.md'))
    writeFileSync(join(dir, 'corpus/short.md'), 'Short. Because.\n')
    return dir
  }

  it('an out dir without write permission (as nobody when root): each file named, exit 1, nothing left behind', () => {
    const dir = corpus()
    mkdirSync(join(dir, 'out'), { mode: 0o555 })
    const uid = isRoot ? (canDropPrivileges ? NOBODY : undefined) : undefined
    if (isRoot && uid === undefined) return // documented: see the file comment
    const r = cli(['run', 'corpus', '--out', 'out'], { cwd: dir, uid })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/out\/op-ed\.argmap\.json: cannot write output \(EACCES\): permission denied\n/)
    expect(r.stderr).toMatch(/out\/short\.argmap\.json: cannot write output \(EACCES\): permission denied\n/)
    expect(r.stderr).not.toMatch(/internal error/)
    expect(readdirSync(join(dir, 'out'))).toEqual([])
  })

  it('a read-only file system (EROFS, even for root)', () => {
    const ro = tmpfs('1m', true)
    if (!ro) return // documented: no mount permission
    const dir = corpus()
    const r = cli(['run', 'corpus', '--out', ro], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/op-ed\.argmap\.json: cannot write output \(EROFS\): read-only file system\n/)
    expect(readdirSync(ro)).toEqual([])
  })

  it('a disk that fills up mid-write (ENOSPC): the old output is untouched, no temp file, the other file is written', () => {
    const disk = tmpfs('256k')
    if (!disk) return // documented: no mount permission; robust-io.test.ts injects the failing write instead
    const dir = corpus()
    writeFileSync(join(disk, 'op-ed.annotated.md'), 'previous output')
    // Measure a normal run's outputs, then leave room on the disk for the short document's outputs and the
    // index (in 4 KB pages, plus a page of slack) but not for the op-ed's, so its write fails part-way.
    const sizes = cli(['run', 'corpus', '--out', 'sizes'], { cwd: dir })
    expect(sizes.code).toBe(0)
    const pages = (files: string[]): number => files.reduce((n, f) => n + Math.ceil(statSync(join(dir, 'sizes', f)).size / 4096) * 4096, 0)
    const made = readdirSync(join(dir, 'sizes'))
    const room = pages(made.filter((f) => !f.startsWith('op-ed.'))) + 4096
    expect(pages(made.filter((f) => f.startsWith('op-ed.')))).toBeGreaterThan(room)
    const free = (): number => Number(spawnSync('df', ['--output=avail', '-B1', disk], { encoding: 'utf8' }).stdout.split('\n')[1])
    writeFileSync(join(disk, 'filler'), Buffer.alloc(Math.max(0, free() - room)))
    const r = cli(['run', 'corpus', '--out', disk], { cwd: dir })
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/op-ed\.[\w.]+: cannot write output \(ENOSPC\): no space left on device\n/)
    // All of the op-ed's outputs or none: the old annotated file is untouched, no new JSON beside it.
    expect(readFileSync(join(disk, 'op-ed.annotated.md'), 'utf8')).toBe('previous output')
    expect(existsSync(join(disk, 'op-ed.argmap.json'))).toBe(false)
    expect(readdirSync(disk).filter((f) => f.startsWith('.argmap-tmp'))).toEqual([])
    expect(existsSync(join(disk, 'short.argmap.json'))).toBe(true)
    expect(r.stderr).toMatch(/✓ corpus\/short\.md/)
  })
})
