/**
 * Rule: questions. A question is rarely a thesis; a rhetorical question often
 * works as a premise. The question that frames a text ("The question is: why
 * now?") is not argumentative at all.
 */

export interface QuestionResult {
  question: boolean
  /** A framing question such as "The question is: why now?". */
  framing: boolean
  signals: string[]
}

const FRAMING = /^(?:the|our|my|one|a|an) (?:\w+ )?(?:question|puzzle|issue|mystery) (?:is|remains|then is|here is|arises)\b|^(?:why|how) now\b/

/** The three outcomes, made once (callers only read them): most units are no question. */
const NO_QUESTION: QuestionResult = Object.freeze({ question: false, framing: false, signals: Object.freeze([]) as unknown as string[] })
const QUESTION: QuestionResult = Object.freeze({ question: true, framing: false, signals: Object.freeze(['question']) as string[] })
const FRAMING_QUESTION: QuestionResult = Object.freeze({
  question: true,
  framing: true,
  signals: Object.freeze(['question', 'question:framing']) as string[],
})

/** (Made once: a literal in the function would be a new expression object for every unit.) */
const QUESTION_END = /\?["')\]\s]*$/

export function question(text: string): QuestionResult {
  const isQ = QUESTION_END.test(text)
  if (!isQ) return NO_QUESTION
  const framing = FRAMING.test(text) || text.split(' ').length <= 3
  return framing ? FRAMING_QUESTION : QUESTION
}
