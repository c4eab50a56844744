/**
 * Loaded with `node --import` by the benchmark: on exit, append this
 * process's peak RSS (kB) and CPU time (µs, all threads) to $ARGMAP_BENCH_RSS.
 */
import { appendFileSync } from 'node:fs'

const file = process.env.ARGMAP_BENCH_RSS
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage()
    appendFileSync(file, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}\n`)
  })
}
