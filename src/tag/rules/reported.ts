/**
 * Rule: reported events. Narration of what happened (dates, past tense, named
 * people and places, figures) is background unless the author argues with it.
 * Returns a score; the combiner decides.
 */

export interface ReportedResult {
  /** 0 (no narration cues) upwards; 2 or more reads as a report of events. */
  score: number
  signals: string[]
}

const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)'
const DATE = new RegExp(
  [
    `\\b\\d{1,2}(?:st|nd|rd|th)? (?:of )?${MONTH}\\b`,
    `\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?\\b`,
    `\\b(?:in|on|since|by|until|during|from) (?:the )?(?:early |late |mid-?)?(?:1[5-9]|20)\\d\\d(?:s)?\\b`,
    `\\b(?:1[89]|20)\\d\\d\\b`,
    `\\b(?:yesterday|last (?:week|month|year|night|summer|winter|spring|autumn)|(?:a|one|two|three|\\d+|several|a few) (?:days?|weeks?|months?|years?|decades?) (?:later|ago|earlier|before|after))\\b`,
  ].join('|'),
)
/** Cheap pre-check before the date expression. */
const MAYBE_DATE = /\d|yesterday|last |later|ago\b|earlier|before|after|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/
const NUMBER = /\b\d[\d,.]*\s*(?:%|percent|per cent|million|billion|thousand)?/
const IRREGULAR_PAST =
  /\b(?:was|were|did|said|showed|made|became|began|came|went|took|found|left|met|told|saw|gave|held|led|won|lost|knew|thought|brought|wrote|ran|rose|fell|spoke|sent|got|kept|felt|stood|paid|built|sought|fought|struck|chose|drove|grew|threw|broke)\b(?!')/
const REGULAR_PAST = /\b(?:[a-z]{3,}ed)\b/
/** Present or future tense, the negated forms included ("won't" is not the past tense "won"). */
const PRESENT_VOICE = /\b(?:is|are|am|has|have|do|does|will|can|should|must|shall|ought|need|needs|'s|'re|(?:is|are|has|have|do|does|wo|ca|should|must|need)n't|cannot)\b/
/** A capitalised word that does not open the sentence or a quotation: a name. */
const NAME = /[a-z,;:)]\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*/

export function reported(plain: string, folded: string): ReportedResult {
  let score = 0
  const signals: string[] = []
  if (MAYBE_DATE.test(folded) && DATE.test(folded)) {
    score += 1
    signals.push('event:date')
  }
  if ((IRREGULAR_PAST.test(folded) || REGULAR_PAST.test(folded)) && !PRESENT_VOICE.test(folded)) {
    score += 1
    signals.push('event:past')
  }
  if (NAME.test(plain)) {
    score += 0.5
    signals.push('event:name')
  }
  if (!signals.includes('event:date') && NUMBER.test(folded)) {
    score += 0.5
    signals.push('event:number')
  }
  return { score, signals }
}
