/**
 * Issue 16 #9: the map reads at any size. The op-ed at 1× and 20× (735
 * argumentative units) in Chromium: a graph is drawn, fits the panel's
 * width, is not blank; focus collapses it to a paragraph and its chain to
 * the thesis; zoom changes its size. Screenshots saved under out/ (not
 * committed).
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Browser, chromium } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLIENT_SCRIPT, PAGE_SCRIPT_FILE } from '../src/html/client.js'
import { renderPage } from '../src/html/page.js'
import { analyze } from '../src/pipeline.js'
import { opEdPath, repoRoot, tempDir } from './helpers.js'
import { CHROMIUM, hasBrowser, requireBrowser } from './env.js'

// Without Chromium the file is skipped (test/setup/global.ts says so), unless .ci/run requires it.
const skip = !hasBrowser && !requireBrowser
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const text = readFileSync(opEdPath, 'utf8')
let browser: Browser
let dir: string

beforeAll(async () => {
  if (skip) return
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`)
  dir = tempDir('argmap-scale-')
  writeFileSync(join(dir, PAGE_SCRIPT_FILE), CLIENT_SCRIPT)
  for (const k of [1, 20]) {
    const source = Array(k).fill(text).join('\n\n')
    writeFileSync(join(dir, `x${k}.html`), renderPage(source, analyze(source, { path: `op-ed-x${k}.md` })))
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
}, 90_000)

afterAll(async () => {
  await browser?.close()
})

describe.skipIf(skip)('a map that reads at any size', () => {
  for (const k of [1, 20]) {
    it(`op-ed ×${k}: drawn, fits the panel, not blank`, async () => {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
      await page.goto(pathToFileURL(join(dir, `x${k}.html`)).href)
      const nodes = await page.locator('#graph .node').count()
      expect(nodes).toBeGreaterThan(k === 1 ? 20 : 600)
      const svg = (await page.locator('#graph-svg').boundingBox())!
      const panel = (await page.locator('#graph').boundingBox())!
      expect(svg.width).toBeLessThanOrEqual(panel.width)
      // readable: the boxes are drawn at no less than 80% of their size
      const node = (await page.locator('#graph .node rect').first().boundingBox())!
      expect(node.width).toBeGreaterThan(172 * 0.8)
      // nodes visible in the panel's first screen
      const visible = await page.evaluate(() => {
        const p = document.getElementById('graph')!.getBoundingClientRect()
        return [...document.querySelectorAll('#graph .node')].filter((n) => {
          const r = n.getBoundingClientRect()
          return r.width > 0 && r.bottom > p.top && r.top < p.bottom && r.right > p.left && r.left < p.right
        }).length
      })
      expect(visible).toBeGreaterThan(3)
      mkdirSync(join(repoRoot, 'out'), { recursive: true })
      const shot = join(repoRoot, `out/review-map-x${k}.png`)
      await page.locator('#graph').screenshot({ path: shot })
      // a blank panel compresses to a few kB; a drawn graph does not
      expect(statSync(shot).size).toBeGreaterThan(20_000)
      await page.close()
    })
  }

  it('focus collapses the map to a paragraph and its chain to the thesis; show all and zoom', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    await page.goto(pathToFileURL(join(dir, 'x20.html')).href)
    const all = await page.locator('#graph .node').count()
    const premise = page.locator('#text .u.r-premise').nth(40)
    await premise.click()
    expect(await page.locator('#graph .node.chain').count()).toBeGreaterThan(1)
    await page.click('#focus')
    const shown = await page.locator('#graph .node:not(.gone)').count()
    expect(shown).toBeGreaterThan(1)
    expect(shown).toBeLessThan(all / 4)
    expect(await page.locator(`#graph .node.gone[data-id="${await premise.getAttribute('data-id')}"]`).count()).toBe(0)
    await page.click('#show-all')
    expect(await page.locator('#graph .node.gone').count()).toBe(0)
    const before = (await page.locator('#graph-svg').boundingBox())!.width
    await page.click('#zoom-in')
    expect((await page.locator('#graph-svg').boundingBox())!.width).toBeGreaterThan(before)
    await page.close()
  })
})
