/**
 * Markers that introduce support for something else: reasons, evidence,
 * examples, further points in a list, emphasis. Phrases are lower case, with
 * straight apostrophes, matched on word boundaries.
 */

/** "X because Y": the marked unit is a reason for what it is attached to. */
export const REASON: readonly string[] = Object.freeze([
  'because', 'since', 'as', 'given that', 'for', 'after all', 'the reason is', 'the reason being',
  'this is because', 'that is because', "that's because", 'this is due to', 'that is due to', 'this is so because',
  'this is evidenced by', 'as evidenced by', 'this is shown by', 'as shown by', 'this shows', 'this proves',
  'this is proven by', 'this is demonstrated by', 'as demonstrated by', 'evidence of this is', 'considering that', 'seeing that', 'seeing as', 'on the grounds that', 'in that', 'inasmuch as',
  'not least because', 'one reason', 'one reason is', 'the main reason', 'a reason', 'studies show', 'research shows', 'statistics show',
])

/** "For example Y": the marked unit illustrates what precedes it. */
export const EXAMPLE: readonly string[] = Object.freeze([
  'for example', 'for instance', 'e.g.', 'to illustrate', 'a case in point', 'take for example',
  'as an example', 'an example of this', 'one example', 'in particular', 'specifically', 'such as',
])

/** Further points in a list of reasons: each supports the main point, not the previous reason. */
export const ADDITION: readonly string[] = Object.freeze([
  'moreover', 'furthermore', 'in addition', 'additionally', 'also', 'besides', 'what is more', "what's more",
  'plus', 'on top of that', 'for one thing', 'for another', 'another reason', 'another thing', 'first', 'firstly', 'first of all', 'second', 'secondly', 'third', 'thirdly',
  'finally', 'lastly', 'last but not least', 'another', 'not only', 'equally', 'likewise', 'similarly',
  'on top of this', 'in the same way', 'apart from that', 'aside from that', 'not to mention',
])

/** Emphasis: argumentative, but with no direction of its own. */
export const EMPHASIS: readonly string[] = Object.freeze([
  'indeed', 'in fact', 'actually', 'above all', 'especially', 'in reality', 'the fact is', 'the truth is',
])
