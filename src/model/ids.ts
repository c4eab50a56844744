import { createHash } from 'node:crypto'

/**
 * Normalise a unit's plain text for identity: Unicode NFKC, lower case, curly
 * quotes and dashes folded, every run of non-letters/digits collapsed to one
 * space. Emphasis, reflowed lines and punctuation changes do not change it.
 */
const NON_ASCII = /[^\x00-\x7f]/
const ASCII_SEPARATORS = /[^a-z0-9']+/g

export function normalizeText(plain: string): string {
  // ASCII text (the common case) takes a shorter path with the same result:
  // NFKC leaves ASCII as it is, and its letters and digits are a-z, 0-9 once lower-cased.
  if (!NON_ASCII.test(plain)) return plain.toLowerCase().replace(ASCII_SEPARATORS, ' ').replace(/'+/g, '').trim()
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
  const norm = normalizeText(plain)
  const words = norm.split(' ').filter(Boolean)
  let slug = ''
  for (const w of words) {
    const ascii = (NON_ASCII.test(w) ? w.normalize('NFKD') : w).replace(/[^a-z0-9]/g, '')
    if (!ascii) continue
    if (slug && slug.length + ascii.length + 1 > 32) break
    slug = slug ? `${slug}-${ascii}` : ascii
    if (slug.split('-').length >= 5) break
  }
  const hash = createHash('sha1').update(norm).digest('hex').slice(0, 6)
  return slug ? `${slug}-${hash}` : `u-${hash}`
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
