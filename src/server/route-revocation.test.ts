import 'server-only'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionUser } from '../shared/types'
import { clearedSessionCookieHeader } from '../shared/constants'
import { memoryRevocationStore } from './memory-revocation-store'
import type { LoadUser } from './resolve-session'
import type { RevocationOptions } from './revocation-check'
import type { RevocationStore } from './revocation-store'
import { createSessionRoute } from './route'
import { validToken } from '@/test/support/tokens'

// GET and DELETE /api/session with a revocation store: what a sign-out, a revoked session and a
// store that is down or hung look like on the wire. The rest of the route is in route.test.ts.

const user: SessionUser = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'member' }
const NOW = Date.UTC(2030, 0, 1, 12, 0, 0) // epoch ms, the controlled clock
const ORIGIN = 'https://app.example'
const URL_ = `${ORIGIN}/api/session`
const CLEARED = clearedSessionCookieHeader(false)
const DAY_SECONDS = 86_400

const loadUser: LoadUser = async (id) => (id === user.id ? user : null)
const down = (): Promise<never> => Promise.reject(new Error('ECONNREFUSED'))
/** Every call fails, as a Redis that is down. */
const failingStore: RevocationStore = { isRevoked: down, revokeSession: down, revokeUser: down }
const hang = (): Promise<never> => new Promise(() => {})
/** Every call hangs, as a connection that never answers. */
const silentStore: RevocationStore = { isRevoked: hang, revokeSession: hang, revokeUser: hang }

afterEach(() => {
  vi.restoreAllMocks()
})

function routeWith(revocation: RevocationOptions, maxLifetimeSeconds?: number) {
  const route = createSessionRoute({ loadUser, now: () => NOW, revocation, maxLifetimeSeconds })
  return {
    get: (token: string) =>
      route.GET(new Request(URL_, { headers: { cookie: `session=${token}` } })),
    del: (headers: Record<string, string>) =>
      route.DELETE(new Request(URL_, { method: 'DELETE', headers })),
  }
}

/** A 503 that tells the client to come back: Retry-After in seconds, no-store, a JSON error. */
async function expectStoreDown(response: Response): Promise<void> {
  expect(response.status).toBe(503)
  expect(response.headers.get('retry-after')).toBe('5')
  expect(response.headers.get('cache-control')).toBe('no-store')
  expect(await response.json()).toEqual({ error: 'Session store unavailable' })
}

describe('/api/session with a revocation store', () => {
  it('DELETE revokes the session: 204, cookie cleared, and a replay of the cookie is revoked (and cleared)', async () => {
    const route = routeWith({ store: memoryRevocationStore() }, DAY_SECONDS)
    const token = await validToken(user.id, { now: NOW })
    const other = await validToken(user.id, { now: NOW }) // the same user on another device
    const signOut = await route.del({ origin: ORIGIN, cookie: `session=${token}` })
    expect(signOut.status).toBe(204)
    expect(signOut.headers.get('set-cookie')).toBe(CLEARED)
    const replay = await route.get(token)
    expect(await replay.json()).toMatchObject({ status: 'unauthenticated', reason: 'revoked' })
    expect(replay.headers.get('set-cookie')).toBe(CLEARED)
    expect(await (await route.get(other)).json()).toMatchObject({ status: 'authenticated' })
  })

  it('DELETE without a cookie, or from another origin, revokes nothing', async () => {
    const store = memoryRevocationStore()
    const revokeSession = vi.spyOn(store, 'revokeSession')
    const route = routeWith({ store })
    expect((await route.del({ origin: ORIGIN })).status).toBe(204)
    const token = await validToken(user.id, { now: NOW })
    const foreign = await route.del({ origin: 'https://evil.example', cookie: `session=${token}` })
    expect(foreign.status).toBe(403)
    expect(revokeSession).not.toHaveBeenCalled()
    expect(await (await route.get(token)).json()).toMatchObject({ status: 'authenticated' })
  })

  it.each([
    ['fails', { store: failingStore }],
    ['never answers (timeoutMs 20)', { store: silentStore, timeoutMs: 20 }],
  ])('GET while the store %s: 503 with Retry-After, the cookie kept', async (_case, revocation) => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await routeWith(revocation).get(await validToken(user.id, { now: NOW }))
    expect(response.headers.get('set-cookie')).toBeNull()
    await expectStoreDown(response)
  })

  it.each([
    ['fails', { store: failingStore }],
    ['never answers (timeoutMs 20)', { store: silentStore, timeoutMs: 20 }],
  ])(
    'DELETE while the store %s: the cookie still cleared, 503 with Retry-After',
    async (_case, revocation) => {
      vi.spyOn(console, 'error').mockImplementation(() => {})
      const token = await validToken(user.id, { now: NOW })
      const response = await routeWith(revocation).del({
        origin: ORIGIN,
        cookie: `session=${token}`,
      })
      const [cleared, pending] = response.headers.getSetCookie()
      expect(cleared).toBe(CLEARED)
      // The session waits in a pending-revocation cookie for the retry: route-pending-revocation.test.ts
      expect(pending).toMatch(/^session-revocation=[\w.-]+; Path=\/api\/session; /)
      await expectStoreDown(response)
    },
  )

  it('refuses a lifetime that would let revocations lapse early, at creation', () => {
    const revocation = { store: memoryRevocationStore() }
    expect(() => createSessionRoute({ loadUser, revocation, maxLifetimeSeconds: -1 })).toThrow(
      /maxLifetimeSeconds must be whole seconds > 0/,
    )
  })
})
