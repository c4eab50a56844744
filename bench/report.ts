/** The benchmark's result file (out/bench/latest.json), its targets (issue 6), and its two renderings. */
import type { ColdStart, CorpusRun } from './processes.js'
import type { WholeResult } from './whole.js'
import type { Stage } from './stages.js'
import { STAGES } from './stages.js'

export interface SyntheticRow {
  copies: number
  bytes: number
  parseMs: number
  parseStringifyMs: number
  argmapMs: number
  /** argmap / bare parse+stringify, the headline: the median of the per-round ratios (pairedRatio in measure.ts). */
  ratio: number
  /** The worst round's ratio (absent in results from before issue 18). */
  worstRatio?: number
  /** The same as a ratio of the two medians (absent in results from before 2026-11-28's third session). */
  ratioOfMedians?: number
  ratioToParse: number
  argmapMBps: number
  parseMBps: number
  rounds: number
}

/** One input class of bench/classes.ts, doubled four times (issue 18). */
export interface ClassRow {
  name: string
  bytes: number[]
  /** argmap's own stages after the parse (map, JSON, annotated markdown), median per size. */
  afterParseMs: number[]
  /** Growth exponent of afterParseMs against bytes; kWorst with the largest size's slowest round against the others' fastest. */
  k: number
  kWorst: number
  /** Bare remark parse+stringify's exponent over the same sizes. */
  bareK: number
  /** At the largest size: the whole pipeline and bare parse+stringify, and their paired ratio (median and worst round). */
  wholeMs: number
  bareMs: number
  ratio: number
  worstRatio: number
  rounds: number
}

/** The learned model's pipeline against the rules alone (ARGMAP_MODEL=rules), op-ed ×copies. */
export interface ModelRow {
  copies: number
  modelMs: number
  rulesMs: number
  ratio: number
  worstRatio: number
  rounds: number
}

export interface Target {
  name: string
  value: number
  limit: number
  /** `max`: value ≤ limit holds; `min`: value ≥ limit holds. */
  kind: 'max' | 'min'
  holds: boolean
  unit: string
}

export interface BenchResult {
  schema: 'argmap-bench/1'
  date: string
  machine: { cpu: string; cores: number; memoryGB: number; node: string; platform: string; loadavg: number[] }
  quick: boolean
  synthetic?: SyntheticRow[]
  exponent?: { argmap: number; parseStringify: number }
  model?: ModelRow[]
  classes?: ClassRow[]
  readmes?: {
    files: number
    bytes: number
    sha256: string
    medianRatio: number
    totalRatio: number
    p90Ratio: number
    argmapMs: number
    parseStringifyMs: number
    argmapMBps: number
    parseStringifyMBps: number
    rounds: number
  }
  stages?: { opEd100: Record<Stage, number>; readmes: Record<Stage, number>; faithful: boolean }
  memory?: { copies: number; bytes: number; units: number; peakRssMB: number; peakHeapMB: number; ms: Record<Stage, number> }
  coldStart?: ColdStart
  corpusRun?: CorpusRun
  whole?: WholeResult
  targets?: Target[]
}

function target(name: string, value: number | undefined, kind: 'max' | 'min', limit: number, unit = '×'): Target[] {
  if (value === undefined || Number.isNaN(value)) return []
  return [{ name, value, limit, kind, unit, holds: kind === 'max' ? value <= limit : value >= limit }]
}

