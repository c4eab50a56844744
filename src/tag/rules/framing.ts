/**
 * Rule: meta-discourse that frames the text instead of arguing ("It is worth
 * briefly examining ...", "Let us consider ...", "In order to understand X, ...").
 */

export interface FramingResult {
  framing: boolean
  signals: string[]
}

const FRAMING = [
  /^(?:in order )?to (?:understand|appreciate|put (?:this|these|it) in(?:to)? (?:context|perspective))\b/,
  /^it is (?:worth|relevant|useful|helpful|instructive|important|necessary) (?:to )?(?:\w+ly )?(?:consider|examin|look|review|understand|ask|begin|start|explore|revisit|briefly)/,
  /^(?:let us|let's|let me|we (?:will|shall|must first|should first|can)) (?:\w+ly )?(?:consider|examine|look|turn|begin|start|recall|review|explore)\b/,
  /^(?:this|the following) (?:article|essay|piece|post|paper|text) (?:will|shall|examines|explores|looks|considers|argues)\b/,
  /^(?:first|before),? (?:some|a (?:little|bit of)) (?:background|context|history)\b/,
]

export function framing(folded: string): FramingResult {
  for (const re of FRAMING) if (re.test(folded)) return { framing: true, signals: ['framing'] }
  return { framing: false, signals: [] }
}
