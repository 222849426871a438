// A local HTTP server standing in for both back ends: the kit's GET/DELETE /api/session and
// next-auth's /api/auth/{session,csrf,signout}. Answers after a fixed latency, so requests that
// overlap really are in flight together. Pages count their own requests (counting fetch).
import { createServer } from 'node:http'
import { USER } from '../lib/user.mjs'

// Runs in the page before the app: every fetch is recorded, and counted as in flight until its
// response arrives (these bodies are a few bytes sent with the headers; waiting for a clone of
// an unread 204 body instead would add ~20 ms of stream bookkeeping, not network).
const COUNTING_FETCH = `
window.__requests = { list: [], inFlight: 0, maxInFlight: 0 }
const realFetch = window.fetch.bind(window)
window.fetch = (input, init) => {
  const r = window.__requests
  const url = typeof input === 'string' ? input : input.url
  const entry = { method: (init?.method ?? 'GET').toUpperCase(), url, start: performance.now(), at: Date.now() }
  r.list.push(entry)
  r.inFlight += 1
  r.maxInFlight = Math.max(r.maxInFlight, r.inFlight)
  const response = realFetch(input, init)
  response.catch(() => {}).finally(() => {
    r.inFlight -= 1
    entry.end = performance.now()
  })
  return response
}`

/** The harness page for `app`; `rootHtml`: the app's server-rendered markup, if any. */
function pageHtml(app, config, rootHtml = '') {
  return `<!doctype html><html><head><meta charset="utf-8"><title>bench ${app}</title>
<script>${COUNTING_FETCH}</script>
<script type="application/json" id="bench-config">${JSON.stringify(config)}</script></head>
<body><div id="root">${rootHtml}</div><script type="module" src="/app/${app}.js"></script></body></html>`
}

/** Starts the server on a free port; `state` is what the back end believes (reset per scenario). */
async function startPageServer(bundles) {
  const state = { latencyMs: 100, signedOut: false }
  const sessionExpiresAt = () => new Date(Date.now() + 3600_000).toISOString()

  function api(method, pathname) {
    if (pathname === '/api/session' && method === 'GET') {
      // The server's clock reading, as the kit's route sends it: the client times expiry from it.
      const serverTime = new Date().toISOString()
      if (state.signedOut)
        return [200, { status: 'unauthenticated', reason: 'missing', serverTime }]
      return [
        200,
        { status: 'authenticated', user: USER, expiresAt: sessionExpiresAt(), serverTime },
      ]
    }
    if (pathname === '/api/session' && method === 'DELETE') {
      state.signedOut = true
      return [204, null]
    }
    if (pathname === '/api/auth/session') {
      if (state.signedOut) return [200, {}]
      return [200, { user: { name: USER.name, email: USER.email }, expires: sessionExpiresAt() }]
    }
    if (pathname === '/api/auth/csrf') return [200, { csrfToken: 'bench-csrf' }]
    if (pathname === '/api/auth/signout' && method === 'POST') {
      state.signedOut = true
      return [200, { url: '/' }]
    }
    return [404, { error: `no route ${method} ${pathname}` }]
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://bench')
    const app = url.searchParams.get('app')
    if (url.pathname.startsWith('/app/')) {
      const name = url.pathname.slice('/app/'.length, -'.js'.length)
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundles[name])
      return
    }
    if (url.pathname.startsWith('/api/')) {
      req.resume()
      req.on('end', () => {
        setTimeout(() => {
          const [status, body] = api(req.method, url.pathname)
          const headers = { 'cache-control': 'no-store', 'content-type': 'application/json' }
          res.writeHead(status, headers).end(body === null ? undefined : JSON.stringify(body))
        }, state.latencyMs)
      })
      return
    }
    const config = JSON.parse(url.searchParams.get('config') ?? '{}')
    res.writeHead(200, { 'content-type': 'text/html' }).end(pageHtml(app, config))
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  return {
    origin: `http://127.0.0.1:${port}`,
    state,
    reset: (next = {}) => Object.assign(state, { latencyMs: 100, signedOut: false }, next),
    close: () => new Promise((resolve) => server.close(resolve)),
  }
}

export { pageHtml, startPageServer }
