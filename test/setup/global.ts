/**
 * Runs once before the test files (vitest globalSetup): one line for each kind
 * of test that this machine cannot run and is skipped, with the reason.
 */
import { CHROMIUM, hasBrowser, hasParallel, hasShared, quick, requireBrowser, SHARED_TESTS, sharedDir } from '../env.js'

export default function setup(): void {
  const say = (line: string) => process.stdout.write(`argmap tests: ${line}\n`)
  if (!hasShared) say(`skipping ${SHARED_TESTS.join('; ')}: they read ${sharedDir}, which is not beside this checkout (the workspace's CC BY-NC-SA gold files and texts are never copied into the repository)`)
  if (!hasBrowser && !requireBrowser && !quick) say(`skipping the tests in Chromium (browser*.test.ts, serve-browser.test.ts): ${CHROMIUM} is missing (apt-get install -y chromium; .ci/run installs it and requires it)`)
  if (!hasParallel && !quick) say('skipping the JSONL run through GNU parallel (jsonl-parallel.test.ts): `parallel` is missing (apt-get install -y parallel; .ci/run installs it)')
  if (quick) say('quick run: stages and fixtures only, no browser, no built binary, no spec, README or corpus sweeps (npm test runs everything)')
}
