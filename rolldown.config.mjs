/**
 * The command line as a few files (issue 18: start). Node 20 spends about a
 * third of a millisecond of CPU on every ES module it loads, and `argmap map`
 * loads about 270 of them (argmap's own and micromark's): bundled, `map` on
 * the op-ed starts in 1.3× a bare node process that parses it with remark,
 * against 2.0× unbundled. tsc's dist/ stays as it is for the library (`import
 * 'argmap'`); only the executable's entry, dist/cli/bin.js, is replaced by the
 * bundle's, with its chunks beside it (each command's modules still load only
 * when that command runs), and the corpus run's worker gets a bundled entry of
 * its own beside it (src/engine/pool.ts looks there first). dist/cli/ is as deep
 * as every other dist/ folder, so the paths the code finds from its own URL
 * (models/, schema/) hold.
 */
export default {
  input: { bin: 'dist/cli/bin.js', worker: 'dist/engine/worker.js' },
  platform: 'node',
  // tinypool starts its own threads from a file beside its module: it stays in node_modules.
  external: ['tinypool'],
  output: { dir: 'dist/cli', format: 'esm', entryFileNames: '[name].js', chunkFileNames: 'chunk-[name]-[hash].js' },
}
