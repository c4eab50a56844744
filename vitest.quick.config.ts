import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config.js'

// Set here, in the main process, so test/setup/global.ts and every worker see it.
process.env.ARGMAP_QUICK = '1'

// `npm run test:quick`: the stages and fixtures, for everyday work (no build step).
// Left out: the browser, every file that runs the built binary or worker threads
// (they need a fresh dist/), and the sweeps over spec examples, READMEs and the
// whole corpus, which test/env.ts's `quick` skips inside the other files.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/browser*.test.ts',
        'test/serve-browser.test.ts',
        'test/cli.test.ts',
        'test/robust-cli.test.ts',
        'test/robust-spec.test.ts',
        'test/realworld.test.ts',
        'test/engine-parallel.test.ts',
      ],
    },
  }),
)
