/**
 * The input classes of issue 18 that could make a stage super-linear, each a
 * generator of its size-n document. Doubling n doubles the document (the deep
 * classes double the nesting depth and the text inside it). Used by the bench
 * (`classes` section: time) and by test/linear-work.test.ts (work counted).
 */
export interface InputClass {
  name: string
  /** The document at size n. */
  build: (n: number) => string
  /** The bench's smallest n (it doubles four times); the test uses `testN` and 2·testN. */
  benchN: number
  testN: number
}

const sentence = 'Taxes should rise, because schools need money'
const rep = (unit: string, n: number): string => unit.repeat(n)

export const INPUT_CLASSES: readonly InputClass[] = [
  { name: 'paragraph without full stops', build: (n) => rep('we say it, because they know, and so ', n), benchN: 500, testN: 400 },
  { name: 'one long line', build: (n) => rep(`${sentence}. Therefore we must vote yes! `, n), benchN: 200, testN: 150 },
  { name: 'short paragraphs', build: (n) => rep(`${sentence}.\n\n`, n), benchN: 800, testN: 300 },
  { name: 'list items', build: (n) => rep(`- ${sentence}.\n`, n), benchN: 500, testN: 300 },
  // Nesting n deep on the first line (`> > > …`, `- - - …`), then lazy continuation lines: n/2 sentences in the innermost paragraph.
  { name: 'deep block quotes', build: (n) => `${rep('> ', n)}${rep(`${sentence}.\n`, n >> 1)}`, benchN: 16, testN: 120 },
  { name: 'deep lists', build: (n) => `${rep('- ', n)}${rep(`${sentence}.\n`, n >> 1)}`, benchN: 16, testN: 120 },
  { name: 'run of *', build: (n) => `We say ${rep('*', n)} so.\n`, benchN: 12_500, testN: 6000 },
  { name: 'run of _', build: (n) => `We say ${rep('_', n)} so.\n`, benchN: 12_500, testN: 6000 },
  { name: 'run of [', build: (n) => `We say ${rep('[', n)} so.\n`, benchN: 12_500, testN: 6000 },
  { name: 'run of `', build: (n) => `We say ${rep('`', n)} so.\n`, benchN: 12_500, testN: 6000 },
  { name: 'open emphasis and links', build: (n) => rep('a *b _c [d `e ', n), benchN: 1000, testN: 500 },
  { name: 'many links', build: (n) => rep('See [the report](https://example.com/r) because it matters. ', n), benchN: 250, testN: 150 },
  {
    name: 'large table',
    build: (n) => `| claim | reason |\n| --- | --- |\n${rep(`| ${sentence} | because \`code\` and *so* |\n`, n)}`,
    benchN: 150,
    testN: 150,
  },
]
