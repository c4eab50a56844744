import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { reviewAccept } from '../src/cli/commands/review.js'
import { annotate } from '../src/emit/annotated.js'
import { analyze } from '../src/pipeline.js'
import { checkAnnotated } from '../src/review/check.js'
import { captureIo, opEdPath, tempDir } from './helpers.js'

/** `review accept` refuses, with a place and exit 1, what it cannot record faithfully; nothing is written. */
const env = { by: () => 'R', now: () => new Date('2026-05-06T07:08:09Z') }
const text = readFileSync(opEdPath, 'utf8')
const fresh = annotate(text, analyze(text, { path: 'corpus/op-ed.md' }))
const STANDS = ':claim[China stands to lose in both.]'

function setup(annotated = fresh): string {
  const dir = tempDir('argmap-accept-err-')
  mkdirSync(join(dir, 'corpus'))
  mkdirSync(join(dir, 'out'))
  copyFileSync(opEdPath, join(dir, 'corpus/op-ed.md'))
  writeFileSync(join(dir, 'out/op-ed.annotated.md'), annotated)
  return dir
}

function refuse(dir: string, file: string, extra: { source?: string } = {}) {
  const io = captureIo(dir)
  const code = reviewAccept({ file, ...extra }, io, env)
  return { code, err: io.err(), out: io.out(), written: existsSync(join(dir, 'corpus/op-ed.review.json')) }
}

const lineOf = (s: string, needle: string) => s.slice(0, s.indexOf(needle)).split('\n').length

describe('issue 16 #2: accepting the source by mistake', () => {
  it('is an error at 1:1 naming the file, exit 1, nothing recorded, with or without --source', () => {
    const dir = setup()
    for (const extra of [{}, { source: 'corpus/op-ed.md' }]) {
      const r = refuse(dir, 'corpus/op-ed.md', extra)
      expect(r.code).toBe(1)
      expect(r.err).toMatch(/^corpus\/op-ed\.md:1:1: not an annotated file .* \[not-annotated\]\nargmap: nothing was recorded/)
      expect(r.written).toBe(false)
    }
  })
})

describe('issue 16 #3: a typo in a mark', () => {
  it('`:clam[…]` is an unknown role at its line and column, exit 1, no false "older version" warning', () => {
    expect(fresh).toContain(STANDS)
    const edited = fresh.replace(STANDS, ':clam[China stands to lose in both.]')
    const dir = setup(edited)
    const r = refuse(dir, 'out/op-ed.annotated.md')
    expect(r.code).toBe(1)
    const line = lineOf(edited, ':clam[')
    const column = edited.indexOf(':clam[') - edited.lastIndexOf('\n', edited.indexOf(':clam[')) 
    expect(r.err).toContain(`out/op-ed.annotated.md:${line}:${column}: unknown role \`:clam\``)
    expect(r.err).not.toContain('older version')
    expect(r.written).toBe(false)
  })

  it('a malformed mark, an unknown id, an invalid id and an unknown relation target are errors with their rule', () => {
    const cases: Array<[string, string]> = [
      [fresh.replace(STANDS, ':claim[China stands to lose in both.'), 'malformed-mark'],
      [fresh.replace(/\{#china-stands-to-lose-in-e8f7d5 /, '{#china-stands-to-lose-in-000000 '), 'unknown-id'],
      [fresh.replace(/\{#china-stands-to-lose-in-e8f7d5 supports=[a-z0-9-]+\}/, '{#china-stands-to-lose-in-e8f7d5 supports=Note}'), 'invalid-id'],
      [fresh.replace(/\{#china-stands-to-lose-in-e8f7d5 supports=[a-z0-9-]+\}/, '{#china-stands-to-lose-in-e8f7d5 supports=no-such-unit-123456}'), 'unknown-target'],
    ]
    for (const [edited, rule] of cases) {
      expect(edited).not.toBe(fresh)
      expect(checkAnnotated(edited).map((p) => p.rule)).toContain(rule)
      const r = refuse(setup(edited), 'out/op-ed.annotated.md')
      expect(r.code).toBe(1)
      expect(r.err).toMatch(new RegExp(`^out/op-ed\\.annotated\\.md:\\d+:\\d+: .*\\[${rule}\\]$`, 'm'))
      expect(r.written).toBe(false)
    }
  })

  it('a file a run just wrote has no problems', () => {
    expect(checkAnnotated(fresh)).toEqual([])
  })
})

describe('issue 19 #8: the sidecar is only written beside the source', () => {
  it('a trailer path outside the directory (relative or absolute) is refused; no directory is created', () => {
    for (const bad of ['../victim/new/deep/dir/x.md', '/tmp/argmap-victim-abs/deep/x.md']) {
      const dir = setup(fresh.replace('path: "corpus/op-ed.md"', `path: "${bad}"`))
      expect(readFileSync(join(dir, 'out/op-ed.annotated.md'), 'utf8')).toContain(`path: "${bad}"`)
      const r = refuse(dir, 'out/op-ed.annotated.md')
      expect(r.code).toBe(1)
      expect(r.err).toContain('outside this directory; nothing was recorded')
      expect(existsSync(join(dir, '../victim'))).toBe(false)
      expect(existsSync('/tmp/argmap-victim-abs')).toBe(false)
      expect(readdirSync(join(dir, 'corpus'))).toEqual(['op-ed.md'])
    }
  })

  it('a trailer path inside the directory whose source is missing is refused too', () => {
    const dir = setup(fresh.replace('path: "corpus/op-ed.md"', 'path: "corpus/new/deep/x.md"'))
    const r = refuse(dir, 'out/op-ed.annotated.md')
    expect(r.code).toBe(1)
    expect(r.err).toContain('is not there; nothing was recorded')
    expect(existsSync(join(dir, 'corpus/new'))).toBe(false)
  })
})

describe('near misses the author wrote', () => {
  it('a directive-like `:class[…]` that is in the source is text, not a mistyped mark', () => {
    const annotated = fresh.replace('China stands to lose in both.', 'China stands to lose in both.') // unchanged body
    const withText = `${annotated.slice(0, annotated.indexOf(':claim[China stands'))}Styles use :class[x] here. ${annotated.slice(annotated.indexOf(':claim[China stands'))}`
    expect(checkAnnotated(withText).map((p) => p.rule)).toContain('unknown-role')
    const source = text.replace('China stands to lose in both.', 'Styles use :class[x] here. China stands to lose in both.')
    expect(checkAnnotated(withText, source).map((p) => p.rule)).not.toContain('unknown-role')
  })
})
