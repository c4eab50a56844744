import { parseAnnotated } from './marks.js'

/**
 * The original document back from annotated markdown, byte for byte: removes
 * the marks (text directives named conclusion, claim or premise), the
 * `<!--argmap-->` escapes and the generated trailer. Needs no tagger: one
 * parse of the annotated text.
 */
export function strip(annotated: string): string {
  return parseAnnotated(annotated).original
}