/** The targets of issues 6 and 18 that this result measured (issue 18's limits where it set new ones). */
export function evaluate(r: BenchResult): Target[] {
  const row = (n: number) => r.synthetic?.find((s) => s.copies === n)?.ratio
  const c = r.corpusRun
  return [
    ...target('op-ed ×100: argmap / bare parse+stringify', row(100), 'max', 1.6),
    ...target('op-ed ×100, worst round', r.synthetic?.find((s) => s.copies === 100)?.worstRatio, 'max', 1.6),
    ...target('op-ed ×1000: argmap / bare parse+stringify', row(1000), 'max', 1.6),
    ...target('op-ed ×1000, worst round', r.synthetic?.find((s) => s.copies === 1000)?.worstRatio, 'max', 1.6),
    ...target('README corpus: median ratio per file', r.readmes?.medianRatio, 'max', 1.5),
    ...target('growth exponent k (1× to 1000×)', r.exponent?.argmap, 'max', 1.1, ''),
    ...target('input classes: largest k after the parse (worst round)', r.classes?.length ? Math.max(...r.classes.map((c) => c.kWorst)) : undefined, 'max', 1.1, ''),
    ...target('input classes: largest whole / bare parse+stringify (worst round)', r.classes?.length ? Math.max(...r.classes.map((c) => c.worstRatio)) : undefined, 'max', 3.0),
    ...wholeTargets(r.whole),
    ...target('peak memory, 1000× (RSS)', r.memory?.peakRssMB, 'max', 500, ' MB'),
    // Issue 18: never slower than one worker (issue 6 asked 1.7×; the notes below say why this machine cannot give it).
    ...target(`corpus run: ${c?.jobs ?? 2} workers / 1 worker throughput`, c ? (c.identical ? c.speedup : 0) : undefined, 'min', 1.0),
    ...target(`corpus run memory: ${c?.scaled.scale ?? 3}× the op-ed copies / 1× (peak RSS)`, c ? c.scaled.rssMB / c.parallelRssMB : undefined, 'max', 1.25),
    ...target('cold start: argmap map / bare node + remark-parse', r.coldStart?.ratio, 'max', 1.5),
    ...target('cold start: argmap map, worst round', r.coldStart?.worstRatio, 'max', 1.5),
    ...target('cold start: argmap --version / bare node + remark-parse', r.coldStart?.versionRatio, 'max', 1.5),
    ...target('cold start: argmap --version, worst round', r.coldStart?.versionWorstRatio, 'max', 1.5),
  ]
}

/** Issue 18's whole-process targets: `argmap map` against a bare remark process, memory and the collector's share at ×1000. */
function wholeTargets(w: WholeResult | undefined): Target[] {
  if (!w) return []
  const rows = w.rows.flatMap((x) => [
    ...target(`whole process, op-ed ×${x.copies}: argmap map / bare remark`, x.ratio, 'max', 1.6),
    ...target(`whole process, op-ed ×${x.copies}, worst round`, x.worstRatio, 'max', 1.6),
  ])
  const gc = w.profile.parts.find((p) => p.part === 'garbage collection')
  return [
    ...rows,
    ...target(`garbage collection, map ×${w.profile.copies} (share of its CPU profile)`, gc ? gc.share * 100 : 0, 'max', 15, ' %'),
    ...w.memory.map((m) => target(`peak RSS, ${m.command.split(' ').slice(0, 2).join(' ')} ×${w.profile.copies}`, m.peakRssMB, 'max', 500, ' MB')).flat(),
  ]
}

