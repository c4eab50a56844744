/** Weak: necessity that is often only described ("you have to wait"). */
export const NECESSITY: readonly string[] = Object.freeze([
  'need to', 'needs to', 'needed to', 'have to', 'has to', 'had to', 'have got to', 'is required', 'are required',
  'is needed', 'are needed', 'is necessary', 'are necessary',
])

/** Deontic modals (what ought to be done) and evaluative language (good, bad, fair...). */

/** Strong: the author prescribes. */
export const DEONTIC: readonly string[] = Object.freeze([
  'should', 'shouldn\'t', 'must', 'mustn\'t', 'ought to', 'ought not', 'had better', "'d better", 'we need',
  'we have to', 'we need to', 'we must', 'cannot afford', "can't afford", 'can no longer afford',
  'it is time', "it's time", 'should be', 'must be', 'would do well to',
  'is obliged', 'are obliged', 'it is necessary', 'it is essential', 'it is vital', 'it is crucial',
  'it is important', 'let us', "let's",
  'no one should', 'nobody should', 'there should be', 'there must be', 'put an end to', 'it is high time',
])

export const EVALUATIVE: readonly string[] = Object.freeze([
  'right', 'wrong', 'important', 'essential', 'crucial', 'vital', 'necessary', 'unnecessary', 'unfair', 'fair',
  'unjust', 'injustice', 'better', 'worse', 'best', 'worst', 'good', 'bad', 'great', 'terrible', 'awful',
  'harmful', 'beneficial', 'dangerous', 'useful', 'useless', 'pointless', 'sensible', 'reasonable',
  'unreasonable', 'acceptable', 'unacceptable', 'justified', 'unjustified', 'mistake', 'good idea',
  'bad idea', 'makes sense', 'make sense', 'worth', 'worthwhile', 'wise', 'unwise', 'ridiculous', 'absurd',
  'appropriate', 'inappropriate', 'desirable', 'undesirable', 'effective', 'ineffective', 'problem',
  'problematic', 'advantage', 'advantages', 'disadvantage', 'disadvantages', 'benefit', 'benefits',
  'beneficial', 'positive', 'negative', 'helpful', 'unhelpful', 'valuable', 'irresponsible', 'responsible',
  'ethical', 'unethical', 'immoral', 'moral', 'legitimate', 'illegitimate', 'sustainable', 'unsustainable',
  'efficient', 'inefficient', 'fine', 'okay', 'ok', 'nonsense', 'outrageous', 'shameful', 'cruel',
  'stands to lose', 'stand to lose', 'stands to gain', 'stand to gain', 'at stake', 'in the interest',
  'a waste', 'waste of', 'cannot stand', 'precarious', 'damaging', 'detrimental', 'counterproductive',
  'advisable', 'preferable', 'deserve', 'deserves', 'too much', 'too many', 'too little', 'too few',
  'enough', 'the only way', 'the best way', 'the right thing', 'should not', 'is key', 'is the key',
  // "X did not help": X made a bad state worse (an understatement, still a judgement).
  'did not help', "didn't help", 'does not help', "doesn't help", 'do not help', "don't help",
  'made matters worse', 'make matters worse', 'makes matters worse', 'made things worse',
  'makes little sense', 'make little sense', 'makes no sense', 'make no sense', 'made no sense',
])
