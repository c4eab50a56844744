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
 * must come from remark-parse with GFM and remark-frontmatter for offsets to
 * agree with `argmap run`: `parser` from ./parse, or remark-gfm, whose trees
 * are the same but for a few literal-autolink edge cases (src/parse/gfm.ts).
 */
export default function remarkArgmap(options: Readonly<AnalyzeOptions> = EMPTY) {
  return function transformer(tree: Root, file: VFile): void {
    const source = String(file.value)
    file.data.argumentMap = analyze(source, { ...options, path: options.path ?? file.path ?? '-' }, { tree, shift: source.startsWith(BOM) ? 1 : 0 })
    // The CLI's `warning: PATH: empty document (no prose)`, as a message a unified reporter can print.
    if (!source.trim()) {
      file.message('Unexpected empty document, expected prose; the map is empty', { ruleId: 'empty-document', source: 'argmap', place: tree.position })
    }
  }
}
