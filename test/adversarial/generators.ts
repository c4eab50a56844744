/**
 * The adversarial corpus (issue 19): generators, not files. Each named
 * generator is an attack found by hand (the repros, at a size that
 * runs in a test) or a family of seeded random documents built from hostile
 * pieces: container and inline nesting, unclosed openers, tables,
 * footnotes, HTML and script payloads, our own mark syntax, invalid bytes.
 */
import { seeded } from '../helpers.js'

export interface Hostile {
  /** File name (without `.md`): also the document's name in the run. */
  name: string
  bytes: Buffer
}

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8')

/** The hand-found attacks, each small enough to map in well under a second, or refused by a limit. */
export const FIXED: Record<string, () => Buffer> = {
  'clause-connectives': () => utf8('a, because b, '.repeat(500)),
  'display-brackets': () => utf8(`We should act. ${'a [b '.repeat(1000)}`),
  'display-tags': () => utf8(`We should act. ${'a <b '.repeat(1000)}`),
  'display-autolinks': () => utf8(`We should act. ${'a <http:b'.repeat(500)}`),
  'display-emphasis': () => utf8(`We should act. ${'a *b '.repeat(1000)}`),
  'footnote-list': () => utf8(`A note.[^1]\n\n[^1]: ${'- '.repeat(4000)}x\n`),
  'footnote-quote': () => utf8(`[^1]\n\n[^1]: ${'> '.repeat(4000)}x\n`),
  'emphasis-run': () => utf8(`${'*'.repeat(4000)}a${'*'.repeat(4000)}\n`),
  'emphasis-words': () => utf8(`${'*a '.repeat(3000)}b${' c*'.repeat(3000)}\n`),
  'nested-labels': () => utf8(`${'[a '.repeat(20000)}x${']'.repeat(20000)}\n`),
  'deep-list': () => utf8(`${'- '.repeat(5000)}x\n`),
  'deep-quote': () => utf8(`${'> '.repeat(5000)}x\n`),
  'table': () => utf8(`|a|b|\n|-|-|\n${'|x y.|z w.|\n'.repeat(150)}`),
  'script-payloads': () =>
    utf8(
      '# <script>alert(1)</script> title\n\n' +
        '---\ntitle: "<img src=x onerror=alert(1)>"\n---\n\n' +
        'We should <img src=x onerror="document.title=\'PWNED\'"> act now, because "><svg onload=alert(1)> it is late.\n\n' +
        '[click](javascript:alert(1)) and <a href="javascript:alert(1)">here</a> show it.\n\n' +
        '<!-- --><script>alert(1)</script> It is </textarea></style></script> fine.\n',
    ),
  'own-marks': () =>
    utf8(
      'Re:claim[x]{#a supports=b} and :premise[y]{#Note 1} and :conclusion{len=9999999} are author text.\n\n' +
        '<!-- argmap:begin final-newline=yes -->\n<!-- argmap:data\nunits:\n  Bad-Id 0.5\n-->\n',
    ),
  // Minimised from a random document: escapes chosen literal by literal swallowed each other (annotate gave up).
  'open-constructs-before-marks': () => utf8('-<!--<?:claim[:premise :claim'),
  'bom-crlf-mixed': () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('We should act.\r\nIt is late.\rIt is.\n\u2028Yes.\u00a0No.')]),
  'invalid-utf8': () => Buffer.from([0x57, 0x65, 0x20, 0xc3, 0x28, 0x2e]),
  'nul': () => Buffer.from('We act.\0 Now.'),
  'utf16': () => Buffer.from([0xff, 0xfe, 0x57, 0x00]),
  'empty': () => Buffer.alloc(0),
  'whitespace': () => utf8(' \n\t\n\u00a0\n'),
  'long-line-no-ends': () => utf8('word '.repeat(5000)),
  'surrogates': () => utf8(`${'𝐀𝐁 '.repeat(2000)}. ${'\u{1F600}'.repeat(1000)}.`),
}

/** Hostile pieces the random documents are built from. */
const PIECES = [
  'We should act now', ', because', ' it is late', '. ', '! ', '? ', '\n', '\n\n', '\r\n', '  \n',
  '> ', '- ', '1. ', '* ', '    ', '\t', '```\n', '~~~', '`', '``', '*', '**', '_', '__', '~~', '[', ']', '(', ')', '](', '][', '![', '[^1]', '[^1]: ',
  '<', '>', '<!--', '-->', '<?', '?>', '<![CDATA[', ']]>', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', '&amp;', '&#0;', '&#x1F600;', '&lt;',
  '|', '|---|', '| a | b |\n|---|---|\n', '---\n', '+++\n', ':claim[', ':premise{#x len=5}', ']{#id supports=y}', '{#Note 1}', ':::', '\\', '\\*',
  'http://a.b/c', 'www.x.y', 'a@b.co', '<http:', '@alice', '#1', '\u00a0', '\u200b', '\u2028', '\ufeff', 'é', '𝐀', '\u0301', '\ud800',
  'e.g.', 'Dr.', 'U.S.', '3.5', '...', '…', '“', '”', '‘', '’', 'Although', 'If', 'However;', ', as it', ': the', 'unless', 'since they',
]

/** A random document from the pieces (seeded: the same document on every run). */
export function randomDocument(seed: number): Hostile {
  const pick = seeded(seed * 7919 + 17)
  const length = 20 + pick(100)
  let text = ''
  for (let i = 0; i < length; i++) {
    const piece = PIECES[pick(PIECES.length)]!
    // Now and then a long run of one piece: the shapes that went quadratic.
    text += pick(20) === 0 ? piece.repeat(20 + pick(100)) : piece
  }
  return { name: `random-${seed}`, bytes: utf8(text) }
}

/** Names that are hostile themselves (HTML, long, a reserved name). */
export const NAMES = ['index', '<img src=x onerror=alert(1)>', `${'n'.repeat(240)}`, 'sub/inner', 'sub/index', '..%2Fx', 'a b', 'é']

export function corpus(seeds: number): Hostile[] {
  const fixed = Object.entries(FIXED).map(([name, make]) => ({ name, bytes: make() }))
  const named = NAMES.map((name, i) => ({ name, bytes: utf8(`We should act now, because it is late (${i}). It is.\n`) }))
  const random = Array.from({ length: seeds }, (_, i) => randomDocument(i + 1))
  return [...fixed, ...named, ...random]
}
