/**
 * Markers of a conclusion drawn from what precedes, and of the author's own
 * stance (thesis statements).
 */

/** "A. Therefore B": B is concluded from A. */
export const CONCLUSION: readonly string[] = Object.freeze([
  'with that logic', 'by that logic', 'following this logic', 'given all this', 'with this in mind',
  'in light of this', 'because of this', 'because of that', 'for that reason', 'therefore', 'thus', 'hence', 'consequently', 'so', 'as a result', 'as a consequence', 'in conclusion',
  'to conclude', 'to sum up', 'summing up', 'in sum', 'in summary', 'in short', 'overall', 'it follows that',
  'all in all', 'that is why', "that's why", 'this is why', 'which is why', 'which means', 'this means',
  'that means', 'so that means', 'for these reasons', 'for this reason', 'for all these reasons',
  'for all of these reasons', 'accordingly', 'ultimately', 'in the end', 'all things considered',
  'taken together', 'the bottom line is', 'as such', 'it is therefore', 'we can conclude', 'to put it simply',
])

/** Summary markers announce the upshot of the whole text: the strongest thesis cue. */
export const SUMMARY: readonly string[] = Object.freeze([
  'in conclusion', 'to conclude', 'to sum up', 'summing up', 'in sum', 'in summary', 'overall', 'all in all',
  'all things considered', 'taken together', 'for these reasons', 'for all these reasons', 'for all of these reasons',
  'the bottom line is', 'in short',
])

/** The author states a position: typical of a thesis. */
export const STANCE: readonly string[] = Object.freeze([
  'i think', 'i believe', 'i feel', 'i am convinced', "i'm convinced", 'i am sure', "i'm sure",
  'in my opinion', 'in my view', 'in my eyes', 'my view is', 'my opinion is', 'my position is', 'i would argue',
  'i argue', 'i contend', 'i maintain', 'i strongly believe', 'i firmly believe', 'i would say', 'i agree',
  'i disagree', 'i do not think', "i don't think", 'i do not believe', "i don't believe", 'i would', "i'd", 'i prefer',
  'i support', 'i oppose', 'it is clear that', "it's clear that", 'it is obvious that', 'it is quite clear that', 'it is very clear that', 'it is evident that',
  'the answer is',
  'personally', 'i say', 'i would like to', 'i am in favour', 'i am in favor', 'i am against', 'i am for',
])

/** Inside a unit ("X is therefore Y"): still marks a conclusion. */
export const INNER_CONCLUSION: readonly string[] = Object.freeze([
  'therefore', 'thus', 'hence', 'consequently', 'accordingly', 'it follows that', 'become clear',
  'becomes clear', 'is clear', 'that is why', 'which is why', 'in conclusion',
])
