/** Benchmarks that run argmap as a separate process, as a user would from the shell. */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { cpSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ReadmeFile } from './inputs.js'
import { median, now } from './measure.js'

/**
 * A copy of the built package (dist/, package.json, models/, a link to node_modules)
 * in a temporary folder, so that every process the benchmark starts runs the
 * same build even if dist/ is rebuilt meanwhile. Returns its root.
 */
export function snapshotBuild(repoRoot: string): { root: string; remove: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'argmap-bench-build-'))
  cpSync(join(repoRoot, 'dist'), join(root, 'dist'), { recursive: true })
  cpSync(join(repoRoot, 'package.json'), join(root, 'package.json'))
  // The shipped model: without it the build would fall back to the rules and the figures would not be the default path's.
  cpSync(join(repoRoot, 'models'), join(root, 'models'), { recursive: true })
  symlinkSync(join(repoRoot, 'node_modules'), join(root, 'node_modules'), 'dir')
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) }
}

export interface ProcessRun {
  ms: number
  rssMB: number
  /** CPU time of the process, all threads (user + system). */
  cpuMs: number
  /** Of that, the main thread's, and that of the threads alive at exit (V8's compiler and collector threads); NaN where not measured. */
  mainCpuMs: number
  backgroundCpuMs: number
  /** The main thread's garbage-collection pauses, and the process's lifetime as node saw it (ms; NaN without the probe). */
  gcMs: number
  lifeMs: number
  code: number | null
}

