import { resolve } from 'node:path'
import { Command, CommanderError, Option } from 'commander'
import type { ArgumentMap } from '../model/types.js'
import { EXIT, parseCount, parseSize, processIo } from './context.js'
import { VERSION } from './version.js'

/**
 * The thin CLI (started by ./bin.ts): flags in, a library call, text out.
 * Heavy modules (the pipeline, evaluation, diff, review, browser layout) are
 * imported only by the commands that need them, so `argmap map` starts fast,
 * and `--help` loads no more than commander (issue 18: start).
 */
const io = processIo()

// A reader that goes away before the end (`argmap map x.md | head`) is not a crash: stop quietly, as
// Unix tools do. Without this handler, EPIPE was an unhandled 'error' event and a Node stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e
  process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok)
})
const program = new Command('argmap')
  .description('Argument maps for markdown prose: units with exact positions, roles, support/attack relations.')
  .version(VERSION)
  .exitOverride()
  .configureOutput({ writeErr: (s) => io.stderr.write(s), writeOut: (s) => io.stdout.write(s) })
  .showHelpAfterError('(add --help for usage)')

/** `argmap map --format <name>`: only the chosen emitter is loaded (src/emit/index.ts's `formats`, one module each). */
const renderers: Record<string, () => Promise<(map: ArgumentMap) => string | Iterable<string>>> = {
  // In pieces: a large map is written piece by piece, never held whole with its UTF-8 copy (./commands/single-file.ts).
  json: async () => (await import('../emit/json.js')).jsonPieces,
  aif: async () => (await import('../emit/aif.js')).toAIF,
  argdown: async () => (await import('../emit/argdown.js')).toArgdown,
  mermaid: async () => (await import('../emit/mermaid.js')).toMermaid,
  outline: async () => {
    const { toReadableOutline } = await import('../emit/outline.js')
    return (map: ArgumentMap) => toReadableOutline(map)
  },
}
/** The one-document commands' shared shape, and the map they show (it loads the pipeline): imported by those commands only. */
const singleFile = () => import('./commands/single-file.js')
const shownMap = () => import('./commands/map-of.js')

const noReview = () => new Option('--no-review', "show the machine's map: do not apply the document's review sidecar (<name>.review.json)")
const maxSize = () => new Option('--max-size <bytes>', 'refuse input files larger than this (e.g. 16MB)').argParser(parseSize)
const modelOption = () => new Option('--model <file|rules>', 'tag and link with this model file, or with the rules alone (default: the shipped model)')

// --model reaches every analysis of the command, workers included, through ARGMAP_MODEL (see src/learn/load.ts).
program.hook('preAction', async (_program, command) => {
  const model = command.opts().model as string | undefined
  if (!model) return
  if (model === 'rules') {
    process.env.ARGMAP_MODEL = 'rules'
    return
  }
  const path = resolve(io.cwd, model)
  const { loadModel, ModelError } = await import('../learn/load.js')
  try {
    loadModel(path)
  } catch (error) {
    if (!(error instanceof ModelError)) throw error
    io.stderr.write(`argmap ${command.name()}: ${error.message}\n`)
    process.exit(EXIT.usage)
  }
  process.env.ARGMAP_MODEL = path
})

program
  .command('run')
  .description('map every markdown file under PATHS (default corpus/) into DIR (default out/)')
  .argument('[paths...]', 'files or directories; - reads standard input', [])
  .option('-o, --out <dir>', 'output directory', 'out')
  .option('--check', 'exit 1 when the output directory is not what a fresh run would write')
  .option('--no-index', 'write (or check) no index.json / index.html, only the documents\' files')
  .option('--discard-edits', 'overwrite annotated files that hold edits never accepted (default: refuse and name them)')
  .option('-j, --jobs <n>', 'worker threads (default: one per 1.5 available cores; output is the same for any number)', (v: string) => Number(v))
  .option('--jsonl', 'read JSON lines {"id","text"} from standard input, write one map per line to standard output')
  .addOption(maxSize())
  .addOption(modelOption())
  .action(async (paths: string[], opts: { out: string; check?: boolean; index: boolean; discardEdits?: boolean; maxSize?: number; jobs?: number; jsonl?: boolean }) => {
    // Loaded here: the corpus engine (annotate's verifier, review, HTML pages, workers) is not a single file's cost.
    const { runCommandAsync } = await import('./commands/run.js')
    process.exitCode = await runCommandAsync(
      { paths, out: opts.out, check: opts.check, index: opts.index, discardEdits: opts.discardEdits, maxBytes: opts.maxSize, jobs: opts.jobs, jsonl: opts.jsonl },
      io,
    )
  })

