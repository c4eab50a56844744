/** HTML escaping for text and attribute values. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

const SPECIAL = /[&<>"']/
const SPECIALS = /[&<>"']/g

/** Most strings on a page (ids, classes, most sentences) have nothing to escape: a test finds that faster than a replace with a callback. */
export function esc(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITIES[c]!) : text
}

/** JSON safe inside a `<script>` element (no `</script>`, no `<!--`). */
export function scriptJSON(value: unknown): string {
  const json = JSON.stringify(value)
  // One scan when there is nothing to replace (the usual case), not one per replacement.
  if (!/[<\u2028\u2029]/.test(json)) return json
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** Confidence below this is marked as low on the page. */
export const LOW_CONFIDENCE = 0.6

export const isLow = (confidence: number): boolean => confidence < LOW_CONFIDENCE
