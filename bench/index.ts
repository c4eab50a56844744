/**
 * `npm run bench`: how argmap's cost compares with remark's own, how it grows
 * with size, where the time goes, memory, corpus runs on all cores, and cold
 * start. Prints a report and writes out/bench/latest.json, from which
 * `npm run bench:readme` writes the README's Performance section.
 *
 * Flags: --quick (fewer rounds, smaller corpus run; for development),
 *        --only=synthetic,model,classes,readmes,stages,memory,whole,cold,corpus
 */
import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import remarkParse from 'remark-parse'
import remarkStringify from 'remark-stringify'
import { unified } from 'unified'
import { annotate } from '../src/emit/annotated.js'
import { toJSON } from '../src/emit/json.js'
import { parseMarkdown } from '../src/parse/index.js'
import { analyze } from '../src/pipeline.js'
import { INPUT_CLASSES } from './classes.js'
import { opEd, readmeCorpus, repeated } from './inputs.js'
import { compare, exponent, mbps, median, now, pairedRatio, type Timing } from './measure.js'
import { coldStart, corpusRun, snapshotBuild } from './processes.js'
import { type BenchResult, evaluate, render } from './report.js'
import { stageProfile } from './stages.js'
import { wholeProcess } from './whole.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const args = process.argv.slice(2)
const quick = args.includes('--quick')
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',')
const want = (section: string): boolean => !only || only.includes(section)
const log = (s: string): void => void process.stderr.write(`${s}\n`)

const bare = unified().use(remarkParse).use(remarkStringify)
const bareParse = (s: string) => () => bare.parse(s)
const bareRoundTrip = (s: string) => () => bare.stringify(bare.parse(s))
/** argmap's own work after the parse (the tree is parsed once, outside the clock): map, JSON, annotated markdown. */
const afterParse = (s: string) => {
  const parsed = parseMarkdown(s)
  return () => {
    const map = analyze(s, { path: 'bench.md' }, parsed)
    return toJSON(map).length + annotate(s, map, parsed).length
  }
}
/** The full pipeline on the rules alone (ARGMAP_MODEL=rules, `--model rules`): what the learned model path costs on top. */
const fullRules = (s: string) => () => {
  const parsed = parseMarkdown(s)
  const map = analyze(s, { path: 'bench.md', model: 'rules' }, parsed)
  return toJSON(map).length + annotate(s, map, parsed).length
}
/** The worst round's a/b (the rounds' ratios, paired as in pairedRatio). */
const worstRatio = (a: { times: number[] }, b: { times: number[] }): number => Math.max(...a.times.map((x, i) => x / b.times[i]!))

/** The full pipeline, as `argmap run` does it per document (src/engine/render.ts): map (parse, segment, tag, relate), JSON, annotated markdown. The review page run also renders is not timed. */
const full = (s: string) => () => {
  const parsed = parseMarkdown(s)
  const map = analyze(s, { path: 'bench.md' }, parsed)
  return toJSON(map).length + annotate(s, map, parsed).length
}

const op = opEd(repoRoot)
const result: BenchResult = {
  schema: 'argmap-bench/1',
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadavg: loadavg().map((x) => Math.round(x * 100) / 100),
  },
  quick,
}

if (want('synthetic')) {
  result.synthetic = []
  for (const copies of [1, 10, 100, 1000]) {
    const src = repeated(op, copies)
    const bytes = Buffer.byteLength(src)
    log(`synthetic ×${copies} (${(bytes / 1e6).toFixed(2)} MB)…`)
    const big = copies >= 1000
    const t = compare(
      { parse: bareParse(src), parseStringify: bareRoundTrip(src), argmap: full(src) },
      big
        ? { warmup: 1, minRounds: quick ? 1 : 9, maxRounds: quick ? 1 : 9, budgetMs: 0, gc: true }
        : { minRounds: quick ? 3 : 7, budgetMs: quick ? 1000 : copies >= 100 ? 8000 : 3000, gc: copies >= 100 },
    )
    result.synthetic.push({
      copies,
      bytes,
      parseMs: t.parse!.median,
      parseStringifyMs: t.parseStringify!.median,
      argmapMs: t.argmap!.median,
      ratio: pairedRatio(t.argmap!, t.parseStringify!),
      worstRatio: worstRatio(t.argmap!, t.parseStringify!),
      ratioOfMedians: t.argmap!.median / t.parseStringify!.median,
      ratioToParse: t.argmap!.median / t.parse!.median,
      argmapMBps: mbps(bytes, t.argmap!.median),
      parseMBps: mbps(bytes, t.parse!.median),
      rounds: t.argmap!.samples,
    })
  }
  const pts = (k: 'argmapMs' | 'parseStringifyMs') => result.synthetic!.map((s) => [s.bytes, s[k]] as [number, number])
  result.exponent = { argmap: exponent(pts('argmapMs')), parseStringify: exponent(pts('parseStringifyMs')) }
}

if (want('model')) {
  result.model = []
  for (const copies of [100, 1000]) {
    const src = repeated(op, copies)
    log(`model path against rules, op-ed ×${copies}…`)
    const big = copies >= 1000
    const t = compare(
      { model: full(src), rules: fullRules(src) },
      { warmup: 1, minRounds: quick ? 1 : big ? 5 : 7, maxRounds: quick ? 1 : big ? 5 : 15, budgetMs: big ? 0 : 6000, gc: true },
    )
    result.model.push({
      copies,
      modelMs: t.model!.median,
      rulesMs: t.rules!.median,
      ratio: pairedRatio(t.model!, t.rules!),
      worstRatio: worstRatio(t.model!, t.rules!),
      rounds: t.model!.samples,
    })
  }
}

