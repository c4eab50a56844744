/**
 * The review page in a real browser: Debian's headless Chromium driven by
 * playwright-core (one launch for the file). Opens the op-ed's page from a
 * file:// URL, checks highlighting against the map, the graph against the
 * relations, selection in both views, and saves out/review-china-north-korea.png.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLIENT_SCRIPT, PAGE_SCRIPT_FILE } from '../src/html/client.js'
import { renderPage } from '../src/html/page.js'
import type { ArgumentMap } from '../src/model/types.js'
import { analyze } from '../src/pipeline.js'
import { applyCorrections } from '../src/review/apply.js'
import { parseSidecar } from '../src/review/sidecar.js'
import { CHROMIUM, hasBrowser, requireBrowser } from './env.js'
import { opEdPath, repoRoot, tempDir } from './helpers.js'

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
// Without Chromium the file is skipped (test/setup/global.ts says so), unless .ci/run requires it.
const skip = !hasBrowser && !requireBrowser
const SHOT = join(repoRoot, 'out/review-china-north-korea.png')

const source = readFileSync(opEdPath, 'utf8')
// the op-ed as `argmap run` shows it after a review: the golden fixture's corrections applied
const sidecar = parseSidecar(readFileSync(join(repoRoot, 'test/fixtures/review/op-ed/expected.review.json'), 'utf8'), 'x').sidecar
const map: ArgumentMap = applyCorrections(analyze(source, { path: 'corpus/china-north-korea.md' }), sidecar, source).map

let browser: Browser
let page: Page
const requests: string[] = []
const errors: string[] = []

beforeAll(async () => {
  if (skip) return
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`)
  const dir = tempDir('argmap-browser-')
  const file = join(dir, 'china-north-korea.html')
  writeFileSync(file, renderPage(source, map))
  writeFileSync(join(dir, PAGE_SCRIPT_FILE), CLIENT_SCRIPT)
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
  page = await browser.newPage({ viewport: { width: 1600, height: 1000 } })
  page.on('request', (r) => requests.push(r.url()))
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto(pathToFileURL(file).href)
}, 90_000)

afterAll(async () => {
  await browser?.close()
})

describe.skipIf(skip)('review page in Chromium', () => {
  it('loads offline without errors', () => {
    expect(errors).toEqual([])
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([])
  })

  it('highlights every unit in the text with its role (as in the map JSON)', async () => {
    const found = await page.$$eval('#text .u', (els) =>
      els.map((e) => ({ id: e.getAttribute('data-id'), role: e.getAttribute('data-role'), text: e.textContent, bg: getComputedStyle(e).backgroundColor })),
    )
    expect(found.map((f) => f.id)).toEqual(map.units.map((u) => u.id))
    const none = found.find((f) => f.role === 'none')!.bg
    map.units.forEach((u, i) => {
      expect(found[i]!.role).toBe(u.role)
      expect(found[i]!.text).toBe(u.text)
      // argumentative units are visibly coloured, and each role differently
      if (u.role !== 'none') expect(found[i]!.bg).not.toBe(none)
    })
    const colour = (role: string) => new Set(found.filter((f) => f.role === role).map((f) => f.bg))
    expect(colour('claim').size).toBe(1)
    expect(colour('premise').size).toBe(1)
    expect([...colour('claim')][0]).not.toBe([...colour('premise')][0])
  })

  it('draws one node per argumentative unit and one edge per relation, support and attack styled apart', async () => {
    const nodes = await page.$$eval('#graph .node', (els) => els.map((e) => [e.getAttribute('data-id'), e.getAttribute('data-role')]))
    expect(nodes.sort()).toEqual(map.units.filter((u) => u.role !== 'none').map((u) => [u.id, u.role]).sort())
    const edges = await page.$$eval('#graph .edge', (els) =>
      els.map((e) => ({ from: e.getAttribute('data-from'), to: e.getAttribute('data-to'), dash: getComputedStyle(e).strokeDasharray, stroke: getComputedStyle(e).stroke })),
    )
    expect(edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(map.relations.map((r) => `${r.from}>${r.to}`).sort())
    const type = new Map(map.relations.map((r) => [`${r.from}>${r.to}`, r.type]))
    for (const e of edges) expect(e.dash === 'none', `${e.from} ${type.get(`${e.from}>${e.to}`)}`).toBe(type.get(`${e.from}>${e.to}`) === 'support')
  })

  it('selecting a node highlights its sentence and shows role, confidence and signals', async () => {
    const target = map.units.find((u) => u.role === 'conclusion') ?? map.units.find((u) => u.role !== 'none')!
    await page.click(`#graph .node[data-id="${target.id}"]`)
    const span = page.locator(`#text .u[data-id="${target.id}"]`)
    expect(await span.getAttribute('class')).toMatch(/\bsel\b/)
    expect(await span.evaluate((e) => getComputedStyle(e).outlineStyle)).toBe('solid')
    expect(await page.locator(`#queue li[data-id="${target.id}"]`).getAttribute('class')).toMatch(/\bsel\b/)
    const details = await page.locator('#details').innerText()
    expect(details).toContain(target.role)
    expect(details).toContain(String(target.confidence))
    expect(details).toContain(target.text.replace(/\s+/g, ' ').slice(0, 40))
    expect(details).toContain(`signals: ${target.signals.length ? target.signals.join(', ') : 'none'}`)
    // only that unit is selected
    expect(await page.locator('#text .u.sel').count()).toBe(1)
  })

  it('hovering a sentence highlights its node; reviewed units are marked', async () => {
    const unit = map.units.find((u) => u.role === 'premise' && !u.reviewed)!
    await page.hover(`#text .u[data-id="${unit.id}"]`)
    expect(await page.locator(`#graph .node[data-id="${unit.id}"]`).getAttribute('class')).toMatch(/\bhl\b/)
    const reviewed = map.units.filter((u) => u.reviewed).map((u) => u.id)
    expect(reviewed.length).toBeGreaterThan(0)
    expect(await page.$$eval('#text .u.reviewed', (els) => els.map((e) => e.getAttribute('data-id')))).toEqual(reviewed)
    // the whole map fitted to its panel, the conclusion selected, the page at its top, the pointer off the page
    // fitted to the panel's width from the start (issue 16 #9)
    expect(await page.locator('#graph-svg').getAttribute('class')).toBe('fit')
    const box = await page.locator('#graph-svg').boundingBox()
    const panel = await page.locator('#graph').boundingBox()
    expect(box!.width).toBeLessThanOrEqual(panel!.width)
    await page.evaluate(() => {
      window.scrollTo(0, 0)
      document.getElementById('queue-box')!.scrollTop = 0
    })
    await page.mouse.move(2, 2)
    mkdirSync(join(repoRoot, 'out'), { recursive: true })
    await page.screenshot({ path: SHOT })
    expect(readFileSync(SHOT).subarray(1, 4).toString()).toBe('PNG')
  })
})
