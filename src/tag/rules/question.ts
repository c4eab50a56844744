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

export function question(text: string): QuestionResult {
  const isQ = /\?["')\]\s]*$/.test(text)
  if (!isQ) return { question: false, framing: false, signals: [] }
  const framing = FRAMING.test(text) || text.split(' ').length <= 3
  return { question: true, framing, signals: framing ? ['question', 'question:framing'] : ['question'] }
}
