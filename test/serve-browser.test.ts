/**
 * `argmap review serve` in Chromium: set a role, link two units, undo,
 * reload, and check the sidecar and the next run's map. Also: the server
 * refuses other hosts, other origins and URLs without the secret.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCommand } from '../src/cli/commands/run.js'
import type { ArgumentMap } from '../src/model/types.js'
import { analyze } from '../src/pipeline.js'
import { type Serving, serve } from '../src/serve/server.js'
import { captureIo, opEdPath, tempDir } from './helpers.js'
import { CHROMIUM, hasBrowser, requireBrowser } from './env.js'

// Without Chromium the file is skipped (test/setup/global.ts says so), unless .ci/run requires it.
const skip = !hasBrowser && !requireBrowser
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const text = readFileSync(opEdPath, 'utf8')
const machine = analyze(text, { path: 'corpus/op-ed.md' })
const out = (map: ArgumentMap, id: string) => map.relations.find((r) => r.from === id)
// X: a machine premise with a relation, to become a claim; B: a claim to attack the conclusion C
const X = machine.units.find((u) => u.role === 'premise' && out(machine, u.id))!
const C = machine.units.find((u) => u.role === 'conclusion')!
const B = machine.units.find((u) => u.role === 'claim' && out(machine, u.id)?.type === 'support' && u.id !== X.id)!

let browser: Browser
let server: Serving
let dir: string
const sidecar = () => JSON.parse(readFileSync(join(dir, 'corpus/op-ed.review.json'), 'utf8'))

beforeAll(async () => {
  if (skip) return
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`)
  dir = tempDir('argmap-serve-')
  mkdirSync(join(dir, 'corpus'))
  copyFileSync(opEdPath, join(dir, 'corpus/op-ed.md'))
  server = await serve({ paths: ['corpus'], cwd: dir, by: 'Tester', now: () => new Date('2026-05-06T07:08:09Z') })
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true })
}, 90_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function act(page: Page, fn: () => Promise<void>): Promise<void> {
  await Promise.all([page.waitForEvent('load'), fn()])
}

describe.skipIf(skip)('review serve', () => {
  it('set a role, link two units, undo, reload: the sidecar and the next run agree', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(server.url)
    expect(await page.locator('#corpus tbody tr').count()).toBe(1)
    expect(await page.locator('#corpus tbody tr').innerText()).toContain(`0 / ${machine.units.length}`)
    await page.click('#corpus a')
    expect(page.url()).toContain('/doc/op-ed')

    // set a role: select X, press 2 (claim)
    await page.click(`#text .u[data-id="${X.id}"]`)
    await act(page, () => page.keyboard.press('2'))
    expect(sidecar().corrections).toMatchObject([{ id: X.id, role: 'claim', by: 'Tester', at: '2026-05-06T07:08:09Z' }])
    expect(await page.locator(`#text .u[data-id="${X.id}"]`).getAttribute('data-role')).toBe('claim')
    expect(await page.locator(`#text .u[data-id="${X.id}"]`).getAttribute('class')).toMatch(/\bsel\b/)

    // link two units: select B, press a (attacks), click C
    await page.click(`#text .u[data-id="${B.id}"]`)
    await page.keyboard.press('a')
    await act(page, () => page.click(`#text .u[data-id="${C.id}"]`))
    const linked = sidecar().corrections.find((c: { id: string }) => c.id === B.id)
    expect(linked).toMatchObject({ relation: { type: 'attack', to: C.id } })
    expect(await page.locator(`#graph .edge[data-from="${B.id}"]`).getAttribute('data-to')).toBe(C.id)

    // undo the link
    await act(page, () => page.keyboard.press('u'))
    expect(sidecar().corrections.map((c: { id: string }) => c.id)).toEqual([X.id])

    // or drag B's node onto C's and press a; then undo that too
    const box = async (id: string) => (await page.locator(`#graph .node[data-id="${id}"]`).boundingBox())!
    await page.locator(`#graph .node[data-id="${C.id}"]`).scrollIntoViewIfNeeded()
    const b = await box(B.id)
    const c = await box(C.id)
    await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2)
    await page.mouse.down()
    await page.mouse.move(c.x + c.width / 2, c.y + c.height / 2, { steps: 4 })
    await page.mouse.up()
    await act(page, () => page.keyboard.press('a'))
    expect(sidecar().corrections.find((x: { id: string }) => x.id === B.id)).toMatchObject({ relation: { type: 'attack', to: C.id } })
    await act(page, () => page.keyboard.press('u'))
    expect(sidecar().corrections.map((x: { id: string }) => x.id)).toEqual([X.id])

    // accept the machine's reading of the next queue entry with one key: j, then y
    await page.keyboard.press('j')
    const next = await page.locator('#text .u.sel').getAttribute('data-id')
    expect(next).toBeTruthy()
    await act(page, () => page.keyboard.press('y'))
    const accepted = sidecar().corrections.find((x: { id: string }) => x.id === next)
    expect(accepted).toMatchObject({ role: machine.units.find((u) => u.id === next)!.role })
    await act(page, () => page.keyboard.press('u'))
    expect(sidecar().corrections.map((x: { id: string }) => x.id)).toEqual([X.id])

    // reload: the page is drawn from the sidecar
    await page.reload()
    expect(await page.locator(`#text .u[data-id="${X.id}"]`).getAttribute('data-role')).toBe('claim')
    expect(await page.locator(`#graph .edge[data-from="${B.id}"]`).getAttribute('data-to')).toBe(out(machine, B.id)!.to)
    expect(errors).toEqual([])
    await page.close()

    // the next run's map
    expect(runCommand({ paths: ['corpus'], out: 'out' }, captureIo(dir))).toBe(0)
    const map: ArgumentMap = JSON.parse(readFileSync(join(dir, 'out/op-ed.argmap.json'), 'utf8'))
    expect(map.units.find((u) => u.id === X.id)).toMatchObject({ role: 'claim', reviewed: true })
    expect(out(map, B.id)).toMatchObject({ type: 'support', to: out(machine, B.id)!.to })
  })

  it('an action the forest rules refuse is an error shown on the page; nothing is written', async () => {
    const page = await browser.newPage()
    await page.goto(`${server.url}doc/op-ed`)
    const before = readFileSync(join(dir, 'corpus/op-ed.review.json'), 'utf8')
    await page.click(`#text .u[data-id="${C.id}"]`)
    await page.keyboard.press('a')
    await page.click(`#text .u[data-id="${C.id}"]`)
    await expect.poll(() => page.locator('#app-status').innerText()).toMatch(/itself/)
    expect(readFileSync(join(dir, 'corpus/op-ed.review.json'), 'utf8')).toBe(before)
    await page.close()
  })

  it('refuses URLs without the secret, other host names and other origins', async () => {
    const base = `http://127.0.0.1:${server.port}`
    expect((await fetch(`${base}/`)).status).toBe(404)
    expect((await fetch(`${base}/${'0'.repeat(32)}/`)).status).toBe(404)
    const { request } = await import('node:http')
    const hostStatus = await new Promise<number>((done) => {
      request(server.url, { headers: { host: 'evil.example' } }, (res) => {
        res.resume()
        done(res.statusCode ?? 0)
      }).end()
    })
    expect(hostStatus).toBe(403)
    const post = (origin?: string) =>
      fetch(`${server.url}api/doc/op-ed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) },
        body: JSON.stringify({ op: 'accept', id: C.id }),
      })
    expect((await post('http://evil.example')).status).toBe(403)
    expect((await post()).status).toBe(403)
    const page = await (await fetch(server.url)).text()
    expect(page).toContain('op-ed')
    // the next document with unreviewed units
    const next = await fetch(`${server.url}next`, { redirect: 'manual' })
    expect(next.status).toBe(303)
    expect(next.headers.get('location')).toBe(`/${server.secret}/doc/op-ed`)
  })
})

describe.skipIf(skip)('review serve with a broken sidecar', () => {
  it('shows the page with the machine map and the problem, and refuses changes (the file is left as is)', async () => {
    const d = tempDir('argmap-serve-broken-')
    mkdirSync(join(d, 'corpus'))
    copyFileSync(opEdPath, join(d, 'corpus/op-ed.md'))
    const broken = '{ "schema": "argmap-review/1", "corrections": [ oops ] }\n'
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(d, 'corpus/op-ed.review.json'), broken)
    const s = await serve({ paths: ['corpus'], cwd: d })
    try {
      const page = await (await fetch(`${s.url}doc/op-ed`)).text()
      expect(page).toContain('invalid JSON')
      const origin = `http://127.0.0.1:${s.port}`
      const r = await fetch(`${s.url}api/doc/op-ed`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ op: 'accept', id: C.id }) })
      expect(r.status).toBe(422)
      expect(readFileSync(join(d, 'corpus/op-ed.review.json'), 'utf8')).toBe(broken)
    } finally {
      await s.close()
    }
  })
})
