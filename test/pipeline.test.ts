import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runCorpus } from '../src/engine/run.js'
import * as api from '../src/index.js'
import { analyze } from '../src/pipeline.js'
import { captureIo, opEdPath, repoRoot, tempDir, withDefaultModel } from './helpers.js'
import { runCommand } from '../src/cli/commands/run.js'

const source = readFileSync(opEdPath, 'utf8')

describe('unit ids', () => {
  it('survive an unrelated edit elsewhere in the document', () => {
    const before = analyze(source)
    const edited = source.replace(
      'It is relevant to consider',
      'Nothing here is certain. Observers disagree about almost everything.\n\nIt is relevant to consider',
    )
    const after = analyze(edited)
    const afterIds = new Set(after.units.map((u) => u.id))
    for (const u of before.units) expect(afterIds.has(u.id), u.text).toBe(true)
    expect(after.units.length).toBe(before.units.length + 2)
  })

  it('do not change when a unit is reflowed or re-emphasised', () => {
    const before = analyze(source)
    const edited = source
      .replace('China stands to lose in both.', 'China *stands to lose* in both.')
      .replace('The first being the denuclearisation of North Korea and', 'The first being the denuclearisation of North Korea\nand')
    const after = analyze(edited)
    expect(after.units.map((u) => u.id)).toEqual(before.units.map((u) => u.id))
  })

  it('normalise text the same on the fast paths as through NFKC', () => {
    // Curly quotes, dashes, an ellipsis and a no-break space take the ASCII path; a ligature or accent the full one.
    expect(api.normalizeText('China\u2019s \u201Cpivot\u201D\u2014a game\u2026 over\u00A0now')).toBe('chinas pivot a game over now')
    expect(api.normalizeText("China's \"pivot\" - a game... over now")).toBe('chinas pivot a game over now')
    expect(api.normalizeText('\uFB01ne \u2018caf\u00E9\u2019 5\u2033')).toBe('fine cafe\u0301'.normalize('NFKC') + ' 5')
    expect(api.baseId('China\u2019s pivot')).toBe(api.baseId("China's pivot"))
  })

  it('number repeats of the same text by occurrence', () => {
    const map = analyze('We must act.\n\nWe must act.\n\nWe *must* act!\n')
    const ids = map.units.map((u) => u.id)
    expect(ids[1]).toBe(`${ids[0]}-2`)
    expect(ids[2]).toBe(`${ids[0]}-3`)
  })
})

describe('the op-ed map', () => {
  const map = analyze(source, { path: 'corpus/china-north-korea.md' })
  const unit = (start: string) => {
    const u = map.units.find((x) => x.text.startsWith(start))
    if (!u) throw new Error(`no unit starts with ${start}`)
    return u
  }

  it('records source path, hash and title', () => {
    expect(map.source.title).toBe('In fear of being left behind: China’s precarious relationship with North Korea')
    expect(map.source.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('finds the closing thesis as the one conclusion', () => {
    const conclusions = map.units.filter((u) => u.role === 'conclusion')
    expect(conclusions).toHaveLength(1)
    expect(conclusions[0]!.text).toContain('China had to put aside its differences with its estranged ally and finally make amends.')
  })

  it('tags "China stands to lose in both." as a claim backed by the if-then premises', () => {
    const claim = unit('China stands to lose in both.')
    expect(claim.role).toBe('claim')
    const backers = map.relations.filter((r) => r.to === claim.id && r.type === 'support').map((r) => map.units.find((u) => u.id === r.from)!.text)
    expect(backers.some((t) => t.startsWith('If North Korea agrees to de-nuclearise'))).toBe(true)
  })

  it('tags navigation, date line, byline and author bio as none', () => {
    for (const start of ['Go back', 'Published 30 Apr 2018', 'Christopher Khatouki', 'Christopher Khatouki\u00a0is an intern', 'He is currently completing', 'Chris’s area of research']) {
      expect(unit(start).role, start).toBe('none')
    }
  })

  it('every signal list is non-empty and every confidence in [0, 1]', () => {
    for (const x of [...map.units, ...map.relations]) {
      expect(x.signals.length).toBeGreaterThan(0)
      expect(x.confidence).toBeGreaterThanOrEqual(0)
      expect(x.confidence).toBeLessThanOrEqual(1)
    }
  })
})

describe('committed out/', () => {
  // Git keeps the op-ed's outputs as the example (the full corpus run is regenerated, not committed):
  // `argmap run corpus/china-north-korea.md --no-index --check`.
  it("holds what a fresh run writes for the op-ed (argmap run corpus/china-north-korea.md --no-index --check)", async () => {
    const result = await withDefaultModel(() => runCorpus({ paths: ['corpus/china-north-korea.md'], out: 'out', cwd: repoRoot, check: true, index: false }))
    expect(result.documents.map((d) => d.name)).toEqual(['china-north-korea'])
    expect(result.errors).toEqual([])
    expect(result.stale.map((s) => s.slice(repoRoot.length + 1))).toEqual([])
  })

  it('argmap run --no-index writes the documents\' files and no index', () => {
    const dir = tempDir()
    expect(runCommand({ paths: [opEdPath], out: dir, index: false }, captureIo(repoRoot))).toBe(0)
    expect(readdirSync(dir).sort()).toEqual(['china-north-korea.annotated.md', 'china-north-korea.argmap.json', 'china-north-korea.html'])
  })
})

describe('library API', () => {
  it('pins the sorted export list', () => {
    expect(Object.keys(api).sort()).toMatchInlineSnapshot(`
      [
        "ARGUMENT_ROLES",
        "DIFF_SCHEMA_VERSION",
        "RELATION_TYPES",
        "ROLES",
        "SCHEMA_VERSION",
        "acceptCorrections",
        "alignById",
        "alignUnits",
        "analyze",
        "annotate",
        "applyCorrections",
        "assignIds",
        "baseId",
        "checkForest",
        "diffDirectories",
        "diffMaps",
        "diffSchema",
        "dirDiffSchema",
        "formatJson",
        "formatMarkdown",
        "formatMarkdownDir",
        "formatTerminal",
        "formatTerminalDir",
        "formats",
        "normalizeText",
        "parseAnnotated",
        "parseMarkdown",
        "parser",
        "readAnnotated",
        "readMarks",
        "remarkArgmap",
        "renderCorpusPage",
        "renderPage",
        "segment",
        "strip",
        "textSimilarity",
        "toAIF",
        "toArgdown",
        "toJSON",
        "toMermaid",
        "toOutline",
        "unitWords",
        "validateMap",
        "wordDiff",
        "wordSimilarity",
      ]
    `)
  })
})

