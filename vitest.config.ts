import { defineConfig } from 'vitest/config'

/**
 * Test files that need a fresh module registry of their own (they check what
 * a module loads lazily). Every other file shares its worker's modules with the
 * files before it (`isolate: false`): loading the pipeline once per worker
 * instead of once per file halves the suite's CPU time. A test must therefore
 * not depend on module state another file may have set; test/setup/each-file.ts
 * gives every file the environment the run started with.
 */
const ISOLATED = ['test/schema.test.ts']

// `npm test` builds first (the CLI and worker tests run dist/), then runs every file.
// Time limits are generous on purpose: a test must not fail because the machine is busy.
export default defineConfig({
  test: {
    // The suites that pin the rules' behaviour (fixtures, the op-ed's roles, relate's cases) run the rules alone;
    // the model path has tests of its own that set the model they use (test/learn-*.test.ts).
    env: { ARGMAP_MODEL: 'rules' },
    testTimeout: 120_000,
    hookTimeout: 120_000,
    setupFiles: ['test/setup/each-file.ts'],
    projects: [
      // The one-line notices of what this machine cannot run (test/setup/global.ts), printed once.
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED, isolate: false, globalSetup: ['test/setup/global.ts'] } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
})
