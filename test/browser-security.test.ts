/**
 * Pages built from hostile input, in Chromium: sources with HTML and script
 * payloads (text, headings, front matter, a file name), a sidecar whose ids
 * carry markup (issue 19 #1), an annotated file with a crafted id. Every
 * unit is hovered and clicked; no script may run. Also issue 16 #8: hovering
 * the review queue never moves it under the pointer.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewAccept } from '../src/cli/commands/review.js'
import { runCommand } from '../src/cli/commands/run.js'
import { captureIo, opEdPath, tempDir } from './helpers.js'
import { CHROMIUM, hasBrowser, requireBrowser } from './env.js'

// Without Chromium the file is skipped (test/setup/global.ts says so), unless .ci/run requires it.
const skip = !hasBrowser && !requireBrowser
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const PAYLOAD = `x"><img src=x onerror="document.title='PWNED';window.__pwned=1">`
const SCRIPT = `<script>document.title='PWNED';window.__pwned=1</script>`

let browser: Browser
let dir: string

function hostileCorpus(): string {
  const d = tempDir('argmap-hostile-')
  mkdirSync(join(d, 'corpus'))
  writeFileSync(
    join(d, 'corpus/source.md'),
    `---\ntitle: "${SCRIPT.replace(/"/g, '\\"')}"\n---\n\n# Heading ${PAYLOAD} ${SCRIPT}\n\n` +
      `We must act now because ${PAYLOAD} the evidence is clear. Therefore ${SCRIPT} the policy should change.\n\n` +
      `A link [click](javascript:document.title='PWNED') and <b onmouseover="document.title='PWNED'">bold</b> text, so it matters.\n`,
  )
  writeFileSync(join(d, `corpus/name-"><img src=x onerror=alert(1)>.md`), 'Cats are better than dogs because they purr. Therefore we should adopt cats.\n')
  copyFileSync(opEdPath, join(d, 'corpus/op-ed.md'))
  // issue 19 #1: a span correction whose id is markup, and a second correction relating to it
  writeFileSync(
    join(d, 'corpus/op-ed.review.json'),
    JSON.stringify({
      schema: 'argmap-review/1',
      source: 'op-ed.md',
      corrections: [
        { id: PAYLOAD, text: 'China stands to lose in both.', span: true, role: 'claim', machine: null },
        { id: 'note 1', text: 'China stands to lose in both.', role: 'claim', machine: null },
        {
          id: 'china-stands-to-lose-in-e8f7d5',
          text: 'China stands to lose in both.',
          role: 'premise',
          relation: { type: 'support', to: PAYLOAD, toText: 'China stands to lose in both.' },
          machine: null,
        },
      ],
    }),
  )
  return d
}

beforeAll(async () => {
  if (skip) return
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`)
  dir = hostileCorpus()
  runCommand({ paths: ['corpus'], out: 'out' }, captureIo(dir))
  // a crafted id in an annotated file is refused, nothing recorded
  const annotated = join(dir, 'out/source.annotated.md')
  writeFileSync(annotated, readFileSync(annotated, 'utf8').replace(/\{#([a-z0-9-]+)/, `{#${PAYLOAD.replace(/"/g, '')}`))
  expect(reviewAccept({ file: 'out/source.annotated.md' }, captureIo(dir), { by: () => 'x' })).toBe(1)
  runCommand({ paths: ['corpus'], out: 'out', discardEdits: true }, captureIo(dir))
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
}, 90_000)

afterAll(async () => {
  await browser?.close()
})

async function open(file: string): Promise<{ page: Page; ran: () => Promise<boolean> }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
  let dialog = false
  page.on('dialog', (d) => {
    dialog = true
    void d.dismiss()
  })
  await page.goto(pathToFileURL(file).href)
  const ran = async () => dialog || (await page.evaluate(() => document.title === 'PWNED' || (window as unknown as { __pwned?: number }).__pwned === 1))
  return { page, ran }
}

describe.skipIf(skip)('pages from hostile input', () => {
  it('no inline script, no handler attribute, a CSP without unsafe-inline for scripts', () => {
    const pages = readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.html'))
    expect(pages.length).toBe(4)
    for (const f of pages) {
      const html = readFileSync(join(dir, 'out', f), 'utf8')
      const csp = /Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
      expect(csp).toMatch(/default-src 'none'/)
      for (const m of html.matchAll(/<script\b([^>]*)>/g)) expect(m[1], f).toMatch(/\bsrc=|type="application\/json"/)
    }
  })

  it('hovering and clicking every unit, node, queue entry and link runs no script', async () => {
    const pages = readdirSync(join(dir, 'out')).filter((f) => f.endsWith('.html'))
    for (const f of pages) {
      const { page, ran } = await open(join(dir, 'out', f))
      const handlers = await page.evaluate(() => [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name)))
      expect(handlers, f).toEqual([])
      if (f !== 'index.html') {
        await page.evaluate(() => {
          const fire = (e: Element, type: string) => e.dispatchEvent(new MouseEvent(type, { bubbles: true }))
          for (const e of document.querySelectorAll('[data-id]')) {
            fire(e, 'mouseover')
            fire(e, 'click')
            for (const go of document.querySelectorAll('[data-go]')) fire(go, 'click')
          }
        })
        expect(await page.locator('#details').count()).toBe(1)
      }
      expect(await ran(), f).toBe(false)
      await page.close()
    }
  })

  it('the op-ed page names the invalid corrections (escaped) and still applies the valid one', async () => {
    const html = readFileSync(join(dir, 'out/op-ed.html'), 'utf8')
    expect(html).not.toContain('<img src=x')
    const { page, ran } = await open(join(dir, 'out/op-ed.html'))
    const notes = await page.locator('.notes').innerText()
    expect(notes).toContain('invalid "id"')
    expect(await ran()).toBe(false)
    await page.close()
  })
})

describe.skipIf(skip)('issue 16 #8: the review queue stays put', () => {
  it('hovering queue entries does not move the queue, so a click lands on the entry hovered', async () => {
    const { page } = await open(join(dir, 'out/op-ed.html'))
    const entries = page.locator('#queue li')
    expect(await entries.count()).toBeGreaterThan(5)
    const top = async () => (await page.locator('#queue-box').boundingBox())!.y
    await page.evaluate(() => document.getElementById('queue-box')!.scrollIntoView({ block: 'end' }))
    await page.mouse.move(1, 1)
    const before = await top()
    for (let i = 0; i < 6; i++) {
      const e = entries.nth(i)
      const box = (await e.boundingBox())!
      await page.mouse.move(box.x + 20, box.y + box.height / 2)
      expect(await top()).toBe(before)
      const under = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('li')?.getAttribute('data-id'), [box.x + 20, box.y + box.height / 2])
      expect(under).toBe(await e.getAttribute('data-id'))
    }
    await page.close()
  })
})
