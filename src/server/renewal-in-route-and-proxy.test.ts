import 'server-only'
import { NextRequest } from 'next/server'
import { describe, expect, it, vi } from 'vitest'
import type { SessionUser } from '../shared/types'
import { memoryRevocationStore } from './memory-revocation-store'
import { createSessionProxy } from './proxy'
import type { RevocationStore } from './revocation-store'
import { createSessionRoute, type SessionRouteOptions } from './route'
import { decryptSession } from './session'
import { expiredToken, tamperedToken, validToken } from '@/test/support/tokens'

// Sliding renewal where a cookie can be set: GET /api/session after its store check, and the
// proxy. The rules themselves (when, how far, the options): session-renewal.test.ts.

const user: SessionUser = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'member' }
const SIGN_IN = Date.UTC(2030, 0, 1, 12, 0, 0) // epoch ms
const ORIGIN = 'https://app.example'
const HALF_HOUR = 1800 // seconds: the test sessions' token lifetime
const MINUTE_MS = 60_000
const renewal = { whenLeftBelow: 0.5 }
const loadUser = async (id: string) => (id === user.id ? user : null)
const down = (): Promise<never> => Promise.reject(new Error('ECONNREFUSED'))
/** Every call fails, as a Redis that is down. */
const failingStore: RevocationStore = { isRevoked: down, revokeSession: down, revokeUser: down }

/** A route on a clock the test moves (`clock.now`, epoch ms). */
function routeAt(clock: { now: number }, options: Partial<SessionRouteOptions> = {}) {
  const route = createSessionRoute({ loadUser, now: () => clock.now, ...options })
  return {
    get: (token: string) =>
      route.GET(new Request(`${ORIGIN}/api/session`, { headers: { cookie: `session=${token}` } })),
    del: (token: string) =>
      route.DELETE(
        new Request(`${ORIGIN}/api/session`, {
          method: 'DELETE',
          headers: { origin: ORIGIN, cookie: `session=${token}` },
        }),
      ),
  }
}

/** The renewed token a response sets, or null when it sets none. */
function renewedToken(response: Response): string | null {
  const set = response.headers.getSetCookie().find((cookie) => /^session=[^;]+/.test(cookie))
  return set ? (set.match(/^session=([^;]+)/)?.[1] ?? null) : null
}

const signIn = () => validToken(user.id, { now: SIGN_IN, maxAgeSeconds: HALF_HOUR })