/** Run `node args...` with the RSS probe; wall time from spawn to exit, peak RSS of the process. */
export function timeNode(repoRoot: string, args: readonly string[], cwd = repoRoot, probe = true): ProcessRun {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'argmap-bench-rss-')), 'rss')
  const pre = probe ? ['--import', new URL('./rss-probe.js', import.meta.url).href] : []
  const t = now()
  const r = spawnSync(process.execPath, [...pre, ...args], {
    cwd,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ARGMAP_BENCH_RSS: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  })
  const ms = now() - t
  let rssMB = NaN
  let cpuMs = NaN
  let mainCpuMs = NaN
  let backgroundCpuMs = NaN
  let gcMs = NaN
  let lifeMs = NaN
  try {
    const [rss, cpu, main, others, gc, life] = readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
    rssMB = rss! / 1024
    cpuMs = cpu! / 1000
    gcMs = gc!
    lifeMs = life!
    if (main! >= 0) [mainCpuMs, backgroundCpuMs] = [main! / 1000, others! / 1000]
  } catch {
    /* no probe */
  }
  if (r.status !== 0 && r.status !== 1) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr?.toString().slice(0, 2000)}`)
  return { ms, rssMB, cpuMs, mainCpuMs, backgroundCpuMs, gcMs, lifeMs, code: r.status }
}

export interface ColdStart {
  /** Medians of wall time, ms: `argmap map` on the op-ed, the bare baseline, `argmap --version`. */
  argmapMs: number
  bareMs: number
  versionMs: number
  /** argmap / baseline, per round (the three started back to back): the median and the worst round. */
  ratio: number
  worstRatio: number
  versionRatio: number
  versionWorstRatio: number
  /** The same ratios of CPU time (user + system, all threads): less moved by other processes than wall time. */
  cpu: { ratio: number; worstRatio: number; versionRatio: number; versionWorstRatio: number }
  runs: number
}

/**
 * Cold start: `argmap map` on the op-ed and `argmap --version` versus a bare
 * node process that imports unified and remark-parse and parses it
 * (./baseline-start.ts; issue 18's baseline, without remark-stringify). Each round starts the three back to back,
 * in a rotating order, and the figures are per-round ratios (as the in-process
 * benchmarks pair theirs): a process start on a busy machine varies by tens of
 * milliseconds, and a ratio of two medians could pair one's quiet moments with
 * the other's busy ones.
 */
export function coldStart(repoRoot: string, op: string, runs: number): ColdStart {
  const bin = join(repoRoot, 'dist/cli/bin.js')
  const base = fileURLToPath(new URL('./baseline-start.js', import.meta.url))
  const variants = { map: [bin, 'map', op], bare: [base, op], version: [bin, '--version'] }
  const names = Object.keys(variants) as Array<keyof typeof variants>
  const rounds: Array<Record<keyof typeof variants, ProcessRun>> = []
  // One untimed round first: the file system cache and (on Node 22) the compile cache are warm for every variant alike.
  for (const n of names) timeNode(repoRoot, variants[n], repoRoot)
  for (let i = 0; i < runs; i++) {
    const round = {} as Record<keyof typeof variants, ProcessRun>
    for (let k = 0; k < names.length; k++) {
      const n = names[(i + k) % names.length]!
      round[n] = timeNode(repoRoot, variants[n], repoRoot)
    }
    rounds.push(round)
  }
  const per = (n: 'map' | 'version', of: 'ms' | 'cpuMs'): number[] => rounds.map((r) => r[n][of] / r.bare[of])
  return {
    argmapMs: median(rounds.map((r) => r.map.ms)),
    bareMs: median(rounds.map((r) => r.bare.ms)),
    versionMs: median(rounds.map((r) => r.version.ms)),
    ratio: median(per('map', 'ms')),
    worstRatio: Math.max(...per('map', 'ms')),
    versionRatio: median(per('version', 'ms')),
    versionWorstRatio: Math.max(...per('version', 'ms')),
    cpu: {
      ratio: median(per('map', 'cpuMs')),
      worstRatio: Math.max(...per('map', 'cpuMs')),
      versionRatio: median(per('version', 'cpuMs')),
      versionWorstRatio: Math.max(...per('version', 'cpuMs')),
    },
    runs,
  }
}

function digest(dir: string): string {
  const h = createHash('sha256')
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    try {
      h.update(name).update(readFileSync(join(dir, name)))
    } catch {
      /* a directory */
    }
  }
  return h.digest('hex')
}

export interface CorpusRun {
  files: number
  bytes: number
  opEdCopies: number
  readmes: number
  jobs: number
  singleMs: number
  parallelMs: number
  speedup: number
  identical: boolean
  singleRssMB: number
  parallelRssMB: number
  singleCpuMs: number
  parallelCpuMs: number
  /** Where the CPU time went, in the median run of each: the main thread, worker threads, and V8's background threads. */
  threads: { single: ThreadSplit; parallel: ThreadSplit }
  /** Where the corpus and outputs were: a RAM disk when there is one, so the disk's speed is not measured. */
  onRamDisk: boolean
  /** Load average (1 min) before and after: other processes competing for the cores. */
  loadavg: [number, number]
  /**
   * The reference no pool can beat: `jobs` separate one-worker processes,
   * each on every `jobs`-th file, started together and timed until the last
   * exits. They share nothing (no isolate, no pool, no main thread), so
   * `speedup` here is what this machine gives `jobs` independent copies of
   * the one-worker run.
   */
  separate: { ms: number; speedup: number }
  /** The same parallel run on a corpus `scale` times larger (more op-ed copies): memory must stay flat. */
  scaled: { files: number; ms: number; rssMB: number; scale: number }
}

export interface ThreadSplit {
  main: number
  workers: number
  background: number
}

function threadSplit(run: ProcessRun): ThreadSplit {
  return { main: run.mainCpuMs, workers: run.cpuMs - run.mainCpuMs - run.backgroundCpuMs, background: run.backgroundCpuMs }
}

/** The run whose wall time is the median of `runs` (the lower middle one for an even count). */
function medianRun(runs: readonly ProcessRun[]): ProcessRun {
  return [...runs].sort((a, b) => a.ms - b.ms)[(runs.length - 1) >> 1]!
}

/**
 * A work folder for the corpus run: on the RAM disk (/dev/shm) when there is
 * one. On a disk, the run's thousands of new files measure the file system
 * more than argmap: on this project's ext4 (no journal), creating files soon
 * after many were deleted (as every benchmark round does) costs tens of
 * times more per file, and the two workers wait on each other's directory
 * lock.
 */
function workFolder(): { dir: string; ram: boolean } {
  try {
    return { dir: mkdtempSync(join('/dev/shm', 'argmap-bench-corpus-')), ram: true }
  } catch {
    return { dir: mkdtempSync(join(tmpdir(), 'argmap-bench-corpus-')), ram: false }
  }
}

function writeCorpus(dir: string, op: string, copies: number, readmes: readonly ReadmeFile[]): { files: number; bytes: number } {
  mkdirSync(dir, { recursive: true })
  let bytes = 0
  for (let i = 0; i < copies; i++) {
    writeFileSync(join(dir, `op-ed-${String(i).padStart(5, '0')}.md`), op)
    bytes += Buffer.byteLength(op)
  }
  readmes.forEach((r, i) => {
    writeFileSync(join(dir, `readme-${String(i).padStart(4, '0')}.md`), r.text)
    bytes += r.bytes
  })
  return { files: copies + readmes.length, bytes }
}

/** Every `jobs`-th file of `dir/corpus` hard-linked into `dir/share-k`, k < jobs; returns the share folders' names. */
function shares(dir: string, jobs: number): string[] {
  const names = readdirSync(join(dir, 'corpus')).sort()
  const out = Array.from({ length: jobs }, (_, k) => `share-${k}`)
  for (const d of out) mkdirSync(join(dir, d))
  names.forEach((n, i) => linkSync(join(dir, 'corpus', n), join(dir, out[i % jobs]!, n)))
  return out
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, "'\\''")}'`

