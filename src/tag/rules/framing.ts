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

/** The two outcomes, made once (callers only read them). */
const FRAMES: FramingResult = Object.freeze({ framing: true, signals: Object.freeze(['framing']) as string[] })
const NO_FRAMING: FramingResult = Object.freeze({ framing: false, signals: Object.freeze([]) as unknown as string[] })

export function framing(folded: string): FramingResult {
  for (let i = 0; i < FRAMING.length; i++) if (FRAMING[i]!.test(folded)) return FRAMES
  return NO_FRAMING
}
