import { defineConfig } from 'vitest/config'

// `npm test` builds first (the CLI and worker tests run dist/), then runs every file.
// Time limits are generous on purpose: a test must not fail because the machine is busy.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/setup/global.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