const f1 = (x: number) => x.toFixed(1)
const ordinal = (n: number) => (n === 2 ? 'second' : n === 3 ? 'third' : `${n}th`)
const f2 = (x: number) => x.toFixed(2)
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : x >= 10 ? `${x.toFixed(0)} ms` : `${x.toFixed(2)} ms`)
const mb = (bytes: number) => (bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`)

function table(head: string[], rows: string[][]): string {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const line = (r: string[]) => `| ${r.map((c, i) => (i ? c.padStart(w[i]!) : c.padEnd(w[i]!))).join(' | ')} |`
  return [line(head), `| ${w.map((n, i) => (i ? `${'-'.repeat(n - 1)}:` : '-'.repeat(n))).join(' | ')} |`, ...rows.map(line)].join('\n')
}

function stageTable(s: NonNullable<BenchResult['stages']>, parse: { opEd100?: number; readmes?: number }): string {
  const tot = (x: Record<Stage, number>) => STAGES.reduce((a, k) => a + x[k], 0)
  const t1 = tot(s.opEd100)
  const t2 = tot(s.readmes)
  const cell = (x: number, t: number, p?: number) => `${ms(x)} (${((100 * x) / t).toFixed(0)}%${p ? `, ${f2(x / p)}× parse` : ''})`
  return table(
    ['stage', 'op-ed ×100', 'README corpus'],
    [
      ...STAGES.map((k) => [k, cell(s.opEd100[k], t1, parse.opEd100), cell(s.readmes[k], t2, parse.readmes)]),
      ['total', ms(t1), ms(t2)],
    ],
  )
}

/** What profiling showed and what was changed for it: fixed text, after the stage table. */
const PROFILE_NOTES = `What the profiles (\`node --cpu-prof\`) showed, and what was done about it:

- **Issue 18 with the learned model as the default (2026-12-05).** Paired in one process against the build
  the session started from, output byte-identical throughout (every corpus document and the synthetic inputs,
  with the model and with the rules): op-ed ×1000 0.60 of the time (2.60× bare parse+stringify in that run,
  from 4.48×), op-ed ×100 0.69, one long line of short sentences 0.55. What it took:
  - *The model's features* were about sixty template strings per unit and fifteen per candidate link, each
    looked up in a map. They are now integer keys fed one at a time into the scorer, their names made once per
    value (tables for the finite families, memos for rule signals); weights are flat arrays resolved at load;
    each explanation (\`para=first +1.42\`) is made once per feature and class and the top ones picked by
    insertion; content words are read off the characters into a per-document table of ids (sorted, so an
    overlap is a merge), only for the units the rules keep; how a unit ends is read backwards from its end (the
    end-anchored expressions were tried at every position). \`model.apply\` on the op-ed ×100, warm: 192 → 23 ms;
    allocation per analysis of the op-ed ×100: 168 → 61 MB (the rules alone: 49 MB).
  - *The tagger*: the word table marks a text's stems by index (no Set per long text), rules return shared
    frozen results for their usual outcome, signal strings are made once per phrase, expressions written inside
    per-unit functions became module constants, signal lists are made at their length, and the features are
    not kept past tagging (the relation finder takes the tagger's plan), so they no longer live through the
    emitters. Tag and relate: 0.54 to 0.80 of their CPU time; allocation per unit 5.8 → 2.8 kB.
  - *The trailer*: the model's signals hold a space (\`words<=2 +1.55\`), which sent every one of them down the
    field encoder's per-character Unicode path, most of the annotated markdown's time at ×1000; ASCII fields are
    now encoded in one pass by a table made from the encoder itself, and each data line is joined from an array
    (0.56 of the trailer's time at ×1000).
  - *Outputs in pieces*: \`map --format json\` writes the JSON in pieces of about 100 kB as standard output
    drains (a pipe takes 64 kB at a time and Node queued the rest), \`argmap run\` renders a document's outputs
    one at a time and writes the JSON and the page in pieces, and \`annotate\` parses once (it parsed the
    annotated text again: twice the CPU of \`map\`). Peak RSS on the op-ed ×1000: \`map\` 749 → about 360 MB,
    \`run\` 1192 → 430 MB, \`annotate\` 1528 → 755 MB.
  - *Start*: the command line is bundled by rolldown (Node 20 spends about a third of a millisecond of CPU on each
    ES module, and \`map\` loaded some 270); \`--version\` needs no command parser; \`map\` and \`annotate\` load
    the review code only when a sidecar may exist; one tagger expression (\`JUDGEMENT\`) that V8 unrolled three
    times compiles in 1 ms instead of 19, and loading the word table stopped rebuilding it per phrase list.
  - *Left*: the garbage collector. Forced collections (the in-process figures call \`gc()\` before each timed
    run on the large inputs, so that one run's garbage is not the next one's cost) deoptimise the hot code
    (\`--trace-deopt\`: "weak objects"), so those runs measure it partly unoptimised; the whole-process figures
    have no forced collections. The unit-dense classes (one long line, a paragraph without full stops: a unit
    every 18 to 25 bytes) cost per unit what the op-ed costs per unit, and bare remark spends almost nothing on
    them: every unit has a map entry with its signals and a relation with its own (about 1 kB of JSON per unit,
    against 25 bytes of input), an id hashed from its text and a place in the annotated file's trailer.

- **GFM parse.** remark-gfm's autolink-literal construct tries itself at every letter of every text run: a GFM
  parse of prose cost 2.3× a bare parse. Literals are now found after parsing by the mdast transform remark-gfm
  also runs, with positions added (\`src/parse/gfm.ts\`), and a document without a \`|\` skips the table
  construct, which otherwise reads the first line of every paragraph (for prose, the whole paragraph) before
  failing. Strikethrough (whose resolver walks every inline span's events, about 5% of a parse of prose),
  footnotes and task list items are likewise registered only when the source has a \`~\`, \`[^\` or \`[\`.
  Paired with bare remark-parse in one process, parsing the op-ed ×300 now takes 1.00 to 1.06× its time (the
  stage table's "× parse" sets times from different parts of the run side by side); the trees are the same as
  remark-gfm's (tested on the spec examples, footnote documents and every README).
- **Annotate's verifying parse.** On READMEs it re-parsed half the text: lists, and paragraphs whose units hold
  a link. It now also skips lists and block quotes whose marks read back in their paragraphs, and units whose
  brackets balance (README corpus: 1.9 s to 0.8 s; the output is the full verification's, tested on every
  fixture, the spec examples and 600 generated documents).
- **Review pages.** dagre's layout was a third of a corpus run; the map is a forest, so a linear tidy-tree
  layout replaced it, and the page reuses the document's parse. HTML escaping tests for a special character
  before replacing (2.6× faster on a page's strings, most of which have none).
- **Smaller things.** A text node that is its source verbatim is placed in one step; the sentence splitter
  jumps between terminal marks; ids hash with one-shot SHA-1 and normalise curly-quoted prose on the ASCII
  path; \`plainish\` and the trailer's fields skip work on plain text; the tagger's word lists are cached per
  text.
- **Tagger.** One pass over a unit's words sets a bit per word group, and the larger rule expressions run only
  when the words they need are there; the relation finder reuses the tagger's structure plan instead of
  planning again (relate: about 10 ms to 1 ms on the op-ed ×100). The guards, the phrase matchers' first words
  and the stemmer each looked every word up in a map of their own; one word table
  (\`src/tag/lexicon/tokens.ts\`) now holds all three, and a text's words are found in it by a hash of their
  characters in one pass over the text, so a known word costs no new string. A document's features are kept
  once per document instead of in a weak map entry per unit. Together the tag stage takes 0.88 of its earlier
  time at 1000 copies, 0.90 at 100 and 0.83 at 30 (paired runs of the stage alone against the build before). The output is unchanged
  (every fixture, both gold files' figures, and a digest of the maps of every README in \`node_modules\`).
- **Allocation.** A sampling allocation profile (V8's, counting objects the collector has already freed) put
  a sixth of the pipeline's allocation in segmentation's per-character offset arrays: they are now written
  into Int32Arrays kept between blocks (a verbatim text node's offsets as one run), and a block's are views of
  them, not copies (a copy per block was a third of a million small buffers outside the heap on the op-ed
  ×1000; segmentation: 0.91 of the time there, 0.88 at ×100). Ids normalise ASCII text in one pass into a byte buffer instead of a chain of replaces, a
  sentence's white space is folded only when it has any to fold, the display forest (every annotated file's
  trailer outline) works on unit indices instead of maps and sets per unit, the tagger's features share one
  empty list and keep their content stems as arrays of shared strings instead of a Set each (what the tagger
  keeps on the 1000-copy document: 80 MB to 48 MB, promoted by young collections: 64 MB to 47 MB), a source without \`@\`, \`://\` or \`www.\` skips the autolink-literal transform, and a map
  already in contract order is written as JSON without being copied first. Allocation per op-ed ×100 run went
  from 182 MB to 123 MB. Run against the session's starting build in the same process, alternating, the op-ed
  ×1000 pipeline took 0.88 of the time (3.39 s against 3.92 s, bare parse+stringify 1.72 s in that run).
- **Left: size.** On the 1000-copy document the collector takes about a fifth of the time: what a run keeps
  until its end (the tree, the segments, the tagger's features, 48 MB of them, and the two output strings, 35
  and 23 million characters, whose pieces live until they are joined) is copied by young collections and
  marked by old ones. With a larger young
  generation (\`--max-semi-space-size=64\`) the collector's share fell by a quarter; argmap does not set V8
  flags for its users, so the figures are with the defaults. The tagger's per-unit rules (dozens of regular
  expressions and phrase matchers a unit) are the largest stage after parsing. Bare remark gets cheaper per
  byte on the larger input (in a run on 2026-11-28, 1000 copies took bare parse+stringify 5.4 times as long as 100
  copies, argmap 7.3 times), so the 1000-copy ratio is the higher one. This machine's speed drifts by a fifth
  over minutes (the same pipeline call took 2.8 to 4.1 s on the 1000-copy document in one process), so the
  ratios are the median of per-round ratios, argmap and bare timed in the same round; as a ratio of two medians
  a run could pair one's fast phase with the other's slow one (four full runs on 2026-11-28 read 2.20×, 2.43×,
  2.17× and 2.28× that way, a fifth 1.81×). Paired, three runs after the parse and segmentation changes read
  2.12×, 2.09× and 2.15×; five after the tagger's word table 1.93×, 2.07×, 2.13×, 2.00× and 1.90×; five after
  the segmentation change (the run above among them) 1.90×, 2.05×, 1.99×, 1.94× and 1.84×: the ratio sits at
  the limit. What is left is spread thin: no function of argmap's own takes
  more than 5% of the 1000-copy run. Tried and dropped, as slower or not measurably faster in paired runs: joining the
  trailer's lines in chunks (0.91× the time at 1000 copies, 1.22× at 100), writing the JSON in chunks (1.19×
  at 1000, 1.63× at 100), one-pass character
  checks instead of the tagger's and outline's pre-check expressions, and gathering rule signals without
  \`concat\`.
- **Corpus run.** The main thread now sends paths only: each worker reads, maps and writes a batch of 8
  documents per task (tinypool reads the process's memory use from /proc after every task, and a message goes
  each way), outputs that already hold the same bytes are not rewritten, and the output folder is made only when
  missing. On a 1066-file corpus on disk, 2 workers went from 1.1× to 1.4× one worker's throughput.
- **Left: workers.** The CPU split by thread (below) is the limit: one worker keeps the second core busy too. \`perf\`
  puts a quarter of all CPU samples of a one-worker run in TurboFan (V8's optimising compiler, mostly its escape
  analysis) on V8's background threads; the garbage collector's helpers add a little. A second worker is a
  second isolate that compiles the same code again, on the core the first one's compiler had to itself. Pure
  compute shows it with no file system at all: 1000 op-ed maps in one thread took 5.4 s of wall time and 7.2 s
  of CPU; on two threads, 500 each, 5.0 to 5.5 s and 10 s of CPU. V8 flags that compile less
  (\`--no-turbo-escape\`, smaller inlining budgets, \`--maglev\`, \`--single-threaded-gc\`) moved the figures
  less than the run-to-run noise. Five full runs on 1148 files read 1.28×, 1.06×, 0.88×, 1.07× and 1.05×. The
  benchmark now also times two separate one-worker processes, each on every second file, started together:
  they share nothing (no isolate, no pool, no main thread), and still reach only 1.13× to 1.33× one process's
  throughput on 1148 files (the pool: 1.11× to 1.22× in the same runs), and 1.05× and 0.99× in two later
  runs, 1.05× and 1.02× in two more (the pool: 1.08×, 1.01×, 1.04× and, in the run above, 0.99×). On 5148 files on the RAM disk, 2
  workers reached 1.42×: a worker's compile is a fixed cost, but the collector's helper threads and memory
  bandwidth are shared for the whole run. The cores themselves are real: a pure integer loop in two processes
  at once runs as fast as one alone (2.0×), but a loop that allocates and keeps objects reaches 1.68×, and
  argmap on 3000 op-ed copies alone (no READMEs) 1.40× to 1.61×. In a one-worker run of the 1148 files,
  \`--trace-opt\` counts about 950 optimising compiles of 440 functions, half of the compile time spent
  compiling again after a deoptimisation, and 600 of them while the 148 READMEs run (their tables, lists and
  code reach code paths the op-ed did not): each isolate pays that again. On this 2-core machine the pool is
  at the ceiling that independent processes set; 1.7× would need a one-worker run that keeps a single core busy.`

/** How to run a corpus on all cores and across machines: fixed text, after the figures. */
const SCALING = `### Many files, many cores, many machines

\`argmap run\` maps files on worker threads, \`--jobs N\` of them (default: one per 1.5 available cores, so one on 2 cores; \`--jobs 1\` maps in the main thread). One worker keeps about 1.4 cores busy, the rest being V8's compiler and collector threads, so on 2 cores a second worker has little to gain: two reached 0.77× to 1.1× one worker's throughput over the runs measured, and two separate processes, which share nothing, about the same (the corpus run below), so the default stays at one there and the output is the same for any N. The main thread hands out paths in batches of 8 as workers free up (at most 4 batches per worker in flight); each worker reads its documents, maps them and writes their outputs (atomically, all or none; an output that already holds the same bytes is left alone, so a re-run over an unchanged corpus rewrites nothing), and documents are reported and indexed in input order, so the output is byte for byte the same for any N and memory does not grow with the corpus. If a worker dies, its batch is run again one document at a time, so only a document that fails again is reported as failed.

\`argmap run --jsonl\` streams instead: it reads JSON lines \`{"id": ..., "text": ...}\` from standard input and writes one map per line to standard output, in input order (the map of \`argmap map --format json\`, compact, with \`source.path\` set to the id). A line that cannot be mapped (not JSON, no string \`text\`, invalid UTF-8, longer than \`--max-size\`) gives an error line in its place, \`{"id": <id or null>, "line": <input line>, "error": "<message>"}\`, and the command exits 1 after the last line; blank lines are skipped. Memory is bounded: lines are read only as workers free up (handed on in batches of up to 8 of the lines already read, never held back to wait for more input), and output waits for the reader. So any engine that can pipe a shard through a command can spread a corpus over machines; with GNU split and parallel:

\`\`\`sh
split -n l/8 -d docs.jsonl shard-                     # 8 shards of whole lines
parallel -S host1,host2 --transferfile {} --return {}.maps --cleanup \\
  'argmap run --jsonl < {} > {}.maps' ::: shard-*    # argmap on each host's PATH
cat shard-*.maps > maps.jsonl                        # same lines, same order as one run
# or on one machine, one stream: parallel --pipe --keep-order -N 500 'argmap run --jsonl --jobs 1' < docs.jsonl > maps.jsonl
\`\`\`

\`test/jsonl-parallel.test.ts\` runs the one-stream form (two jobs, \`--pipe --keep-order\`) on the op-ed and a dozen corpus files and checks the output is byte-identical to one \`argmap run --jsonl\`; it is skipped, with one line saying so, where GNU parallel is not installed (\`.ci/run\` installs it).

A Spark or Beam job does the same per partition (\`rdd.pipe("argmap run --jsonl --jobs 1")\`): maps carry their id, so partitions can be joined back to their documents.`

/** When, where and how it was measured: one paragraph. */
function measuredOn(r: BenchResult): string {
  const m = r.machine
  return `Measured by \`npm run bench\` on ${r.date.slice(0, 10)}: ${m.cores} cores (${m.cpu}), ${m.memoryGB} GB, Node ${m.node}, ${m.platform}` +
    ` (load average ${m.loadavg.join(', ')} when it started${r.quick ? '; quick mode' : ''}).`
}

function targetTable(targets: Target[]): string {
  return table(
    ['target (issues 6, 18)', 'measured', 'limit', ''],
    targets.map((t) => [t.name, `${t.unit === ' MB' || t.unit === ' %' ? f1(t.value) : f2(t.value)}${t.unit}`, `${t.kind === 'max' ? '≤' : '≥'} ${t.limit}${t.unit}`, t.holds ? 'holds' : '**misses**']),
  )
}

/** Markdown for the README's Performance section (between the bench markers): the targets, and how to scale out. */
export function summary(r: BenchResult): string {
  const out: string[] = ['## Performance']
  out.push(`${measuredOn(r)} Every figure, where the time goes and the notes on each reading: [docs/performance.md](docs/performance.md).`)
  if (r.targets?.length) out.push(targetTable(r.targets))
  out.push(SCALING)
  return `${out.join('\n\n')}\n`
}

/** Markdown for docs/performance.md: every figure of the run, the stage profile and the notes. */
export function markdown(r: BenchResult): string {
  const out: string[] = ['# Performance']
  out.push(
    `${measuredOn(r)} ` +
      'Times are medians of interleaved runs in one process, and a ratio of argmap to bare is the median of the rounds\' ratios (the two runs of a round are back to back, so the machine\'s drift between rounds cancels); "bare" is `unified().use(remarkParse)` (+ `remark-stringify`), ' +
      "argmap is the issue's full pipeline as `argmap run` runs it per document: parse (with GFM and front matter), segment, tag, relate, the JSON map and the annotated markdown (the HTML review page that `argmap run` also writes is not timed here; the corpus run below includes it). Source: `out/bench/latest.json`.",
  )
  if (r.targets?.length) out.push(targetTable(r.targets))
  if (r.synthetic) {
    out.push(
      table(
        ['input', 'size', 'bare parse', 'bare parse+stringify', 'argmap', 'argmap / parse+stringify', 'worst round', 'argmap MB/s'],
        r.synthetic.map((s) => [
          `op-ed ×${s.copies}`,
          mb(s.bytes),
          ms(s.parseMs),
          ms(s.parseStringifyMs),
          ms(s.argmapMs),
          `${f2(s.ratio)}×`,
          s.worstRatio === undefined ? '' : `${f2(s.worstRatio)}×`,
          f2(s.argmapMBps),
        ]),
      ),
    )
    if (r.exponent) out.push(`Growth: time ∝ size^k with k = ${f2(r.exponent.argmap)} for argmap (${f2(r.exponent.parseStringify)} for bare parse+stringify), fitted from ×1 to ×1000.`)
  }
  if (r.whole) {
    const w = r.whole
    out.push(
      'Whole processes, as a user runs them: `argmap map FILE --format json` (output to /dev/null) against `node bench/bare-roundtrip.js FILE`, a bare node process that reads the file, parses and stringifies it with remark and writes the result; spawn to exit, paired rounds alternating which goes first:',
    )
    out.push(
      table(
        ['input', 'size', 'bare remark', 'argmap map', 'argmap / bare', 'worst round', 'rounds'],
        w.rows.map((x) => [`op-ed ×${x.copies}`, mb(x.bytes), ms(x.bareMs), ms(x.argmapMs), `${f2(x.ratio)}×`, `${f2(x.worstRatio)}×`, String(x.rounds)]),
      ),
    )
    out.push(
      `Memory and the garbage collector on the op-ed ×${w.profile.copies}, one process each (peak RSS from the OS; GC: the main thread's collection pauses over the process's life, from V8's gc entries):`,
    )
    out.push(table(['command', 'peak RSS', 'GC pauses', 'wall'], w.memory.map((m) => [`\`${m.command}\``, `${f1(m.peakRssMB)} MB`, `${f1(m.gcShare * 100)} %`, ms(m.ms)])))
    out.push(`Where \`argmap map --format json\` on the op-ed ×${w.profile.copies} spends its time (\`node --cpu-prof\` of \`bench/map-child.ts\`, the command's work from the library's unbundled modules, self time grouped by the file each function is in; ${ms(w.profile.totalMs)} sampled):`)
    out.push(table(['part', 'time', 'share'], w.profile.parts.map((p) => [p.part, ms(p.ms), `${f1(p.share * 100)} %`])))
  }
  if (r.model?.length) {
    out.push(
      'The learned model path (the default) against the rules alone (`ARGMAP_MODEL=rules`, `--model rules`), the whole pipeline on both sides; ratio = model / rules, median of the rounds and the worst round:',
    )
    out.push(
      table(
        ['input', 'model', 'rules', 'model / rules', 'worst round', 'rounds'],
        r.model.map((m) => [`op-ed ×${m.copies}`, ms(m.modelMs), ms(m.rulesMs), `${f2(m.ratio)}×`, `${f2(m.worstRatio)}×`, String(m.rounds)]),
      ),
    )
  }
  if (r.classes?.length) {
    out.push(
      'Input classes (issue 18; `bench/classes.ts`), each doubled four times. k: growth of argmap\'s own work after the parse (map, JSON, annotated markdown) against bytes, from the medians and from the worst round (largest size\'s slowest round against the others\' fastest); bare k: remark parse+stringify over the same sizes. At the largest size, the whole pipeline against bare parse+stringify (paired rounds: median and worst). `test/linear-work.test.ts` counts the work of the same classes (characters and array elements visited), so a quadratic stage fails the suite without a clock.',
    )
    out.push(
      table(
        ['class', 'largest', 'after parse', 'k', 'k worst', 'bare k', 'whole / bare', 'worst round'],
        r.classes.map((c) => [
          c.name,
          mb(c.bytes.at(-1)!),
          ms(c.afterParseMs.at(-1)!),
          f2(c.k),
          f2(c.kWorst),
          f2(c.bareK),
          `${f2(c.ratio)}×`,
          `${f2(c.worstRatio)}×`,
        ]),
      ),
    )
  }
  if (r.readmes) {
    const x = r.readmes
    out.push(
      `README corpus (every distinct README.md under node_modules, ${x.files} files, ${mb(x.bytes)}): per-file ratio argmap / bare parse+stringify median ${f2(x.medianRatio)}× (90th percentile ${f2(x.p90Ratio)}×), ` +
        `whole corpus ${f2(x.totalRatio)}×; ${f2(x.argmapMBps)} MB/s against ${f2(x.parseStringifyMBps)} MB/s bare.`,
    )
  }
  if (r.stages) {
    const p100 = r.synthetic?.find((s) => s.copies === 100)?.parseMs
    out.push(
      `Where the time goes (one clock around each stage; "× parse" is against bare remark-parse on the same input${r.stages.faithful ? '' : '; **the staged run differs from the pipeline**'}):`,
    )
    out.push(stageTable(r.stages, { opEd100: p100 }))
    out.push(PROFILE_NOTES)
  }
  if (r.memory) {
    out.push(`Memory, op-ed ×${r.memory.copies} (${mb(r.memory.bytes)}, ${r.memory.units} units) in a fresh process: peak RSS ${f1(r.memory.peakRssMB)} MB, peak heap ${f1(r.memory.peakHeapMB)} MB.`)
  }
  if (r.corpusRun) {
    const c = r.corpusRun
    // With one worker the documents are mapped on the main thread: what is left over is rounding of /proc's 10 ms ticks.
    const cores = (split: { main: number; workers: number; background: number }, wall: number, workers: boolean): string =>
      `main thread ${ms(split.main)}, ${workers ? `workers ${ms(Math.max(0, split.workers))}, ` : ''}V8's background threads ${ms(split.background)} (${f2((split.main + Math.max(0, split.workers) + split.background) / wall)} cores busy)`
    const t = c.threads
    out.push(
      `Corpus run (\`argmap run\`, timed from spawn to exit; ${c.files} files = ${c.opEdCopies} op-ed copies + ${c.readmes} READMEs, ${mb(c.bytes)}` +
        `${c.onRamDisk ? ', corpus and outputs on a RAM disk so that the disk is not what is measured' : ''}): ` +
        `1 worker ${ms(c.singleMs)}, ${c.jobs} workers ${ms(c.parallelMs)}: ${f2(c.speedup)}× the throughput, output ${c.identical ? 'byte-identical' : '**different**'}. ` +
        (c.separate
          ? `For reference, ${c.jobs} separate one-worker processes, each on every ${ordinal(c.jobs)} file, started together: ${ms(c.separate.ms)}, ${f2(c.separate.speedup)}× one worker's throughput ` +
            `(they share nothing, no isolate, pool or main thread: about the most a pool of ${c.jobs} workers in one process can hope for on this machine). `
          : '') +
        `CPU time by thread: with 1 worker ${cores(t.single, c.singleMs, false)}; with ${c.jobs} workers ${cores(t.parallel, c.parallelMs, true)} ` +
        `(load average ${c.loadavg[0]} before, ${c.loadavg[1]} after, from other processes). ` +
        `Peak RSS ${f1(c.singleRssMB)} MB (1 worker), ${f1(c.parallelRssMB)} MB (${c.jobs} workers), ${f1(c.scaled.rssMB)} MB on ${c.scaled.files} files (${c.scaled.scale}× the op-ed copies).`,
    )
  }
  if (r.coldStart) {
    const c = r.coldStart
    out.push(
      `Cold start (${c.runs} rounds, each starting the three processes back to back in a rotating order; ratios per round): \`argmap map\` on the op-ed ${ms(c.argmapMs)} against ${ms(c.bareMs)} for \`node\` importing unified and remark-parse and parsing it: ` +
        `${f2(c.ratio)}× (worst round ${f2(c.worstRatio)}×; CPU time ${f2(c.cpu.ratio)}×, worst ${f2(c.cpu.worstRatio)}×); \`argmap --version\` ${ms(c.versionMs)}, ${f2(c.versionRatio)}× (worst ${f2(c.versionWorstRatio)}×; CPU ${f2(c.cpu.versionRatio)}×).`,
    )
  }
  return `${out.join('\n\n')}\n`
}

/** Plain text for the terminal. */
export function render(r: BenchResult): string {
  return `\nargmap benchmark\n================\n\n${markdown(r).replace(/^# Performance\n\n/, '')}`
}
