/**
 * Rule: boilerplate around an article: navigation ("Go back", "Share"), date
 * lines ("Published 30 Apr 2018"), bylines that are only a name, and author
 * bios ("X is an intern at ...", "He is currently ..."). Such units are `none`.
 */
import type { Segment } from '../../model/types.js'

export type BoilerplateKind = 'navigation' | 'dateline' | 'byline' | 'bio'

export interface BoilerplateResult {
  kind: BoilerplateKind | null
  signals: string[]
}

const NAVIGATION =
  /^(?:go back|back|back to top|back to \w+|home|menu|share|share this|share on \w+|tweet|email|print|read more|continue reading|read the full \w+|next|previous|next article|previous article|subscribe|sign up|sign in|log in|skip to content|comments?|leave a comment|related|related articles|advertisement|see also|follow us|click here|more)[\s.:!>»›-]*$/
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)'
const DATELINE = new RegExp(
  `^(?:(?:published|posted|updated|last updated|first published|date)\\s*(?:on|at)?\\s*:?\\s*)?(?:\\w+day,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+\\d{4}|${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d\\d-\\d\\d|\\d{1,2}/\\d{1,2}/\\d{2,4})(?:,?\\s+\\d{1,2}[:.]\\d\\d\\s*(?:am|pm)?)?[\\s.]*$`,
)
/** "By Jane Doe", "Christopher Khatouki", "Jane van der Berg": two to four capitalised words. */
const BYLINE = /^(?:by\s+)?(?:[A-Z][\p{L}'’.-]+|van|von|de|der|da|la|le|bin)(?:\s+(?:[A-Z][\p{L}'’.-]*|van|von|de|der|da|la|le|bin)){1,4}$/u
const BIO_FIRST =
  /^(?:[A-Z][\p{L}'’-]+\s+){1,3}(?:is|was|has been)\s+(?:an?|the|currently|now|also|formerly)\s+(?:[\w-]+\s+){0,4}(?:intern|professor|lecturer|fellow|student|journalist|writer|editor|researcher|director|analyst|correspondent|contributor|author|columnist|scholar|candidate|graduate|reporter|consultant|adviser|advisor|member|founder|head|chair|manager|officer|expert|specialist|commentator|blogger|scientist|economist|historian|lawyer|teacher)\b/u
const BIO_CONT =
  /^(?:(?:he|she|they)\s+(?:is|are|was|has|have)\s+(?:currently|also|now|previously|formerly|the author|a regular)|(?:his|her|their)\s+(?:current|research|work|main|latest|areas?|interests?|previous)\b|[A-Z][\p{L}'’-]+(?:'|’)s?\s+(?:area|areas|research|work|interests?|focus)\b|(?:in \d{4},?\s+)?(?:his|her|their)\s+current focus\b)/iu

/** Sentence punctuation at the end (made once, not per unit). */
const CLOSED = /[.!?]$/

/** A unit in the document's last paragraphs that opens an author bio, or continues one. */
export function boilerplate(seg: Segment, folded: string, opts: { nearEnd: boolean; inBio: boolean }): BoilerplateResult {
  const plain = seg.plain.trim()
  if (NAVIGATION.test(folded)) return hit('navigation')
  if (DATELINE.test(folded)) return hit('dateline')
  // A bare name (no sentence punctuation, every word capitalised): a byline, alone or under a date line.
  if (seg.block !== 'heading' && !seg.clause && !CLOSED.test(plain) && BYLINE.test(plain)) return hit('byline')
  if (opts.nearEnd && BIO_FIRST.test(plain)) return hit('bio')
  if (opts.inBio && (BIO_CONT.test(plain) || BIO_FIRST.test(plain) || seg.index > 0)) return hit('bio')
  return NOT_BOILERPLATE
}

/** Most units: made once (callers only read it). */
const NOT_BOILERPLATE: BoilerplateResult = Object.freeze({ kind: null, signals: Object.freeze([]) as unknown as string[] })

function hit(kind: BoilerplateKind): BoilerplateResult {
  return { kind, signals: [`boilerplate:${kind}`] }
}

/** True when `plain` opens an author bio (used to mark the rest of its paragraph). */
export function opensBio(plain: string): boolean {
  return BIO_FIRST.test(plain.trim())
}
