/**
 * `argmap review serve`: a local review app over a corpus. Loopback only, a
 * random port, and a random secret as the first path segment of every URL
 * (printed once); a request without it, from another host name (DNS
 * rebinding) or, for a change, from another origin is refused. Each change
 * is written at once, atomically, to the document's sidecar; the page is
 * drawn again from the corrected map. Undo and redo per document (for this
 * session). The corpus page lists every document with its progress and
 * links to the next one with unreviewed units.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync, rmSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename } from 'node:path'
import { expandInputs, type Input } from '../engine/inputs.js'
import { readSource } from '../io/files.js'
import { esc } from '../html/escape.js'
import { CLIENT_SCRIPT, PAGE_SCRIPT_FILE } from '../html/client.js'
import { PAGE_CSP as STATIC_CSP, renderPage } from '../html/page.js'
import { STYLE } from '../html/style.js'
import { type ArgumentMap, RELATION_TYPES } from '../model/types.js'
import { analyze } from '../pipeline.js'
import { ActionError, applyAction, parseAction } from '../review/edit.js'
import { reviewMap } from '../review/run-hooks.js'
import { readSidecar, writeSidecar } from '../review/files.js'
import { type Sidecar, SidecarError, serializeSidecar, sidecarPath } from '../review/sidecar.js'
import { writeAtomic } from '../io/files.js'
import { APP_SCRIPT, APP_SCRIPT_FILE, APP_STYLE } from './app.js'

export interface ServeOptions {
  paths: readonly string[]
  cwd: string
  /** Default 0: a random free port. */
  port?: number
  /** Default: 16 random bytes, hex. */
  secret?: string
  /** Who is reviewing (recorded in each correction), and the clock. */
  by?: string
  now?: () => Date
}

export interface Serving {
  url: string
  port: number
  secret: string
  close: () => Promise<void>
}

interface Doc {
  input: Input
  machine: ArgumentMap | null
  key: string
  undo: Array<string | null>
  redo: Array<string | null>
}

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'self'; connect-src 'self'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

