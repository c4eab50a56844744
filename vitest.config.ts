import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The suites that pin the rules' behaviour (fixtures, the op-ed's roles, relate's cases) run the rules alone;
    // the model path has tests of its own that set the model they use (test/learn-*.test.ts).
    env: { ARGMAP_MODEL: 'rules' },
  },
})
