/**
 * Runs before every test file (vitest setupFiles). Files share a worker
 * (`isolate: false`), so a file that changed the environment, as the CLI's
 * `--model` does (ARGMAP_MODEL), must not leave it changed for the next: each
 * file starts from the environment the worker started with.
 */
const store = globalThis as { argmapInitialEnv?: Record<string, string | undefined> }
const initial = (store.argmapInitialEnv ??= { ...process.env })
for (const key of Object.keys(process.env)) if (!(key in initial)) delete process.env[key]
Object.assign(process.env, initial)
