// The kit's own server side in front of the harness page, for the expiry run: /start signs in
// with the kit's createSession (its cookie, as it sets it) and hands the page the payload the
// kit's route answers for that cookie, as a layout's initialSession; GET /api/session is the
// kit's createSessionRoute. Real time throughout: the browser keeps or drops the cookie by its
// own rules, and every request is logged with its arrival time on this (the server's) clock.
import { createServer } from 'node:http'
import path from 'node:path'
import { importRootModule } from '../lib/import-root-module.mjs'
import { BENCH_DIR } from '../lib/paths.mjs'
import { USER } from '../lib/user.mjs'
import { buildExpiryRenderer } from './build-apps.mjs'
import { pageHtml } from './page-server.mjs'
import { withCookieJar } from './shims/next-headers.mjs'

const SHIMS = { 'next/headers': path.join(BENCH_DIR, 'browser', 'shims', 'next-headers.mjs') }

const loadUser = async (id) => (id === USER.id ? USER : null)

/** A WHATWG Request for the kit's handler from node's request. */
function toRequest(origin, req) {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    headers.set(name, Array.isArray(value) ? value.join(', ') : value)
  }
  return new Request(new URL(req.url, origin), { method: req.method, headers })
}

async function send(res, response) {
  const headers = Object.fromEntries(response.headers)
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers['set-cookie'] = cookies
  res.writeHead(response.status, headers).end(Buffer.from(await response.arrayBuffer()))
}

/** Starts the server; `sessionSeconds` is the lifetime /start gives each session. */
async function startKitServer(bundles, { sessionSeconds }) {
  const { createSessionRoute } = await importRootModule('src/server/route.ts', { shims: SHIMS })
  const { createSession, serializeSessionCookie } = await importRootModule('src/server/cookie.ts', {
    shims: SHIMS,
  })
  const route = createSessionRoute({ loadUser })
  const renderExpiryTree = await buildExpiryRenderer()
  const log = [] // { method, path, at }: every /api/ request, `at` in server epoch ms
  let origin

  /**
   * Signs in as the kit would; the page is the tree rendered on the server with the route's answer
   * for the new cookie as initialSession, then hydrated, as a Next layout's page is.
   */
  async function start(req, res, config) {
    const { result, cookies } = await withCookieJar(() =>
      createSession(USER.id, { maxAgeSeconds: sessionSeconds }),
    )
    const pairs = cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const initial = await route.GET(
      new Request(new URL('/api/session', origin), { headers: { cookie: pairs } }),
    )
    const initialSession = await initial.json()
    const page = pageHtml(
      'kit-expiry',
      { ...config, initialSession },
      renderExpiryTree(initialSession),
    )
    res.writeHead(200, {
      'content-type': 'text/html',
      'cache-control': 'no-store',
      'set-cookie': cookies.map((c) => serializeSessionCookie(c.name, c.value, c.options)),
      'x-bench-expires-at': String(result.expiresAt),
    })
    res.end(page)
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, origin)
    const reply = async () => {
      if (url.pathname === '/app/kit-expiry.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundles['kit-expiry'])
      } else if (url.pathname === '/start') {
        await start(req, res, JSON.parse(url.searchParams.get('config') ?? '{}'))
      } else if (url.pathname === '/api/session') {
        log.push({ method: req.method, path: url.pathname, at: Date.now() })
        const handler = req.method === 'DELETE' ? route.DELETE : route.GET
        await send(res, await handler(toRequest(origin, req)))
      } else if (url.pathname === '/favicon.ico') {
        res.writeHead(204).end() // the browser asks for it: a 404 would read as a page error
      } else {
        res.writeHead(404).end()
      }
    }
    reply().catch((error) => res.writeHead(500).end(String(error?.stack ?? error)))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${server.address().port}`
  return {
    origin,
    log,
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

export { startKitServer }
