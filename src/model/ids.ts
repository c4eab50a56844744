import { hash } from 'node:crypto'

/**
 * Normalise a unit's plain text for identity: Unicode NFKC, lower case, curly
 * quotes and dashes folded, every run of non-letters/digits collapsed to one
 * space. Emphasis, reflowed lines and punctuation changes do not change it.
 */
const NON_ASCII = /[^\x00-\x7f]/
const ASCII_SEPARATORS = /[^a-z0-9']+/g

/** Curly single quotes and primes (folded to `'` below), and punctuation that NFKC maps to ASCII separators or leaves a non-letter. */
const QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/g
const SEPARATORS = /[\u00A0\u2010-\u2015\u201C-\u201F\u2026]/g

/** Scratch for asciiNormal's output: every char it writes is ASCII, so a byte each, read back as a one-byte string. */
const BUFFER = Buffer.allocUnsafe(4096)

const SEPARATOR = 0
const APOSTROPHE = 1
/** For each ASCII character: its lower case if a letter or digit, APOSTROPHE for `'`, else SEPARATOR (one load, not a chain of range tests). */
const WORD = new Uint8Array(128).map((_, c) => {
  const lower = String.fromCharCode(c).toLowerCase().charCodeAt(0)
  if ((lower >= 97 && lower <= 122) || (lower >= 48 && lower <= 57)) return lower
  return c === 39 ? APOSTROPHE : SEPARATOR
})

/**
 * `text.toLowerCase().replace(ASCII_SEPARATORS, ' ').replace(/'+/g, '').trim()`
 * for ASCII text, in one pass into a buffer (ids are made for every unit,
 * and the chain of replaces was most of their cost). A token is a run of
 * [a-z0-9'], apostrophes dropped from it; tokens are joined by one space,
 * even one that was only apostrophes (the chain leaves two spaces there).
 */
function asciiNormal(text: string): string {
  if (text.length > BUFFER.length) return text.toLowerCase().replace(ASCII_SEPARATORS, ' ').replace(/'+/g, '').trim()
  let n = 0
  let gap = false
  for (let i = 0; i < text.length; i++) {
    const w = WORD[text.charCodeAt(i)]!
    if (w === SEPARATOR) {
      gap = true
      continue
    }
    if (gap && n > 0) BUFFER[n++] = 32
    gap = false
    if (w !== APOSTROPHE) BUFFER[n++] = w
  }
  while (n > 0 && BUFFER[n - 1] === 32) n--
  return BUFFER.toString('latin1', 0, n)
}

export function normalizeText(plain: string): string {
  return normalized(plain).norm
}

/** The normalised text, and whether it is ASCII (the ASCII paths' output always is: baseId need not test it again). */
function normalized(plain: string): { norm: string; ascii: boolean } {
  // ASCII text (the common case) takes a shorter path with the same result:
  // NFKC leaves ASCII as it is, and its letters and digits are a-z, 0-9 once lower-cased.
  if (!NON_ASCII.test(plain)) return { norm: asciiNormal(plain), ascii: true }
  // So does text whose only other characters are curly quotes, dashes, an ellipsis or a no-break space
  // (prose nearly always): the quotes become `'`, the rest separators, as the full path below makes them.
  const mapped = plain.replace(QUOTES, "'").replace(SEPARATORS, ' ')
  if (!NON_ASCII.test(mapped)) return { norm: asciiNormal(mapped), ascii: true }
  const norm = fullNormal(plain)
  return { norm, ascii: !NON_ASCII.test(norm) }
}

function fullNormal(plain: string): string {
  return plain
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .replace(/'+/g, '')
    .trim()
}

/** Short slug (up to 5 words) + 6 hex digits of the sha1 of the normalised text. */
export function baseId(plain: string): string {
  const { norm, ascii } = normalized(plain)
  let slug = ''
  let count = 0
  // Words of `norm` are separated by single spaces; an ASCII one is [a-z0-9]+ already.
  for (let from = 0; from < norm.length && count < 5; ) {
    let to = norm.indexOf(' ', from)
    if (to === -1) to = norm.length
    const w = norm.slice(from, to)
    from = to + 1
    const part = ascii ? w : w.normalize('NFKD').replace(/[^a-z0-9]/g, '')
    if (!part) continue
    if (slug && slug.length + part.length + 1 > 32) break
    slug = slug ? `${slug}-${part}` : part
    count++
  }
  const digest = hash('sha1', norm, 'hex').slice(0, 6)
  return slug ? `${slug}-${digest}` : `u-${digest}`
}

/**
 * Ids for a list of unit texts in document order: the base id, with `-2`, `-3`...
 * for the second and later occurrences of the same normalised text. Linear time.
 */
export function assignIds(plains: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return plains.map((p) => {
    const id = baseId(p)
    const n = (seen.get(id) ?? 0) + 1
    seen.set(id, n)
    return n === 1 ? id : `${id}-${n}`
  })
}
