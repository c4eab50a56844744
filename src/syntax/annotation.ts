/**
 * The annotated-markdown syntax, shared by the writer (src/emit/annotated.ts)
 * and the readers (src/read/*). One place, so both sides agree.
 */

/** Directive names that are argmap marks (text directives only). */
export const MARK_NAMES: ReadonlySet<string> = new Set(['conclusion', 'claim', 'premise'])

/**
 * An empty inline HTML comment that argmap inserts and `strip` removes: it
 * keeps author text that would otherwise read as one of our marks (`:claim`)
 * from being one, and separates a mark from a `:` right before it. Where an
 * unclosed construct in the author's text would swallow it (an unclosed
 * `<!--` ends at the escape's `-->`), the next form is tried: a processing
 * instruction, an element tag, a CDATA section. Each is closed by a different
 * sequence, so only text with all four constructs left open before the
 * literal defeats them all.
 */
export const ESCAPES = ['<!--argmap-->', '<?argmap?>', '<x-argmap/>', '<![CDATA[argmap]]>'] as const
export const ESCAPE = ESCAPES[0]
const ESCAPE_SET: ReadonlySet<string> = new Set(ESCAPES)
export const isEscape = (html: string): boolean => ESCAPE_SET.has(html)

/** Start of the generated trailer; always at the start of a line. */
export const TRAILER_OPEN = '<!-- argmap:begin'

/** Start of the machine-readable block inside the trailer. */
export const DATA_OPEN = '<!-- argmap:data'

/** Relation attribute names on a mark, by relation type. */
export const RELATION_ATTRIBUTE = { support: 'supports', attack: 'attacks', restates: 'restates' } as const

/**
 * Author text that remark-directive would read as one of our marks:
 * `:claim`, `:premise`, `:conclusion` not followed by a name character.
 */
export const LITERAL_MARK = /:(?:conclusion|claim|premise)(?![^\s\p{P}\p{S}]|[-_:])/gu

/** Characters kept as is in data-block fields; everything else is %-encoded. */
const SAFE = /^[\p{L}\p{N}:._/+=#@,()'*~$&;?[\]{}|^-]$/u

/** A field of SAFE characters only (the common case: ids, signals) is kept whole, without a per-character pass. */
const ALL_SAFE = /^[\p{L}\p{N}:._/+=#@,()'*~$&;?[\]{}|^-]+$/u

/** ALL_SAFE for ASCII fields (ids and signals nearly always are): a plain character class, no Unicode properties. */
const ASCII_SAFE = /^[A-Za-z0-9:._/+=#@,()'*~$&;?[\]{}|^-]+$/

/** Encode a data-block field so it holds no whitespace, no `%`, no `>` and no leading `!`. */
export function encodeField(value: string): string {
  if (ASCII_SAFE.test(value) || ALL_SAFE.test(value)) return value.startsWith('!') ? '%21' + value.slice(1) : value
  let out = ''
  for (const ch of value) {
    out += SAFE.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
  }
  if (out === '') return '%'
  return out.startsWith('!') ? '%21' + out.slice(1) : out
}

export function decodeField(field: string): string {
  if (field === '%') return ''
  try {
    return decodeURIComponent(field)
  } catch {
    return field
  }
}

/** JSON string safe inside an HTML comment (no `>`, so no `-->`). */
export function quote(value: string): string {
  return JSON.stringify(value).replace(/>/g, '\\u003e')
}
