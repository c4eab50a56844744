#!/usr/bin/env node
import module from 'node:module'
import { VERSION } from './version.js'

/**
 * The `argmap` executable: only what must happen before the command line is
 * read (issue 18: start). Git's textconv and difftool start argmap once per
 * file, so a process's start is paid again and again.
 */

/**
 * Node 22.1 and later keep V8's compiled code of every module on disk (in
 * the OS temp folder, or NODE_COMPILE_CACHE; NODE_DISABLE_COMPILE_CACHE=1
 * turns it off), so a second start skips compiling argmap and its
 * dependencies. Called before the command's modules load, so that they are
 * all cached. Node never throws here (a read-only or missing folder only
 * leaves the cache off), and Node 20 has no such call: then nothing happens.
 */
function enableCompileCache(): void {
  const enable = (module as { enableCompileCache?: () => unknown }).enableCompileCache
  enable?.()
}

/** `argmap --version` (what scripts run to see that argmap is there) needs no command parser. */
const versionOnly = (args: readonly string[]): boolean => args.length === 1 && (args[0] === '--version' || args[0] === '-V')

enableCompileCache()
if (versionOnly(process.argv.slice(2))) {
  // As in main.ts: a reader gone before the line (`argmap --version | true`) is not a crash.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e
  })
  process.stdout.write(`${VERSION}\n`)
} else {
  await import('./main.js')
}
