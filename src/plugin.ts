import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import type { ArgumentMap } from './model/types.js'
import { BOM } from './parse/index.js'
import { type AnalyzeOptions, analyze } from './pipeline.js'

declare module 'vfile' {
  interface DataMap {
    /** Set by `remarkArgmap`: the document's argument map. */
    argumentMap: ArgumentMap
  }
}

const EMPTY: Readonly<AnalyzeOptions> = Object.freeze({})

/**
 * unified plugin: maps the parsed tree and stores the result in
 * `file.data.argumentMap`, for use inside any remark pipeline. The tree
 * must come from remark-parse with remark-gfm and remark-frontmatter (as
 * `parser` in ./parse does) for offsets to agree with `argmap run`.
 */
export default function remarkArgmap(options: Readonly<AnalyzeOptions> = EMPTY) {
  return function transformer(tree: Root, file: VFile): void {
    const source = String(file.value)
    file.data.argumentMap = analyze(source, { ...options, path: options.path ?? file.path ?? '-' }, { tree, shift: source.startsWith(BOM) ? 1 : 0 })
  }
}
