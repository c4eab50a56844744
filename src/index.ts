/**
 * argmap's library API. The CLI is a thin layer over these; `index` only
 * re-exports (a test pins the sorted export list).
 */
export type { ArgumentMap, BlockKind, Point, Relation, RelationType, Role, Segment, SourceInfo, Unit } from './model/types.js'
export { ARGUMENT_ROLES, RELATION_TYPES, ROLES, SCHEMA_VERSION } from './model/types.js'
export { assignIds, baseId, normalizeText } from './model/ids.js'
export { parseMarkdown, parser } from './parse/index.js'
export { segment } from './segment/index.js'
export { type AnalyzeOptions, analyze } from './pipeline.js'
export { default as remarkArgmap } from './plugin.js'
export { annotate, formats, toAIF, toArgdown, toJSON, toMermaid, toOutline } from './emit/index.js'
export { strip } from './read/strip.js'
export { readAnnotated } from './read/read.js'
export { parseAnnotated, readMarks } from './read/marks.js'
export { validateMap } from './model/schema.js'
export { checkForest } from './model/forest.js'
export * from './diff/index.js'
export { renderCorpusPage, renderPage } from './html/index.js'
export { acceptCorrections, applyCorrections } from './review/index.js'