program
  .command('map')
  .description("print one document's argument map")
  .argument('<file>', 'markdown file; - reads standard input')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'aif', 'argdown', 'mermaid', 'outline']).default('json'))
  .addOption(noReview())
  .addOption(maxSize())
  .addOption(modelOption())
  .action(async (file: string, opts: { format: string; maxSize?: number; review: boolean }) => {
    const [render, { documentCommand }, { shownMapOf }] = await Promise.all([renderers[opts.format]!(), singleFile(), shownMap()])
    const mapOf = await shownMapOf(io, opts.review, file)
    process.exitCode = await documentCommand(file, io, opts.maxSize, (text, path, sha) => render(mapOf(text, path, sha)))
  })

program
  .command('annotate')
  .description('print the document with its argumentative units marked in place, and the map outline')
  .argument('<file>', 'markdown file; - reads standard input')
  .addOption(noReview())
  .addOption(maxSize())
  .addOption(modelOption())
  .action(async (file: string, opts: { maxSize?: number; review: boolean }) => {
    const [{ annotate }, { parseMarkdown }, { documentCommand }, { shownMapOf }] = await Promise.all([
      import('../emit/annotated.js'),
      import('../parse/index.js'),
      singleFile(),
      shownMap(),
    ])
    const mapOf = await shownMapOf(io, opts.review, file)
    // One parse serves the map and annotate's verification of its marks, as in a corpus run (src/engine/render.ts);
    // without it annotate parsed the whole annotated text again (the op-ed ×1000: twice the CPU of `map`, 1.5 GB).
    process.exitCode = await documentCommand(file, io, opts.maxSize, (text, path, sha) => {
      const parsed = parseMarkdown(text)
      return annotate(text, mapOf(text, path, sha, parsed), parsed)
    })
  })

program
  .command('strip')
  .description('remove argmap marks and the generated outline: prints the original bytes')
  .argument('<file>', 'annotated markdown file; - reads standard input')
  .addOption(maxSize())
  .action(async (file: string, opts: { maxSize?: number }) => {
    const [{ strip }, { documentCommand }] = await Promise.all([import('../read/strip.js'), singleFile()])
    process.exitCode = await documentCommand(file, io, opts.maxSize, (text) => strip(text))
  })

program
  .command('read')
  .description('read an annotated markdown file back into its argument map (JSON)')
  .argument('<file>', 'annotated markdown file; - reads standard input')
  .addOption(noReview())
  .addOption(maxSize())
  .action(async (file: string, opts: { maxSize?: number; review: boolean }) => {
    const [{ readReviewed }, { toJSON }, { documentCommand }] = await Promise.all([import('./commands/read.js'), import('../emit/json.js'), singleFile()])
    process.exitCode = await documentCommand(file, io, opts.maxSize, (text, path) => toJSON(readReviewed(text, path, io, opts.review)))
  })

program
  .command('eval')
  .description('measure the pipeline against a gold JSONL file, beside the rules alone and two baselines')
  .requiredOption('--gold <file>', 'gold argument maps, one JSON document a line')
  .addOption(new Option('-f, --format <format>', 'report format').choices(['table', 'json', 'markdown']).default('table'))
  .option('--errors [n]', 'also list the N (default 20) worst-handled units')
  .option('--split <names...>', "only the gold documents of these splits (the gold's split field: train, dev, test)")
  .option('--source <names...>', "only the gold documents of these sources (the gold's source field)")
  .option('--by-source', 'also report each source on its own')
  .option('--cv <k>', 'K-fold cross-validation by document: train a model on K-1 folds, score the held-out fold', (v: string) => Number(v))
  .addOption(modelOption())
  .action(
    async (opts: {
      gold: string
      format: 'table' | 'json' | 'markdown'
      errors?: boolean | string
      split?: string[]
      source?: string[]
      bySource?: boolean
      cv?: number
    }) => {
      const { evalCommand } = await import('./commands/eval.js')
      process.exitCode = await evalCommand(opts, io)
    },
  )

