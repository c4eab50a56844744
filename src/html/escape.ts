/** HTML escaping for text and attribute values. */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

/** JSON safe inside a `<script>` element (no `</script>`, no `<!--`). */
export function scriptJSON(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')
}

/** Confidence below this is marked as low on the page. */
export const LOW_CONFIDENCE = 0.6

export const isLow = (confidence: number): boolean => confidence < LOW_CONFIDENCE
