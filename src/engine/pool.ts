import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { fileURLToPath, pathToFileURL } from 'node:url'

/**
 * Default number of workers: what is fastest, not the core count. Each worker is a V8 isolate whose garbage
 * collector and optimising compiler run on background threads: a one-worker corpus run keeps about 1.4 cores
 * busy (main thread 8.7 s, V8's threads 5.2 s, docs/performance.md). So two workers on two cores fight over
 * them (measured: 0.77× the throughput of one, paired over 5 rounds); a worker is added per 1.5 cores.
 */
export function defaultJobs(cores = availableParallelism()): number {
  return Math.max(1, Math.floor(cores / 1.5))
}

/**
 * The compiled worker module. Beside this file in `dist/`; when this module
 * runs from TypeScript sources (vitest), the compiled copy in `dist/` (a
 * worker thread is plain Node and cannot load `.ts`).
 */
function workerFile(): URL {
  const beside = new URL('./worker.js', import.meta.url)
  if (existsSync(fileURLToPath(beside))) return beside
  const built = fileURLToPath(new URL('../../dist/engine/worker.js', import.meta.url))
  if (existsSync(built)) return pathToFileURL(built)
  throw new Error(`argmap: worker module not found at ${fileURLToPath(beside)} (run \`npm run build\`)`)
}

/**
 * A pool of worker threads that run src/engine/worker.ts: `Task` and `Result`
 * are its WorkerTask and WorkerResult. The pool does not import them: the
 * worker imports what it runs (the JSON-lines mapper among it), so a type import
 * back from here would close a loop.
 */
export interface Pool<Task = unknown, Result = unknown> {
  run(task: Task): Promise<Result>
  close(): Promise<void>
}

export async function createPool<Task = unknown, Result = unknown>(threads: number): Promise<Pool<Task, Result>> {
  // Loaded here, not at the top: a single-file command never pays for it.
  const { default: Tinypool } = await import('tinypool')
  const pool = new Tinypool({ filename: workerFile().href, minThreads: threads, maxThreads: threads, idleTimeout: 0 })
  return {
    run: (task) => pool.run(task) as Promise<Result>,
    close: () => pool.destroy(),
  }
}

export type Settled<R> = { ok: true; value: R } | { ok: false; error: unknown }

/**
 * Map `items` through `start` with at most `limit` tasks in flight, yielding
 * results in input order. Items are pulled from the iterable only when a slot
 * is free, so a streamed input is never read ahead by more than `limit`.
 * `start` may throw or reject: that item settles as an error.
 */
export async function* orderedMap<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  start: (item: T) => Promise<R>,
  limit: number,
): AsyncGenerator<{ item: T; result: Settled<R> }> {
  const queue: Array<{ item: T; done: Promise<Settled<R>> }> = []
  const settle = (item: T): Promise<Settled<R>> => {
    let p: Promise<R>
    try {
      p = start(item)
    } catch (error) {
      return Promise.resolve({ ok: false, error })
    }
    return p.then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    )
  }
  const it = Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : (items as Iterable<T>)[Symbol.iterator]()
  let exhausted = false
  const max = Math.max(1, limit)
  // The next item, asked for and not yet come: kept across yields, since a request cannot be taken back.
  let pending: Promise<IteratorResult<T>> | null = null
  const HEAD_DONE: unique symbol = Symbol('head done')
  for (;;) {
    while (!exhausted && queue.length < max) {
      pending ??= Promise.resolve(it.next())
      // With work in flight, the head's result goes out as soon as it is done: a streamed input
      // (a client that writes one line and waits for its answer) must not hold it back.
      const next = queue.length === 0 ? await pending : await Promise.race([pending, queue[0]!.done.then(() => HEAD_DONE)])
      if (typeof next === 'symbol') break
      pending = null
      if (next.done) exhausted = true
      else queue.push({ item: next.value, done: settle(next.value) })
    }
    const head = queue.shift()
    if (!head) return
    yield { item: head.item, result: await head.done }
  }
}

/**
 * Run `items` as one task; if the task fails whole (its worker died: a crash
 * takes the task with it, whatever document caused it), run each item as
 * a task of its own, so that only the item that fails again is reported as
 * failed (with `fail`) and the others get their results.
 */
export async function runBatch<T, R>(run: (items: T[]) => Promise<R[]>, items: T[], fail: (item: T, error: unknown) => R): Promise<R[]> {
  try {
    return await run(items)
  } catch (error) {
    if (items.length === 1) return [fail(items[0]!, error)]
    return Promise.all(items.map((item) => runBatch(run, [item], fail).then((r) => r[0]!)))
  }
}
