/** Loaded with `node --import` by the benchmark: on exit, append this process's peak RSS (kB) to $ARGMAP_BENCH_RSS. */
import { appendFileSync } from 'node:fs'

const file = process.env.ARGMAP_BENCH_RSS
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`))
