/**
 * Display text for a unit in outlines and graph labels: the raw markdown
 * with the commonest inline syntax dropped and whitespace collapsed. A view
 * only; positions always come from the unit itself.
 *
 * Links, autolinks, tags and emphasis are dropped by the scanners in
 * ./text-scan.ts, which give exactly what these regular expressions give
 * but in linear time (the expressions rescanned the rest of the text for
 * each unclosed `[`, `<`, `*` or backtick; see the test):
 *
 *   LINK     /!?\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)/g → $1
 *   REF_LINK /!?\[([^\]\n]+)\]\[[^\]\n]*\]/g → $1
 *   AUTOLINK /<((?:https?|mailto):[^>\s]+)>/g → $1
 *   TAG      /<\/?[A-Za-z][^>]*>|<!--[\s\S]*?-->/g → ''
 *   EMPHASIS /(\*\*|__|~~|\*|`+)(?=\S)([\s\S]*?\S)\1/g → $2 (twice)
 */
import { dropAutolinks, dropEmphasis, dropLinks, dropRefLinks, dropTags } from './text-scan.js'

const CONTINUATION = /(^|[\r\n])[ \t]*(?:>[ \t]?)+/g
const ESCAPE = /\\([!-/:-@[-`{-~])/g

/** What any of the replacements below looks for; most sentences have none of it and are returned as they are. */
const NEEDS_WORK = /[[<*_~`\\]|[^\S ]| {2}|^ | $/

export function plainish(raw: string): string {
  if (!NEEDS_WORK.test(raw)) return raw
  return dropEmphasis(dropEmphasis(dropTags(dropAutolinks(dropRefLinks(dropLinks(raw.replace(CONTINUATION, '$1')))))))
    .replace(ESCAPE, '$1')
    .replace(/\s+/g, ' ')
    .trim()
}

/** Plain text cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function shortText(raw: string, max = 100): string {
  const plain = plainish(raw)
  if (plain.length <= max) return plain
  const cut = plain.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return (space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '') + '…'
}
