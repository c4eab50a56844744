/**
 * Child process of the benchmark: the full pipeline once on the op-ed
 * repeated `argv[2]` times, in a fresh process so nothing else is on the heap.
 * Prints JSON: peak RSS (from the OS) and the largest heap seen at a stage boundary.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { opEd, repeated } from './inputs.js'
import { STAGES, staged, zero } from './stages.js'

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const copies = Number(process.argv[2] ?? 1000)
const source = repeated(opEd(repoRoot), copies)
let heap = process.memoryUsage().heapUsed
const times = zero()
// Sample the heap at every stage boundary (each lap sets a time), while every intermediate is still live.
const proxy = new Proxy(times, {
  set(target, key, value) {
    heap = Math.max(heap, process.memoryUsage().heapUsed)
    target[key as (typeof STAGES)[number]] = value as number
    return true
  },
})
const map = staged(source, proxy)
heap = Math.max(heap, process.memoryUsage().heapUsed)
process.stdout.write(
  `${JSON.stringify({
    copies,
    bytes: Buffer.byteLength(source),
    units: map.units.length,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
    peakHeapMB: heap / 1024 / 1024,
    ms: times,
  })}\n`,
)