describe('GET /api/session with renewal', () => {
  it('off by default: no new cookie, even a minute before the end', async () => {
    const clock = { now: SIGN_IN + 29 * MINUTE_MS }
    expect(renewedToken(await routeAt(clock).get(await signIn()))).toBeNull()
  })

  it('renews past the share: Set-Cookie with the same session, and the payload says the new expiry', async () => {
    const clock = { now: SIGN_IN + 10 * MINUTE_MS }
    const route = routeAt(clock, { renewal })
    const token = await signIn()
    expect(renewedToken(await route.get(token))).toBeNull() // 20 of 30 minutes left
    clock.now = SIGN_IN + 20 * MINUTE_MS
    const response = await route.get(token)
    const renewed = renewedToken(response)
    if (!renewed) throw new Error('expected a renewed cookie')
    const newExpiry = SIGN_IN + 50 * MINUTE_MS
    expect(await response.json()).toMatchObject({
      status: 'authenticated',
      expiresAt: new Date(newExpiry).toISOString(),
    })
    expect(response.headers.getSetCookie()[0]).toContain(`Max-Age=${HALF_HOUR}; HttpOnly`)
    const [before, after] = [
      await decryptSession(token, { now: clock.now }),
      await decryptSession(renewed, { now: clock.now }),
    ]
    if (!before.ok || !after.ok) throw new Error('both tokens should open')
    expect(after.session).toEqual({ ...before.session, expiresAt: newExpiry })
  })

  it('never past sign-in + maxLifetimeSeconds', async () => {
    const clock = { now: SIGN_IN + 20 * MINUTE_MS }
    const route = routeAt(clock, { renewal, maxLifetimeSeconds: 40 * 60 })
    const response = await route.get(await signIn())
    expect(await response.json()).toMatchObject({
      expiresAt: new Date(SIGN_IN + 40 * MINUTE_MS).toISOString(),
    })
  })

  it.each([
    ['expired', () => expiredToken(user.id, { now: SIGN_IN + 20 * MINUTE_MS })],
    ['invalid', () => tamperedToken(user.id, { now: SIGN_IN })],
    ['of an unknown user', () => validToken('gone', { now: SIGN_IN, maxAgeSeconds: HALF_HOUR })],
  ])('never renews a session that is %s: it is cleared instead', async (_case, token) => {
    const route = routeAt({ now: SIGN_IN + 20 * MINUTE_MS }, { renewal })
    const response = await route.get(await token())
    expect(renewedToken(response)).toBeNull()
    expect(await response.json()).toMatchObject({ status: 'unauthenticated' })
  })

  it('with the store down: 503, no new cookie', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const route = routeAt(
      { now: SIGN_IN + 20 * MINUTE_MS },
      { renewal, revocation: { store: failingStore } },
    )
    const response = await route.get(await signIn())
    expect(response.status).toBe(503)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('revoke, try to renew, wait past the old exp: still revoked (renewal does not resurrect)', async () => {
    const clock = { now: SIGN_IN + 20 * MINUTE_MS }
    const revocation = { store: memoryRevocationStore() }
    const route = routeAt(clock, { renewal, revocation, maxLifetimeSeconds: 86_400 })
    const token = await signIn()
    const renewed = renewedToken(await route.get(token)) // renewed once while signed in
    if (!renewed) throw new Error('expected a renewed cookie')
    expect((await route.del(renewed)).status).toBe(204) // sign out with the renewed cookie
    // The route refuses to renew it: revoked, no new cookie.
    const refused = await route.get(renewed)
    expect(renewedToken(refused)).toBeNull()
    expect(await refused.json()).toMatchObject({ status: 'unauthenticated', reason: 'revoked' })
    // The proxy does not ask the store (none given): it renews the revoked token...
    const proxy = createSessionProxy({
      protectedPaths: ['/dashboard'],
      guestOnlyPaths: ['/auth'],
      renewal,
      maxLifetimeSeconds: 86_400,
      now: () => clock.now + 20 * MINUTE_MS,
    })
    const page = await proxy(
      new NextRequest(`${ORIGIN}/dashboard`, { headers: { cookie: `session=${renewed}` } }),
    )
    const resurrected = page.cookies.get('session')?.value
    if (!resurrected) throw new Error('expected the proxy to renew the token it cannot check')
    // ...and past the old tokens' exp (50 min) the renewed copy is still revoked: the entry lasts
    // until sign-in + maxLifetimeSeconds, past any renewal.
    clock.now = SIGN_IN + 65 * MINUTE_MS
    expect(await (await route.get(token)).json()).toMatchObject({ reason: 'expired' })
    expect(await (await route.get(resurrected)).json()).toMatchObject({ reason: 'revoked' })
  })
})

describe('the proxy with renewal', () => {
  const paths = { protectedPaths: ['/dashboard'], guestOnlyPaths: ['/auth'] }
  const at = SIGN_IN + 20 * MINUTE_MS // 10 of 30 minutes left: due

  async function visit(path: string, extra: object = {}, token?: string) {
    const proxy = createSessionProxy({ ...paths, renewal, now: () => at, ...extra })
    const cookie = `session=${token ?? (await signIn())}`
    return proxy(new NextRequest(`${ORIGIN}${path}`, { headers: { cookie } }))
  }

  it('renews a due session on any page it lets through, with the kit cookie attributes', async () => {
    for (const path of ['/dashboard', '/about']) {
      const response = await visit(path)
      expect(response.headers.get('location')).toBeNull()
      expect(response.cookies.get('session')).toMatchObject({
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        maxAge: HALF_HOUR,
      })
    }
  })

  it('not when renewal is off, nor on a guest-only page (a session verifySession refused lands there)', async () => {
    expect(
      (await visit('/dashboard', { renewal: undefined })).cookies.get('session'),
    ).toBeUndefined()
    const guest = await visit('/auth?reason=revoked')
    expect(guest.cookies.get('session')).toBeUndefined()
  })

  it('with a store: not a revoked session, and none while the store is down (the page still loads)', async () => {
    const store = memoryRevocationStore()
    const token = await signIn()
    const opened = await decryptSession(token, { now: at })
    if (!opened.ok || opened.session.sessionId === null) throw new Error('test token should open')
    await store.revokeSession(opened.session.sessionId, at + 86_400_000, at)
    const revoked = await visit('/dashboard', { revocation: { store } }, token)
    expect(revoked.cookies.get('session')).toBeUndefined()
    expect(
      (await visit('/dashboard', { revocation: { store } })).cookies.get('session'),
    ).toBeDefined()
    const storeDown = await visit('/dashboard', { revocation: { store: failingStore } })
    expect(storeDown.headers.get('x-middleware-next')).toBe('1')
    expect(storeDown.cookies.get('session')).toBeUndefined()
  })
})