export async function serve(options: ServeOptions): Promise<Serving> {
  const secret = options.secret ?? randomBytes(16).toString('hex')
  const docs = new Map<string, Doc>()
  for (const input of expandInputs(options.paths.length ? options.paths : ['corpus'], options.cwd)) {
    if (input.path !== '-') docs.set(input.name, { input, machine: null, key: '', undo: [], redo: [] })
  }
  const server: Server = createServer((req, res) => {
    try {
      handle(req, res)
    } catch (e) {
      const bad = e instanceof ActionError || e instanceof SidecarError
      send(res, bad ? 422 : 500, 'application/json', JSON.stringify({ error: bad ? e.message : 'internal error' }))
    }
  })
  await new Promise<void>((done) => server.listen(options.port ?? 0, '127.0.0.1', done))
  let listening = true
  const port = (server.address() as AddressInfo).port
  const origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`])

  function sidecarAbs(d: Doc): string {
    return sidecarPath(d.input.abs)
  }
  function sidecarText(d: Doc): string | null {
    try {
      return readFileSync(sidecarAbs(d), 'utf8')
    } catch {
      return null
    }
  }
  /** The machine's map (cached by the source's size and time) and the corrected one. */
  function load(d: Doc): { source: string; machine: ArgumentMap; sidecar: Sidecar | null; problems: number; map: ArgumentMap; messages: string[] } {
    const st = statSync(d.input.abs)
    const key = `${st.size}:${st.mtimeMs}`
    const file = readSource(d.input.path, undefined, d.input.abs)
    if (!d.machine || d.key !== key) {
      d.machine = analyze(file.text, { path: d.input.path, sha256: file.sha256 })
      d.key = key
    }
    let loaded
    try {
      loaded = readSidecar(sidecarPath(d.input.path), sidecarAbs(d))
    } catch (e) {
      // an unusable sidecar is shown, never written over: changes are refused until it is fixed
      if (!(e instanceof SidecarError)) throw e
      return { source: file.text, machine: d.machine, sidecar: null, problems: 1, map: d.machine, messages: [`${e.message}; showing the machine's map, changes are refused until it is fixed`] }
    }
    const { map, messages } = reviewMap(d.machine, file.text, loaded)
    return { source: file.text, machine: d.machine, sidecar: loaded?.sidecar ?? null, problems: loaded?.problems.length ?? 0, map, messages }
  }
  function restore(d: Doc, text: string | null): void {
    if (text === null) rmSync(sidecarAbs(d), { force: true })
    else writeAtomic(sidecarAbs(d), text)
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const host = req.headers.host ?? ''
    if (!origins.has(`http://${host}`)) return send(res, 403, 'text/plain', 'refused: unknown host\n')
    const url = new URL(req.url ?? '/', `http://${host}`)
    const parts = url.pathname.split('/')
    if (!sameSecret(parts[1] ?? '', secret)) return send(res, 404, 'text/plain', 'not found\n')
    const rest = parts.slice(2).map(decodeURIComponent)
    if (req.method === 'POST') {
      const origin = req.headers.origin
      if (!origin || !origins.has(origin)) return send(res, 403, 'application/json', JSON.stringify({ error: 'refused: another origin' }))
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'application/json', JSON.stringify({ error: 'expected JSON' }))
      if (rest[0] !== 'api' || rest[1] !== 'doc' || !docs.has(rest[2] ?? '')) return send(res, 404, 'application/json', JSON.stringify({ error: 'no such document' }))
      return readBody(req, res, (body) => change(docs.get(rest[2]!)!, body, res))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain', 'method not allowed\n')
    if (rest.length === 1 && rest[0] === '') return send(res, 200, 'text/html', indexPage())
    if (rest[0] === PAGE_SCRIPT_FILE) return send(res, 200, 'text/javascript', CLIENT_SCRIPT)
    if (rest[0] === APP_SCRIPT_FILE) return send(res, 200, 'text/javascript', APP_SCRIPT)
    if (rest[0] === 'next') {
      const next = [...docs.values()].find((d) => progress(d).left > 0) ?? docs.values().next().value
      res.writeHead(303, { location: next ? `/${secret}/doc/${encodeURIComponent(next.input.name)}` : `/${secret}/` })
      return void res.end()
    }
    if (rest[0] === 'doc' && docs.has(rest[1] ?? '')) return send(res, 200, 'text/html', docPage(docs.get(rest[1]!)!))
    if (rest[0] === 'api' && rest[1] === 'doc' && docs.has(rest[2] ?? '')) {
      return send(res, 200, 'application/json', JSON.stringify(load(docs.get(rest[2]!)!).map))
    }
    send(res, 404, 'text/plain', 'not found\n')
  }

  function change(d: Doc, body: unknown, res: ServerResponse): void {
    const op = (body as { op?: unknown } | null)?.op
    const before = sidecarText(d)
    if (op === 'undo' || op === 'redo') {
      if (load(d).problems) throw new ActionError(`${sidecarPath(d.input.path)} cannot be used as it is; fix it first, nothing was changed`)
      const from = op === 'undo' ? d.undo : d.redo
      const to = op === 'undo' ? d.redo : d.undo
      if (!from.length) return send(res, 409, 'application/json', JSON.stringify({ error: `nothing to ${op}` }))
      const text = from.pop()!
      to.push(before)
      restore(d, text)
      return send(res, 200, 'application/json', JSON.stringify({ ok: true }))
    }
    const action = parseAction(body)
    const now = load(d)
    // a malformed entry is not in `now.sidecar`: writing would drop it
    if (now.problems) throw new ActionError(`${sidecarPath(d.input.path)} cannot be used as it is (see the notes above the text); fix it first, nothing was changed`)
    const at = (options.now?.() ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')
    const { sidecar } = applyAction(action, { machine: now.machine, source: now.source, sidecar: now.sidecar, sourceName: basename(d.input.path), by: options.by, at })
    writeSidecar(sidecarAbs(d), sidecar)
    d.undo.push(before)
    d.redo.length = 0
    send(res, 200, 'application/json', JSON.stringify({ ok: true, corrections: sidecar.corrections.length, sidecar: serializeSidecar(sidecar).length }))
  }

  function progress(d: Doc): { units: number; reviewed: number; left: number; error?: string } {
    try {
      const { map } = load(d)
      const arg = map.units.filter((u) => u.role !== 'none' || u.reviewed)
      const reviewed = map.units.filter((u) => u.reviewed).length
      return { units: map.units.length, reviewed, left: arg.filter((u) => !u.reviewed).length }
    } catch (e) {
      return { units: 0, reviewed: 0, left: 0, error: (e as Error).message }
    }
  }

  /** Map the documents not mapped yet, one per turn of the event loop, so requests are answered in between. */
  const warm = [...docs.values()]
  const warmUp = (): void => {
    const d = warm.shift()
    if (!d || !listening) return
    if (!d.machine) progress(d)
    setImmediate(warmUp)
  }
  setImmediate(warmUp)

  function indexPage(): string {
    // a cold corpus: map for at most a second here, show the rest as pending (the page refreshes itself)
    const budget = Date.now() + 1000
    let pending = 0
    const rows = [...docs.values()]
      .map((d) => {
        if (!d.machine && Date.now() > budget) {
          pending++
          return `<tr data-doc="${esc(d.input.name)}"><td><a href="/${secret}/doc/${encodeURIComponent(d.input.name)}">${esc(d.input.path)}</a></td><td class="n">…</td><td></td><td class="hint">mapping…</td></tr>`
        }
        const p = progress(d)
        const pct = p.units ? Math.round((100 * p.reviewed) / p.units) : 0
        return (
          `<tr data-doc="${esc(d.input.name)}"><td><a href="/${secret}/doc/${encodeURIComponent(d.input.name)}">${esc(d.input.path)}</a></td>` +
          `<td class="n">${p.reviewed} / ${p.units}</td><td><progress max="100" value="${pct}"></progress> ${pct}%</td>` +
          `<td>${p.error ? esc(p.error) : p.left ? `${p.left} argumentative unreviewed` : 'done'}</td></tr>`
        )
      })
      .join('\n')
    return (
      `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n${pending ? '<meta http-equiv="refresh" content="2">\n' : ''}<title>argmap review</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
      `<header><h1>argmap review</h1><a href="/${secret}/next">next unreviewed document →</a></header>\n` +
      `<table class="docs" id="corpus"><thead><tr><th>Document</th><th>reviewed units</th><th>progress</th><th></th></tr></thead>\n<tbody>\n${rows}\n</tbody></table>\n</body>\n</html>\n`
    )
  }

  function docPage(d: Doc): string {
    const { source, map, messages } = load(d)
    const html = renderPage(source, map, { notes: messages, indexHref: `/${secret}/`, scriptHref: `/${secret}/${PAGE_SCRIPT_FILE}` })
    // the static page's policy plus connect-src 'self', for the app's requests to this server
    return html
      .replace(`content="${STATIC_CSP}"`, `content="${esc(PAGE_CSP.replace(/; frame-ancestors [^;]*/, ''))}"`)
      .replace('<body>', `<body data-relation-types="${esc(RELATION_TYPES.join(' '))}">`)
      .replace('</style>', `${APP_STYLE}</style>`)
      .replace(/<\/body>\n<\/html>\n$/, `<script src="/${secret}/${APP_SCRIPT_FILE}"></script>\n</body>\n</html>\n`)
  }

  function send(res: ServerResponse, status: number, type: string, body: string): void {
    res.writeHead(status, {
      'content-type': `${type}; charset=utf-8`,
      'content-security-policy': PAGE_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    })
    res.end(body)
  }

  return {
    url: `http://127.0.0.1:${port}/${secret}/`,
    port,
    secret,
    close: () =>
      new Promise<void>((done) => {
        listening = false
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}

function sameSecret(given: string, secret: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(secret)
  return a.length === b.length && timingSafeEqual(a, b)
}

function readBody(req: IncomingMessage, res: ServerResponse, then: (body: unknown) => void): void {
  const chunks: Buffer[] = []
  let size = 0
  req.on('data', (c: Buffer) => {
    size += c.length
    if (size > 64 * 1024) req.destroy()
    else chunks.push(c)
  })
  req.on('end', () => {
    let body: unknown
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' })
      return void res.end(JSON.stringify({ error: 'invalid JSON' }))
    }
    try {
      then(body)
    } catch (e) {
      const bad = e instanceof ActionError || e instanceof SidecarError
      res.writeHead(bad ? 422 : 500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: bad ? (e as Error).message : 'internal error' }))
    }
  })
}
