#!/usr/bin/env node
import { Command, CommanderError, Option } from 'commander'
import { EXIT, parseSize, processIo } from './context.js'
import { documentCommand, mapOf } from './commands/document.js'

/**
 * The thin CLI: flags in, a library call, text out. Heavy modules (the
 * evaluation, diff, review, browser layout) are imported only by the
 * commands that need them, so `argmap map` starts fast.
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
  .version('0.1.0')
  .exitOverride()
  .configureOutput({ writeErr: (s) => io.stderr.write(s), writeOut: (s) => io.stdout.write(s) })
  .showHelpAfterError('(add --help for usage)')

const maxSize = () => new Option('--max-size <bytes>', 'refuse input files larger than this (e.g. 16MB)').argParser(parseSize)

program
  .command('run')
  .description('map every markdown file under PATHS (default corpus/) into DIR (default out/)')
  .argument('[paths...]', 'files or directories; - reads standard input', [])
  .option('-o, --out <dir>', 'output directory', 'out')
  .option('--check', 'exit 1 when the output directory is not what a fresh run would write')
  .option('-j, --jobs <n>', 'worker threads (default: the available cores; output is the same for any number)', (v: string) => Number(v))
  .option('--jsonl', 'read JSON lines {"id","text"} from standard input, write one map per line to standard output')
  .addOption(maxSize())
  .action(async (paths: string[], opts: { out: string; check?: boolean; maxSize?: number; jobs?: number; jsonl?: boolean }) => {
    // Loaded here: the corpus engine (annotate's verifier, review, HTML pages, workers) is not a single file's cost.
    const { runCommandAsync } = await import('./commands/run.js')
    process.exitCode = await runCommandAsync(
      { paths, out: opts.out, check: opts.check, maxBytes: opts.maxSize, jobs: opts.jobs, jsonl: opts.jsonl },
      io,
    )
  })

program
  .command('map')
  .description("print one document's argument map")
  .argument('<file>', 'markdown file; - reads standard input')
  .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'aif', 'argdown', 'mermaid', 'outline']).default('json'))
  .addOption(maxSize())
  .action(async (file: string, opts: { format: string; maxSize?: number }) => {
    const emit = await import('../emit/index.js')
    const render = emit.formats[opts.format as keyof typeof emit.formats]
    process.exitCode = documentCommand(file, io, opts.maxSize, (text, path, sha) => render(mapOf(text, path, sha)))
  })

program
  .command('annotate')
  .description('print the document with its argumentative units marked in place, and the map outline')
  .argument('<file>', 'markdown file; - reads standard input')
  .addOption(maxSize())
  .action(async (file: string, opts: { maxSize?: number }) => {
    const { annotate } = await import('../emit/annotated.js')
    process.exitCode = documentCommand(file, io, opts.maxSize, (text, path, sha) => annotate(text, mapOf(text, path, sha)))
  })

program
  .command('strip')
  .description('remove argmap marks and the generated outline: prints the original bytes')
  .argument('<file>', 'annotated markdown file; - reads standard input')
  .addOption(maxSize())
  .action(async (file: string, opts: { maxSize?: number }) => {
    const { strip } = await import('../read/strip.js')
    process.exitCode = documentCommand(file, io, opts.maxSize, (text) => strip(text))
  })

program
  .command('read')
  .description('read an annotated markdown file back into its argument map (JSON)')
  .argument('<file>', 'annotated markdown file; - reads standard input')
  .addOption(maxSize())
  .action(async (file: string, opts: { maxSize?: number }) => {
    const { readAnnotated } = await import('../read/read.js')
    const { toJSON } = await import('../emit/json.js')
    process.exitCode = documentCommand(file, io, opts.maxSize, (text, path) => toJSON(readAnnotated(text, path, { strict: true })))
  })

program
  .command('eval')
  .description('measure the pipeline against a gold JSONL file, beside two baselines')
  .requiredOption('--gold <file>', 'gold argument maps, one JSON document a line')
  .addOption(new Option('-f, --format <format>', 'report format').choices(['table', 'json', 'markdown']).default('table'))
  .option('--errors [n]', 'also list the N (default 20) worst-handled units')
  .action(async (opts: { gold: string; format: 'table' | 'json' | 'markdown'; errors?: boolean | string }) => {
    const { evalCommand } = await import('./commands/eval.js')
    process.exitCode = await evalCommand(opts, io)
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
  .addOption(maxSize())
  .action(
    async (
      old: string | undefined,
      neu: string | undefined,
      opts: { git?: string; format: 'terminal' | 'markdown' | 'json'; quiet?: boolean; ignoreRewording?: boolean; color: boolean; maxSize?: number },
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
  .option('-n, --limit <n>', 'unreviewed units to list per document', (v) => Number.parseInt(v, 10), 5)
  .action(async (paths: string[], opts: { limit: number }) => {
    const { reviewStatus } = await import('./commands/review.js')
    process.exitCode = reviewStatus({ paths, limit: opts.limit }, io)
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
