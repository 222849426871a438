import 'server-only'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionUser } from '../shared/types'
import type { LoadUser } from './resolve-session'
import { expiredToken, tamperedToken, TOKEN_SECONDS, validToken } from '@/test/support/tokens'
import { clearedSessionCookieHeader } from '../shared/constants'
import { createSessionRoute } from './route'

const fixtureUser: SessionUser = {
  id: 'user-1',
  name: 'Ada Lovelace',
  email: 'ada@example.com',
  role: 'member',
}
const NOW = Date.UTC(2030, 0, 1, 12, 0, 0) // epoch ms, the controlled clock
/** Tokens issued at the route's clock. */
const AT_NOW = { now: NOW }
/** The route's clock as every body carries it: the instant the token was checked against. */
const SERVER_TIME = new Date(NOW).toISOString()
const ORIGIN = 'https://app.example'
const URL_ = `${ORIGIN}/api/session`
/** What the route must send to clear the cookie outside production (cookie.test.ts pins its text). */
const CLEARED = clearedSessionCookieHeader(false)

const loadUser: LoadUser = async (id) => (id === fixtureUser.id ? fixtureUser : null)
const route = createSessionRoute({ loadUser, now: () => NOW })

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

function get(cookie?: string): Promise<Response> {
  return route.GET(new Request(URL_, { headers: cookie === undefined ? {} : { cookie } }))
}

function del(headers: Record<string, string> = {}): Promise<Response> {
  return route.DELETE(new Request(URL_, { method: 'DELETE', headers }))
}

/** A refused sign-out: 403 with a JSON error, no Set-Cookie (the cookie kept), no-store. */
async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(403)
  expect(await response.json()).toEqual({ error: 'Cross-origin request refused' })
  expect(response.headers.get('set-cookie')).toBeNull()
  expect(response.headers.get('cache-control')).toBe('no-store')
}

