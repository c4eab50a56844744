/**
 * Imports run one way: each folder of src/ may import only from the folders
 * below it (the `allowed` list), and nothing may import in a circle. Run by
 * `npm test` (`npm run depcheck`): a back-edge fails the suite.
 *
 * The layers, lowest first (a folder imports its own files freely):
 *   model/, util/, io/           map types and ids; small helpers; reading sources, atomic writes, limits
 *   parse/                       the frozen remark preset
 *   segment/, syntax/            units with offsets; the annotation syntax (writer and readers agree here)
 *   tag/, relate/                roles and relations
 *   learn/ (the model)           the learned tagger and linker that analyze runs: linear, features, model, load
 *   pipeline.ts, plugin.ts       the analysis as a function and as a unified plugin
 *   emit/                        maps to text: JSON, annotated markdown, exports
 *   read/                        annotated markdown back to a map
 *   diff/, eval/                 comparing maps; scoring against gold
 *   review/                      reviewer corrections, the review queue
 *   learn/ (training)            training and cross-validation: train, cv, reviewed
 *   html/                        the review pages
 *   engine/                      corpus runs, workers, JSON lines
 *   serve/                       the local review server (`argmap review serve`)
 *   cli/, index.ts               the command line; the library's entry
 * bench/ (outside src/) may import any of src/.
 */
const below = {
  model: [],
  util: [],
  io: [],
  parse: ['util'],
  segment: ['model', 'parse', 'util'],
  syntax: ['parse'],
  tag: ['model', 'parse', 'segment', 'util'],
  relate: ['model', 'tag', 'util'],
  emit: ['model', 'parse', 'syntax', 'util'],
  read: ['emit', 'model', 'parse', 'pipeline', 'segment', 'syntax', 'util'],
  diff: ['io', 'model', 'pipeline'],
  eval: ['model', 'pipeline'],
  review: ['diff', 'emit', 'io', 'model', 'parse', 'pipeline', 'read', 'syntax', 'util'],
  html: ['emit', 'model', 'parse', 'review', 'util'],
  engine: ['emit', 'html', 'io', 'model', 'parse', 'pipeline', 'review', 'util'],
  serve: ['emit', 'engine', 'html', 'io', 'model', 'parse', 'pipeline', 'read', 'review', 'util'],
  cli: ['diff', 'emit', 'engine', 'eval', 'io', 'learn', 'model', 'parse', 'pipeline', 'read', 'review', 'serve'],
}
// learn/ holds two layers: the model that analyze runs, and its training (which runs analyze).
const learnModel = '^src/learn/(linear|features|model|load)[.]ts$'
const learnTraining = '^src/learn/(train|cv|reviewed)[.]ts$'
const pipeline = '^src/(pipeline|plugin)[.]ts$'
const folder = (names) => `^src/(${names.join('|')})/`
const target = (names) => {
  const parts = []
  const folders = names.filter((n) => n !== 'pipeline')
  if (folders.length) parts.push(folder(folders))
  if (names.includes('pipeline')) parts.push(pipeline)
  return parts.join('|')
}

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import loops between modules (the layers below also keep folders from importing each other both ways).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-dev-deps-in-src',
      severity: 'error',
      comment: 'The library runs on its dependencies alone; a devDependency is for tests and bench/ (types excepted).',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  allowedSeverity: 'error',
  allowed: [
    { comment: 'node built-ins and npm packages', from: {}, to: { dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'type-only'], pathNot: '^src/' } },
    { comment: 'within a folder (learn/ has two layers, below)', from: { path: '^src/([^/]+)/', pathNot: '^src/learn/' }, to: { path: '^src/$1/' } },
    { comment: 'the model analyze runs: on top of the tagger', from: { path: learnModel }, to: { path: `${target(['model', 'parse', 'segment', 'tag', 'relate', 'util'])}|${learnModel}` } },
    { comment: 'training: reads gold, reviews and the pipeline', from: { path: learnTraining }, to: { path: `${target(['diff', 'emit', 'eval', 'io', 'model', 'parse', 'pipeline', 'read', 'review', 'segment', 'tag', 'relate', 'util', 'learn'])}` } },
    ...Object.entries(below)
      .filter(([, names]) => names.length)
      .map(([name, names]) => ({ comment: `${name}/ imports from below it`, from: { path: `^src/${name}/` }, to: { path: target(names) } })),
    { comment: 'the analysis: parse, segment, tag, relate, the model', from: { path: pipeline }, to: { path: `${target(['model', 'parse', 'segment', 'tag', 'relate'])}|${pipeline}|${learnModel}` } },
    { comment: 'the library entry re-exports any of src/', from: { path: '^src/index[.]ts$' }, to: { path: '^src/' } },
    { comment: 'the benchmark, outside the library, may use any of it', from: { path: '^bench/' }, to: { path: '^(src|bench)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^dist/' },
  },
}
