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

/** A field of SAFE characters only is kept whole, without a per-character pass. */
const ALL_SAFE = /^[\p{L}\p{N}:._/+=#@,()'*~$&;?[\]{}|^-]+$/u

/** One character's encoding: itself when SAFE, else %-encoded (`!'()*` too, which encodeURIComponent keeps). */
function encodeChar(ch: string): string {
  return SAFE.test(ch) ? ch : encodeURIComponent(ch).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase())
}

/** encodeChar of each ASCII character, undefined where it is kept: ASCII fields are encoded from the table in one pass. */
export const ASCII_ENCODED: ReadonlyArray<string | undefined> = Array.from({ length: 128 }, (_, c) => {
  const ch = String.fromCharCode(c)
  const encoded = encodeChar(ch)
  return encoded === ch ? undefined : encoded
})

/**
 * Encode a data-block field so it holds no whitespace, no `%`, no `>` and no leading `!`.
 *
 * ASCII fields (ids, the learned model's signals) are encoded in one pass from
 * the table above. Signals hold a space (`words<=2 +1.55`), and the trailer of
 * a large map has half a million of them: the per-character path below, a
 * Unicode-class regular expression per character, was most of its time.
 * (Testing an all-safe class first, or replacing ` ` and `<` by regular
 * expressions, is slower for them.) No `!` is kept by the table, so none leads.
 */
export function encodeField(value: string): string {
  let out = ''
  let from = 0
  let i = 0
  for (; i < value.length; i++) {
    const c = value.charCodeAt(i)
    if (c >= 128) break
    const encoded = ASCII_ENCODED[c]
    if (encoded === undefined) continue
    out += value.slice(from, i) + encoded
    from = i + 1
  }
  if (i === value.length && value !== '') return from === 0 ? value : out + value.slice(from)
  if (ALL_SAFE.test(value)) return value.startsWith('!') ? '%21' + value.slice(1) : value
  out = ''
  for (const ch of value) out += encodeChar(ch)
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
