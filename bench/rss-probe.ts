/**
 * Loaded with `node --import` by the benchmark: on exit, append this
 * process's peak RSS (kB), CPU time (µs, all threads), and the CPU time of
 * the main thread and of the threads still alive at exit (V8's compiler and
 * garbage-collector threads, libuv's pool) to $ARGMAP_BENCH_RSS. Worker
 * threads have ended by then: their time is the rest. Linux only for the
 * split (/proc); elsewhere those two are -1. Then the main thread's time in
 * garbage-collection pauses (ms, V8's gc performance entries) and the
 * process's lifetime (ms).
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs'
import { PerformanceObserver } from 'node:perf_hooks'

/** User + system CPU time of one thread, in µs, from /proc (clock ticks of 10 ms). */
function threadMicros(tid: string): number {
  const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10_000
}

function split(): [number, number] {
  try {
    let main = 0
    let others = 0
    for (const tid of readdirSync('/proc/self/task')) {
      if (Number(tid) === process.pid) main = threadMicros(tid)
      else others += threadMicros(tid)
    }
    return [main, others]
  } catch {
    return [-1, -1]
  }
}

const file = process.env.ARGMAP_BENCH_RSS
if (file) {
  let gcMs = 0
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration
  })
  observer.observe({ entryTypes: ['gc'] })
  process.on('exit', () => {
    // Entries not yet delivered to the callback (they arrive in batches on the event loop).
    for (const e of observer.takeRecords()) gcMs += e.duration
    const u = process.resourceUsage()
    const [main, others] = split()
    appendFileSync(file, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime} ${main} ${others} ${gcMs.toFixed(1)} ${(process.uptime() * 1000).toFixed(1)}\n`)
  })
}
