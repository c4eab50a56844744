/**
 * Issue 18's whole-process figures: `argmap map FILE --format json` on the
 * op-ed ×100 and ×1000 as a user runs it, against a bare node process that
 * reads the same file, parses and stringifies it with remark and writes the
 * result (bench/bare-roundtrip.ts), in paired rounds; the peak memory and the
 * garbage collector's share of `map` and of `argmap run` on the ×1000 file;
 * and where the ×1000 `map` spends its time, from V8's CPU profile.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { median } from './measure.js'
import { type ProcessRun, timeNode } from './processes.js'

export interface WholeRow {
  copies: number
  bytes: number
  argmapMs: number
  bareMs: number
  /** Median and worst of the rounds' argmap / bare (each round's two processes back to back). */
  ratio: number
  worstRatio: number
  rounds: number
}

export interface ProcessMemory {
  command: string
  peakRssMB: number
  /** Main-thread garbage-collection pauses over the process's lifetime (V8's gc entries). */
  gcShare: number
  ms: number
}

export interface ProfileRow {
  part: string
  ms: number
  share: number
}

export interface WholeResult {
  rows: WholeRow[]
  memory: ProcessMemory[]
  /** `--cpu-prof` of `map --format json`'s work on the ×1000 file (./map-child.ts), self time grouped by part of the pipeline. */
  profile: { copies: number; totalMs: number; parts: ProfileRow[] }
}

const bare = fileURLToPath(new URL('./bare-roundtrip.js', import.meta.url))
const mapChild = fileURLToPath(new URL('./map-child.js', import.meta.url))

function work(): string {
  try {
    return mkdtempSync(join('/dev/shm', 'argmap-bench-whole-'))
  } catch {
    return mkdtempSync(join(tmpdir(), 'argmap-bench-whole-'))
  }
}

const share = (r: ProcessRun): number => r.gcMs / r.lifeMs

/** The parts of the pipeline a profile's functions belong to, by the file that holds them (first match wins). */
const PARTS: ReadonlyArray<[string, RegExp]> = [
  ['garbage collection', /^\(garbage collector\)$/],
  ['remark / micromark (parse)', /node_modules\/(micromark|mdast-util-from-markdown|mdast-util-gfm|remark-|unified|decode-named|character-|vfile)/],
  ['learned model', /\/(dist|src)\/learn\//],
  ['rules tagger and relations', /\/(dist|src)\/(tag|relate)\//],
  ['segmentation and ids', /\/(dist|src)\/(segment|model\/ids|parse)\//],
  ['map and JSON', /\/(dist|src)\/(emit|pipeline|model)\b/],
  ['writing the output', /^(writeBuffer|writeString|writev|writeSync)$|node:(buffer|fs|internal\/fs|net|stream|internal\/stream)/],
  ['start-up (module loading)', /node:internal\/modules|^(compileFunction|internalModuleStat|readFileUtf8|realpathSync)$/],
]

function summarise(profileFile: string): { totalMs: number; parts: ProfileRow[] } {
  const p = JSON.parse(readFileSync(profileFile, 'utf8')) as {
    nodes: Array<{ id: number; callFrame: { functionName: string; url: string } }>
    samples: number[]
    timeDeltas: number[]
  }
  const selfUs = new Map<number, number>()
  p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)))
  const byPart = new Map<string, number>()
  let total = 0
  for (const n of p.nodes) {
    const us = selfUs.get(n.id) ?? 0
    if (!us) continue
    total += us
    const key = n.callFrame.url || n.callFrame.functionName
    const part = PARTS.find(([, re]) => re.test(key))?.[0] ?? 'other (idle, program, native)'
    byPart.set(part, (byPart.get(part) ?? 0) + us)
  }
  const order = [...PARTS.map(([name]) => name), 'other (idle, program, native)']
  return {
    totalMs: total / 1000,
    parts: order.filter((name) => byPart.has(name)).map((part) => ({ part, ms: byPart.get(part)! / 1000, share: byPart.get(part)! / total })),
  }
}

export function wholeProcess(repoRoot: string, op: string, copiesList: readonly number[], rounds: number): WholeResult {
  const bin = join(repoRoot, 'dist/cli/bin.js')
  const dir = work()
  try {
    const rows: WholeRow[] = []
    const files = new Map<number, string>()
    for (const copies of copiesList) {
      const file = join(dir, `op-ed-x${copies}.md`)
      writeFileSync(file, Array.from({ length: copies }, () => op).join('\n'))
      files.set(copies, file)
      timeNode(repoRoot, [bin, 'map', file, '--format', 'json'], dir, false)
      timeNode(repoRoot, [bare, file], dir, false)
      const a: number[] = []
      const b: number[] = []
      for (let r = 0; r < rounds; r++) {
        // Alternate which goes first, so a drift in the machine's speed falls on both alike.
        const pair = [() => a.push(timeNode(repoRoot, [bin, 'map', file, '--format', 'json'], dir, false).ms), () => b.push(timeNode(repoRoot, [bare, file], dir, false).ms)]
        if (r % 2) pair.reverse()
        for (const run of pair) run()
      }
      const ratios = a.map((x, i) => x / b[i]!)
      rows.push({ copies, bytes: Buffer.byteLength(readFileSync(file)), argmapMs: median(a), bareMs: median(b), ratio: median(ratios), worstRatio: Math.max(...ratios), rounds })
    }
    const big = files.get(Math.max(...copiesList))!
    const memory: ProcessMemory[] = []
    const mapRun = timeNode(repoRoot, [bin, 'map', big, '--format', 'json'], dir)
    memory.push({ command: 'argmap map FILE --format json', peakRssMB: mapRun.rssMB, gcShare: share(mapRun), ms: mapRun.ms })
    const runRun = timeNode(repoRoot, [bin, 'run', big, '--out', join(dir, 'out'), '--no-index'], dir)
    memory.push({ command: 'argmap run FILE --out DIR', peakRssMB: runRun.rssMB, gcShare: share(runRun), ms: runRun.ms })
    const profDir = join(dir, 'prof')
    // From the library's modules (./map-child.ts), not the bundled executable, so that each function's file names its part.
    const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profDir, mapChild, big], { cwd: dir, stdio: 'ignore' })
    if (r.status !== 0) throw new Error(`profiled map exited ${r.status}`)
    const profile = summarise(join(profDir, readdirSync(profDir)[0]!))
    return { rows, memory, profile: { copies: Math.max(...copiesList), ...profile } }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