describe('GET /api/session', () => {
  it('authenticated: 200, the user, expiresAt and serverTime (ISO 8601), no Set-Cookie, no-store', async () => {
    const response = await get(
      `theme=dark; session=${await validToken(fixtureUser.id, AT_NOW)}; other=1`,
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      status: 'authenticated',
      user: fixtureUser,
      expiresAt: new Date(NOW + TOKEN_SECONDS * 1000).toISOString(),
      serverTime: SERVER_TIME,
    })
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  })

  it.each([
    ['no Cookie header', undefined],
    ['a Cookie header without the session cookie', 'theme=dark'],
    ['an empty session cookie', 'session='],
  ])('missing (%s): 200 unauthenticated/missing and no Set-Cookie', async (_name, cookie) => {
    const response = await get(cookie)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
      serverTime: SERVER_TIME,
    })
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('expired: 200 unauthenticated/expired and the cookie cleared with the same attributes', async () => {
    const response = await get(`session=${await expiredToken(fixtureUser.id, AT_NOW)}`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({
      status: 'unauthenticated',
      reason: 'expired',
      serverTime: SERVER_TIME,
    })
    expect(response.headers.get('set-cookie')).toBe(CLEARED)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it.each([
    ['tampered token', async () => `session=${await tamperedToken(fixtureUser.id, AT_NOW)}`],
    ['junk', async () => 'session=junk'],
    ['whitespace', async () => 'session=%20%20'],
  ])('invalid (%s): 200 unauthenticated/invalid and the cookie cleared', async (_name, cookie) => {
    const response = await get(await cookie())
    expect(await response.json()).toEqual({
      status: 'unauthenticated',
      reason: 'invalid',
      serverTime: SERVER_TIME,
    })
    expect(response.headers.get('set-cookie')).toBe(CLEARED)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('revoked (loadUser returns null): 200 unauthenticated/revoked and the cookie cleared', async () => {
    const response = await get(`session=${await validToken('deleted-user', AT_NOW)}`)
    expect(await response.json()).toEqual({
      status: 'unauthenticated',
      reason: 'revoked',
      serverTime: SERVER_TIME,
    })
    expect(response.headers.get('set-cookie')).toBe(CLEARED)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('in production the cleared cookie is __Host-session and Secure', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const response = await get('__Host-session=junk')
    expect(response.headers.get('set-cookie')).toBe(clearedSessionCookieHeader(true))
  })

  it('loadUser throws: 500 with a JSON error, no verdict and no cleared cookie', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const failing = createSessionRoute({
      loadUser: async () => {
        throw new Error('database down')
      },
      now: () => NOW,
    })
    const response = await failing.GET(
      new Request(URL_, {
        headers: { cookie: `session=${await validToken(fixtureUser.id, AT_NOW)}` },
      }),
    )
    expect(response.status).toBe(500)
    const body: unknown = await response.json()
    expect(body).toEqual({ error: 'Session check failed' })
    expect(JSON.stringify(body)).not.toContain('database down')
    expect(response.headers.get('set-cookie')).toBeNull()
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('missing SESSION_SECRET: 500, not a sign-out', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    vi.stubEnv('SESSION_SECRET', undefined)
    const response = await get('session=anything')
    expect(response.status).toBe(500)
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('a user object with extra fields: only SessionUser fields reach the browser', async () => {
    const leaky = createSessionRoute({
      loadUser: async () => ({ ...fixtureUser, passwordHash: 'secret-hash' }),
      now: () => NOW,
    })
    const response = await leaky.GET(
      new Request(URL_, {
        headers: { cookie: `session=${await validToken(fixtureUser.id, AT_NOW)}` },
      }),
    )
    expect(await response.text()).not.toContain('secret-hash')
  })

  it('uses the real clock when no `now` is given', async () => {
    const realClock = createSessionRoute({ loadUser })
    const token = await validToken(fixtureUser.id)
    const response = await realClock.GET(
      new Request(URL_, { headers: { cookie: `session=${token}` } }),
    )
    const body: { serverTime: string } = await response.json()
    expect(body).toMatchObject({ status: 'authenticated' })
    expect(Math.abs(Date.parse(body.serverTime) - Date.now())).toBeLessThan(60_000)
  })
})

describe('GET /api/session: planted session cookies (cookie tossing)', () => {
  it('planted junk first + real valid second: authenticated, the real cookie kept', async () => {
    const response = await get(
      `session=planted-junk; theme=dark; session=${await validToken(fixtureUser.id, AT_NOW)}`,
    )
    expect(await response.json()).toMatchObject({ status: 'authenticated', user: fixtureUser })
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('real valid first + planted junk second: authenticated too', async () => {
    const response = await get(
      `session=${await validToken(fixtureUser.id, AT_NOW)}; session=planted-junk`,
    )
    expect(await response.json()).toMatchObject({ status: 'authenticated' })
  })

  it('planted expired + junk, no valid one: expired, the cookie cleared', async () => {
    const old = await expiredToken(fixtureUser.id, AT_NOW)
    const response = await get(`session=junk; session=${old}`)
    expect(await response.json()).toEqual({
      status: 'unauthenticated',
      reason: 'expired',
      serverTime: SERVER_TIME,
    })
    expect(response.headers.get('set-cookie')).toBe(CLEARED)
  })

  it('several junk values: invalid and the cookie cleared', async () => {
    const response = await get('session=a; session=b.c; session=d')
    expect(await response.json()).toEqual({
      status: 'unauthenticated',
      reason: 'invalid',
      serverTime: SERVER_TIME,
    })
    expect(response.headers.get('set-cookie')).toBe(CLEARED)
  })

  it('a header stuffed with 300 session= pairs then the real one: authenticated', async () => {
    const junk = Array.from({ length: 300 }, (_, i) => `session=junk-${i}`).join('; ')
    const response = await get(`${junk}; session=${await validToken(fixtureUser.id, AT_NOW)}`)
    expect(await response.json()).toMatchObject({ status: 'authenticated' })
  })
})

describe('GET /api/session: which cookie name counts (planted valid tokens)', () => {
  const mallory: SessionUser = {
    id: 'user-2',
    name: 'Mallory',
    email: 'mallory@example.com',
    role: 'member',
  }
  const twoUsers = createSessionRoute({
    loadUser: async (id) => [fixtureUser, mallory].find((user) => user.id === id) ?? null,
    now: () => NOW,
  })
  const getAs = (cookie: string) => twoUsers.GET(new Request(URL_, { headers: { cookie } }))

  it('development: a planted VALID token on a longer path (sent first) loses to the real one on / (sent last)', async () => {
    const response = await getAs(
      `session=${await validToken(mallory.id, AT_NOW)}; session=${await validToken(fixtureUser.id, AT_NOW)}`,
    )
    expect(await response.json()).toMatchObject({ status: 'authenticated', user: fixtureUser })
  })

  it('production: the __Host-session cookie is read', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const response = await getAs(`__Host-session=${await validToken(fixtureUser.id, AT_NOW)}`)
    expect(await response.json()).toMatchObject({ status: 'authenticated', user: fixtureUser })
  })

  it('production: a plain session cookie (what another subdomain could plant) is ignored, even a valid one', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const planted = await getAs(`session=${await validToken(mallory.id, AT_NOW)}`)
    expect(await planted.json()).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
      serverTime: SERVER_TIME,
    })
    expect(planted.headers.get('set-cookie')).toBeNull()
    const beside = await getAs(
      `session=${await validToken(mallory.id, AT_NOW)}; __Host-session=${await validToken(fixtureUser.id, AT_NOW)}`,
    )
    expect(await beside.json()).toMatchObject({ status: 'authenticated', user: fixtureUser })
  })

  it('development: a __Host-session cookie is ignored (only the plain name counts outside production)', async () => {
    const response = await getAs(`__Host-session=${await validToken(fixtureUser.id, AT_NOW)}`)
    expect(await response.json()).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
      serverTime: SERVER_TIME,
    })
  })
})

describe('DELETE /api/session', () => {
  it.each([
    ['same Origin', { origin: ORIGIN }],
    [
      'same Origin and Sec-Fetch-Site: same-origin',
      { origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
    ],
    ['no Origin (same-origin GET-less clients, curl)', {}],
  ])('%s: 204, the cookie cleared, no-store', async (_name, headers) => {
    const response = await del(headers)
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    expect(response.headers.get('set-cookie')).toBe(CLEARED)
    expect(response.headers.get('cache-control')).toBe('no-store')
  })

  it('in production: clears __Host-session, Secure', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const response = await del({ origin: ORIGIN })
    expect(response.headers.get('set-cookie')).toBe(clearedSessionCookieHeader(true))
  })

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Origin on another port', { origin: 'https://app.example:8443' }],
    ['Origin: null (sandboxed frame)', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site without Origin', { 'sec-fetch-site': 'cross-site' }],
    [
      'Sec-Fetch-Site: cross-site with a same Origin',
      { origin: ORIGIN, 'sec-fetch-site': 'cross-site' },
    ],
  ])('%s: 403 with a JSON error, the cookie kept, no-store', async (_name, headers) => {
    await expectRefused(await del(headers))
  })
})

// `next start` builds request.url from its own hostname, never from the Host header: every case
// below addresses the handler as `http://localhost:3000`, as Next does behind any host or proxy.
describe('DELETE /api/session: the origin check follows the deployment, not request.url', () => {
  const NEXT_URL = 'http://localhost:3000/api/session'
  const signOut = (headers: Record<string, string>, options = {}) =>
    createSessionRoute({ loadUser, now: () => NOW, ...options }).DELETE(
      new Request(NEXT_URL, { method: 'DELETE', headers }),
    )

  it.each([
    [
      '127.0.0.1 (regression: was 403 off localhost)',
      { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' },
    ],
    ['[::1]', { origin: 'http://[::1]:3000', host: '[::1]:3000' }],
    ['a custom domain, no proxy', { origin: 'https://app.example', host: 'app.example' }],
    [
      'a custom domain, Host with its default port',
      { origin: 'https://app.example', host: 'app.example:443' },
    ],
    ['a custom domain, Host in capitals', { origin: 'https://app.example', host: 'APP.example' }],
    [
      'behind a TLS proxy: X-Forwarded-Host',
      { origin: 'https://app.example', host: '10.0.0.7:3000', 'x-forwarded-host': 'app.example' },
    ],
    [
      'behind two proxies: the first X-Forwarded-Host',
      {
        origin: 'https://app.example:8443',
        host: 'localhost:3000',
        'x-forwarded-host': 'app.example:8443, edge.internal',
      },
    ],
    [
      'Sec-Fetch-Site: same-origin, whatever the headers say',
      { origin: 'https://app.example', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' },
    ],
    [
      'Sec-Fetch-Site: same-site from the same host (another scheme, same host)',
      { origin: 'http://app.example', host: 'app.example', 'sec-fetch-site': 'same-site' },
    ],
  ])('%s: 204, the cookie cleared', async (_name, headers) => {
    const response = await signOut(headers)
    expect(response.status).toBe(204)
    expect(response.headers.get('set-cookie')).toBe(CLEARED)
  })

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example', host: 'app.example' }],
    ['Origin on another port', { origin: 'https://app.example:8443', host: 'app.example' }],
    [
      'a port mismatch behind a proxy',
      {
        origin: 'https://app.example:8443',
        host: 'localhost:3000',
        'x-forwarded-host': 'app.example',
      },
    ],
    [
      'a matching Host but another X-Forwarded-Host (the proxy decides)',
      { origin: 'https://app.example', host: 'app.example', 'x-forwarded-host': 'other.example' },
    ],
    ['Origin: null (sandboxed frame)', { origin: 'null', host: 'app.example' }],
    ['an unparsable Origin', { origin: 'not a url', host: 'app.example' }],
    [
      'Sec-Fetch-Site: same-site from another host',
      { origin: 'https://evil.app.example', host: 'app.example', 'sec-fetch-site': 'same-site' },
    ],
    [
      'Sec-Fetch-Site: cross-site without Origin',
      { 'sec-fetch-site': 'cross-site', host: 'app.example' },
    ],
    [
      'Sec-Fetch-Site: cross-site with a same Origin',
      { origin: 'https://app.example', host: 'app.example', 'sec-fetch-site': 'cross-site' },
    ],
    [
      'Sec-Fetch-Site: same-site without Origin',
      { 'sec-fetch-site': 'same-site', host: 'app.example' },
    ],
    [
      'localhost when the browser used another host (the old check allowed this)',
      { origin: 'http://localhost:3000', host: 'app.example' },
    ],
  ])('%s: 403 with a JSON error, the cookie kept, no-store', async (_name, headers) => {
    await expectRefused(await signOut(headers))
  })

  it('allowedOrigins: an extra origin may sign out, no other', async () => {
    const options = { allowedOrigins: ['https://admin.example'] }
    const allowed = await signOut({ origin: 'https://admin.example', host: 'app.example' }, options)
    expect(allowed.status).toBe(204)
    const sibling = await signOut(
      { origin: 'https://admin.example:8443', host: 'app.example' },
      options,
    )
    expect(sibling.status).toBe(403)
    const crossSite = await signOut(
      { origin: 'https://admin.example', host: 'app.example', 'sec-fetch-site': 'cross-site' },
      options,
    )
    // An allowed origin is still refused when the browser itself says cross-site.
    expect(crossSite.status).toBe(403)
  })

  it.each([
    ['a bare host', 'admin.example', ''],
    ['a trailing slash', 'https://admin.example/', ' (did you mean "https://admin.example"?)'],
    ['a path', 'https://admin.example/app', ' (did you mean "https://admin.example"?)'],
    ['capitals', 'https://Admin.example', ' (did you mean "https://admin.example"?)'],
    ['an empty string', '', ''],
  ])('allowedOrigins with %s: a TypeError naming the entry at creation', (_name, entry, hint) => {
    expect(() => createSessionRoute({ loadUser, allowedOrigins: [entry] })).toThrow(
      new TypeError(
        `createSessionRoute: allowedOrigins entries must be origins like "https://admin.example.com" (scheme and host, no path), got ${JSON.stringify(entry)}${hint}`,
      ),
    )
  })

  it('allowedOrigins with a wildcard: a TypeError saying patterns are not taken', () => {
    expect(() => createSessionRoute({ loadUser, allowedOrigins: ['https://*.example'] })).toThrow(
      new TypeError(
        'createSessionRoute: allowedOrigins takes exact origins, not patterns; list each one instead of "https://*.example"',
      ),
    )
  })
})