/** One `argmap run --jobs 1` per share, all started at once (by a shell, which waits for them all); wall time until the last exits. */
function timeSeparate(bin: string, work: string, names: readonly string[]): number {
  const node = shellQuote(process.execPath)
  const script = [
    ...names.map((d, k) => `${node} ${shellQuote(bin)} run ${d} --out ${d}-out --jobs 1 >/dev/null 2>&1 & p${k}=$!`),
    // argmap exits 1 when some document failed: the timing still holds, as for the other runs.
    ...names.map((_, k) => `wait $p${k}; s=$?; [ $s -le 1 ] || exit $s`),
  ].join('\n')
  const t = now()
  const r = spawnSync('sh', ['-c', script], { cwd: work, stdio: 'ignore' })
  const ms = now() - t
  for (const d of names) rmSync(join(work, `${d}-out`), { recursive: true, force: true })
  if (r.status !== 0) throw new Error(`separate one-worker runs exited ${r.status}`)
  return ms
}

/** `argmap run` over op-ed copies plus the README corpus: one worker versus `jobs`, timed from spawn to exit. */
export function corpusRun(repoRoot: string, op: string, readmes: readonly ReadmeFile[], copies: number, jobs: number, rounds: number, scale: number): CorpusRun {
  const { dir: work, ram } = workFolder()
  const bin = join(repoRoot, 'dist/cli/bin.js')
  const load0 = loadavg()[0]!
  try {
    const { files, bytes } = writeCorpus(join(work, 'corpus'), op, copies, readmes)
    const single: ProcessRun[] = []
    const parallel: ProcessRun[] = []
    // Every run writes into a fresh folder (a re-run over its own outputs would rewrite nothing); the last of each is kept to compare.
    const run = (n: number, r: number): ProcessRun => {
      const out = `out-${n}`
      rmSync(join(work, out), { recursive: true, force: true })
      const result = timeNode(repoRoot, [bin, 'run', 'corpus', '--out', out, '--jobs', String(n)], work)
      if (r < rounds - 1) rmSync(join(work, out), { recursive: true, force: true })
      return result
    }
    const split = shares(work, jobs)
    const separate: number[] = []
    for (let r = 0; r < rounds; r++) {
      single.push(run(1, r))
      parallel.push(run(jobs, r))
      separate.push(timeSeparate(bin, work, split))
    }
    for (const d of split) rmSync(join(work, d), { recursive: true, force: true })
    const identical = digest(join(work, 'out-1')) === digest(join(work, `out-${jobs}`))
    rmSync(join(work, 'out-1'), { recursive: true, force: true })
    rmSync(join(work, `out-${jobs}`), { recursive: true, force: true })
    rmSync(join(work, 'corpus'), { recursive: true, force: true })
    const big = writeCorpus(join(work, 'big'), op, copies * scale, readmes)
    const scaled = timeNode(repoRoot, [bin, 'run', 'big', '--out', 'out-big', '--jobs', String(jobs)], work)
    const singleMs = median(single.map((s) => s.ms))
    const parallelMs = median(parallel.map((s) => s.ms))
    return {
      files,
      bytes,
      opEdCopies: copies,
      readmes: readmes.length,
      jobs,
      singleMs,
      parallelMs,
      speedup: singleMs / parallelMs,
      identical,
      singleRssMB: Math.max(...single.map((s) => s.rssMB)),
      parallelRssMB: Math.max(...parallel.map((s) => s.rssMB)),
      singleCpuMs: median(single.map((s) => s.cpuMs)),
      parallelCpuMs: median(parallel.map((s) => s.cpuMs)),
      threads: { single: threadSplit(medianRun(single)), parallel: threadSplit(medianRun(parallel)) },
      onRamDisk: ram,
      loadavg: [Math.round(load0 * 100) / 100, Math.round(loadavg()[0]! * 100) / 100],
      separate: { ms: median(separate), speedup: singleMs / median(separate) },
      scaled: { files: big.files, ms: scaled.ms, rssMB: scaled.rssMB, scale },
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}