if (want('classes')) {
  result.classes = []
  for (const c of INPUT_CLASSES) {
    const sizes = [1, 2, 4, 8, 16].map((m) => c.benchN * m)
    const rounds = quick ? 2 : 3
    log(`input class: ${c.name} (n = ${sizes.join(', ')})…`)
    const per: Array<{ bytes: number; times: number[]; bare: number }> = []
    let largest: Record<string, Timing> = {}
    for (const [i, n] of sizes.entries()) {
      const src = c.build(n)
      const last = i === sizes.length - 1
      const t = compare(
        last ? { after: afterParse(src), whole: full(src), bare: bareRoundTrip(src) } : { after: afterParse(src), bare: bareRoundTrip(src) },
        { warmup: 1, minRounds: rounds, maxRounds: rounds, budgetMs: 0, gc: true },
      )
      per.push({ bytes: Buffer.byteLength(src), times: t.after!.times, bare: t.bare!.median })
      if (last) largest = t
    }
    const k = exponent(per.map((p) => [p.bytes, median(p.times)]))
    // The worst round: each size's slowest round (the fit that a bad round can tilt most).
    const kWorst = Math.max(k, exponent(per.map((p, i) => [p.bytes, i === per.length - 1 ? Math.max(...p.times) : Math.min(...p.times)])))
    result.classes.push({
      name: c.name,
      bytes: per.map((p) => p.bytes),
      afterParseMs: per.map((p) => median(p.times)),
      k,
      kWorst,
      wholeMs: largest.whole!.median,
      bareMs: largest.bare!.median,
      ratio: pairedRatio(largest.whole!, largest.bare!),
      worstRatio: worstRatio(largest.whole!, largest.bare!),
      bareK: exponent(per.map((p) => [p.bytes, p.bare])),
      rounds,
    })
  }
}

const readmes = readmeCorpus(repoRoot)
if (want('readmes')) {
  const files = readmes.files
  log(`README corpus: ${files.length} files…`)
  const rounds = quick ? 2 : 5
  const a: number[][] = files.map(() => [])
  const b: number[][] = files.map(() => [])
  for (let r = -1; r < rounds; r++) {
    files.forEach((f, i) => {
      const order = (r + i) % 2 ? [0, 1] : [1, 0]
      for (const which of order) {
        const t = now()
        if (which === 0) full(f.text)()
        else bareRoundTrip(f.text)()
        if (r >= 0) (which === 0 ? a : b)[i]!.push(now() - t)
      }
    })
  }
  const am = a.map(median)
  const bm = b.map(median)
  const bytes = files.reduce((s, f) => s + f.bytes, 0)
  const argmapMs = am.reduce((s, x) => s + x, 0)
  const parseStringifyMs = bm.reduce((s, x) => s + x, 0)
  const ratios = am.map((x, i) => x / bm[i]!)
  result.readmes = {
    files: files.length,
    bytes,
    sha256: readmes.sha256,
    medianRatio: median(ratios),
    totalRatio: argmapMs / parseStringifyMs,
    p90Ratio: [...ratios].sort((x, y) => x - y)[Math.floor(ratios.length * 0.9)]!,
    argmapMs,
    parseStringifyMs,
    argmapMBps: mbps(bytes, argmapMs),
    parseStringifyMBps: mbps(bytes, parseStringifyMs),
    rounds,
  }
}

if (want('stages')) {
  log('stage profile…')
  const rounds = quick ? 1 : 3
  const opEd100 = stageProfile([repeated(op, 100)], rounds)
  const corpus = stageProfile(
    readmes.files.map((f) => f.text),
    rounds,
  )
  result.stages = { opEd100: opEd100.ms, readmes: corpus.ms, faithful: opEd100.faithful && corpus.faithful }
}

if (want('memory')) {
  log('memory, 1000× in a child process…')
  const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(new URL('./memory.js', import.meta.url)), '1000'], { encoding: 'utf8', maxBuffer: 1 << 24 })
  if (r.status !== 0) throw new Error(`memory child failed: ${r.stderr}`)
  result.memory = JSON.parse(r.stdout)
}

const build = want('cold') || want('corpus') || want('whole') ? snapshotBuild(repoRoot) : null
try {
  if (build && want('whole')) {
    log('whole processes: argmap map against bare remark, op-ed ×100 and ×1000; memory, GC and the ×1000 profile…')
    result.whole = wholeProcess(build.root, op, [100, 1000], quick ? 2 : 7)
  }
  if (build && want('cold')) {
    log('cold start…')
    result.coldStart = coldStart(build.root, join(repoRoot, 'corpus/china-north-korea.md'), quick ? 5 : 15)
  }
  if (build && want('corpus')) {
    const jobs = Math.max(2, availableParallelism())
    log(`corpus run, 1 worker vs ${jobs}…`)
    // A thousand copies: a corpus of the size users run. Every worker is an isolate that compiles the hot code anew
    // (seconds of V8's background CPU), so the ratio grows with the corpus; the separate-process reference shows the machine's own ceiling.
    result.corpusRun = corpusRun(build.root, op, readmes.files, quick ? 100 : 1000, jobs, quick ? 1 : 3, 3)
  }
} finally {
  build?.remove()
}

result.targets = evaluate(result)
const outDir = join(repoRoot, 'out/bench')
mkdirSync(outDir, { recursive: true })
const file = only ? join(outDir, 'partial.json') : join(outDir, 'latest.json')
writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`)
process.stdout.write(render(result))
log(`wrote ${file}`)