program
  .command('train')
  .description('learn a model (roles, links, relation types) from gold argument maps')
  .option('--gold <files...>', 'gold argument maps, one JSON document a line', [])
  .option('--split <names...>', "only the gold documents of these splits (the gold's split field)")
  .option('--reviewed <paths...>', 'also learn from the review corrections (sidecars) of these sources')
  .requiredOption('-o, --out <file>', 'model file to write')
  .action(async (opts: { gold: string[]; split?: string[]; reviewed?: string[]; out: string }) => {
    const { trainCommand } = await import('./commands/train.js')
    process.exitCode = await trainCommand({ gold: opts.gold, splits: opts.split, reviewed: opts.reviewed, out: opts.out }, io)
  })

program
  .command('diff')
  .description("what changed in a document's argument between two versions (exit 0 same, 1 differs, 2 error)")
  .argument('[old]', 'old version: markdown file, .argmap.json map, directory, or - (with --git: the PATH)')
  .argument('[new]', 'new version (omit with --git)')
  .option('--git <rev>', 'compare PATH at REV with the working tree, or REV..REV / REV...REV')
  .addOption(new Option('-f, --format <format>', 'report format').choices(['terminal', 'markdown', 'json']).default('terminal'))
  .option('-q, --quiet', 'print nothing; only the exit code')
  .option('--ignore-rewording', 'count reworded sentences as unchanged')
  .option('--no-color', 'never colour the terminal report')
  .addOption(noReview())
  .addOption(maxSize())
  .addOption(modelOption())
  .action(
    async (
      old: string | undefined,
      neu: string | undefined,
      opts: { git?: string; format: 'terminal' | 'markdown' | 'json'; quiet?: boolean; ignoreRewording?: boolean; color: boolean; maxSize?: number; review: boolean },
    ) => {
      const { diffCommand } = await import('./commands/diff.js')
      process.exitCode = await diffCommand(
        {
          old,
          new: neu,
          git: opts.git,
          format: opts.format,
          quiet: opts.quiet,
          ignoreRewording: opts.ignoreRewording,
          color: opts.color === false ? false : undefined,
          maxBytes: opts.maxSize,
          review: opts.review,
        },
        { ...io, isTTY: process.stdout.isTTY },
      )
    },
  )

const review = program.command('review').description('review corrections: record them from an annotated file, or show where review stands')

review
  .command('accept')
  .description("record the differences between an annotated file and the machine's map as corrections in the source's sidecar (<source>.review.json)")
  .argument('<file>', 'annotated markdown file (out/<name>.annotated.md); - reads standard input')
  .option('--source <path>', 'the source the file was made from (default: the path recorded in the file)')
  .option('--dry-run', 'print the sidecar instead of writing it')
  .action(async (file: string, opts: { source?: string; dryRun?: boolean }) => {
    const { reviewAccept } = await import('./commands/review.js')
    process.exitCode = reviewAccept({ file, source: opts.source, dryRun: opts.dryRun }, io)
  })

review
  .command('status')
  .description('per document: units reviewed, corrections orphaned or flagged, lowest-confidence unreviewed units')
  .argument('[paths...]', 'files or directories (default corpus/)', [])
  .option('-n, --limit <n>', 'unreviewed units to list per document', parseCount, 5)
  .action(async (paths: string[], opts: { limit: number }) => {
    const { reviewStatus } = await import('./commands/review.js')
    process.exitCode = reviewStatus({ paths, limit: opts.limit }, io)
  })

review
  .command('serve')
  .description('a local review app in the browser: set roles, link units, accept, undo; every change saved to the sidecar at once')
  .argument('[paths...]', 'files or directories (default corpus/)', [])
  .option('-p, --port <n>', 'port on 127.0.0.1 (default: a random free one)', parseCount)
  .action(async (paths: string[], opts: { port?: number }) => {
    const { reviewServe } = await import('./commands/review.js')
    const s = await reviewServe({ paths, port: opts.port }, io)
    await new Promise<void>((done) => {
      process.once('SIGINT', done)
      process.once('SIGTERM', done)
    })
    await s.close()
  })

try {
  await program.parseAsync(process.argv)
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? EXIT.ok : EXIT.usage
  } else {
    io.stderr.write(`argmap: internal error (please report it): ${(e as Error).stack ?? String(e)}\n`)
    process.exitCode = EXIT.internal
  }
}
