import 'server-only'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionUser } from '../shared/types'
import { createSessionDal } from './dal'
import { memoryRevocationStore } from './memory-revocation-store'
import { createSessionRoute } from './route'
import { RevocationStoreError, type RevocationStore } from './revocation-store'
import { RedirectSignal } from '@/test/support/redirect-signal'
import { validToken } from '@/test/support/tokens'

// The DAL with a revocation store: verifySession sees revocations, throws while the store is
// down, and its signOut / signOutEverywhere revoke. The rest of the DAL is in dal.test.ts.

const request = vi.hoisted(() => ({ cookies: new Map<string, string>(), set: vi.fn() }))
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => {
      const value = request.cookies.get(name)
      return value === undefined ? undefined : { name, value }
    },
    set: request.set,
  }),
  headers: async () => new Headers(),
}))
vi.mock('next/navigation', () => import('@/test/support/redirect-signal'))

const user: SessionUser = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'member' }
const loadUser = async (id: string) => (id === user.id ? user : null)
const down = (): Promise<never> => Promise.reject(new Error('ECONNREFUSED'))
/** Every call fails, as a Redis that is down. */
const failingStore: RevocationStore = { isRevoked: down, revokeSession: down, revokeUser: down }

afterEach(() => {
  request.cookies.clear()
  request.set.mockReset()
})

/** The request carries `token` as its session cookie (development name). */
function withCookie(token: string) {
  request.cookies.set('session', token)
}

/** What `run` rejected with: the redirect target, or the error itself. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  )
  return error instanceof RedirectSignal ? `redirect ${error.message}` : error
}

/** Whether the cookie was cleared in this request (deleteSession's `set(name, '')`). */
const cleared = () =>
  request.set.mock.calls.some(([name, value]) => name === 'session' && value === '')

describe('createSessionDal with a revocation store', () => {
  it('signOut revokes this session: the cookie cleared, a redirect to login, and a replay is revoked', async () => {
    const revocation = { store: memoryRevocationStore() }
    const token = await validToken(user.id)
    withCookie(token)
    expect(await outcome(createSessionDal({ loadUser, revocation }).signOut)).toBe('redirect /auth')
    expect(cleared()).toBe(true)
    withCookie(token) // the same cookie, replayed in a later request
    const later = createSessionDal({ loadUser, revocation })
    expect(await later.getSession()).toMatchObject({ status: 'unauthenticated', reason: 'revoked' })
    expect(await outcome(() => later.verifySession())).toBe('redirect /auth?reason=revoked')
  })

  it('signOut while the store is down: the cookie still cleared, the error thrown (no redirect)', async () => {
    withCookie(await validToken(user.id))
    const dal = createSessionDal({ loadUser, revocation: { store: failingStore } })
    expect(await outcome(dal.signOut)).toBeInstanceOf(RevocationStoreError)
    expect(cleared()).toBe(true)
  })

  it('signOut while the store is down leaves the session pending for /api/session, whose next DELETE revokes it', async () => {
    const token = await validToken(user.id)
    withCookie(token)
    await outcome(createSessionDal({ loadUser, revocation: { store: failingStore } }).signOut)
    const pending = request.set.mock.calls.find(([name]) => name === 'session-revocation')
    expect(pending?.[2]).toMatchObject({ path: '/api/session', httpOnly: true, sameSite: 'strict' })
    const revocation = { store: memoryRevocationStore() } // the store, back
    const route = createSessionRoute({ loadUser, revocation })
    const retry = await route.DELETE(
      new Request('https://app.example/api/session', {
        method: 'DELETE',
        headers: { origin: 'https://app.example', cookie: `session-revocation=${pending?.[1]}` },
      }),
    )
    expect(retry.status).toBe(204)
    withCookie(token)
    const later = createSessionDal({ loadUser, revocation })
    expect(await later.getSession()).toMatchObject({ status: 'unauthenticated', reason: 'revoked' })
  })

  it('verifySession reports renewalDue (the DAL cannot set the cookie), only with renewal', async () => {
    const renewal = { whenLeftBelow: 0.5 }
    withCookie(await validToken(user.id, { now: Date.now() - 40 * 60_000, maxAgeSeconds: 3600 }))
    expect(await createSessionDal({ loadUser, renewal }).verifySession()).toMatchObject({
      user,
      renewalDue: true,
    })
    expect(await createSessionDal({ loadUser }).verifySession()).toMatchObject({
      renewalDue: false,
    })
    withCookie(await validToken(user.id, { now: Date.now() - 10 * 60_000, maxAgeSeconds: 3600 }))
    expect(await createSessionDal({ loadUser, renewal }).verifySession()).toMatchObject({
      renewalDue: false,
    })
  })

  it('verifySession while the store is down throws RevocationStoreError: never a redirect to login', async () => {
    withCookie(await validToken(user.id))
    const dal = createSessionDal({ loadUser, revocation: { store: failingStore } })
    expect(await outcome(() => dal.verifySession())).toBeInstanceOf(RevocationStoreError)
  })

  it('signOutEverywhere revokes every session of the user signed in until now, no one else', async () => {
    const revocation = { store: memoryRevocationStore() }
    const [here, elsewhere, otherUser] = await Promise.all([
      validToken(user.id, { now: Date.now() - 60_000 }),
      validToken(user.id, { now: Date.now() - 60_000 }),
      validToken('user-2', { now: Date.now() - 60_000 }),
    ])
    withCookie(here)
    const dal = createSessionDal({ loadUser, revocation })
    expect(await outcome(dal.signOutEverywhere)).toBe('redirect /auth')
    expect(cleared()).toBe(true)
    const check = createSessionDal({ loadUser: async () => user, revocation })
    for (const [token, status] of [
      [elsewhere, 'unauthenticated'],
      [otherUser, 'authenticated'],
    ] as const) {
      withCookie(token)
      expect(await check.getSession()).toMatchObject({ status })
    }
  })

  it('signOutEverywhere with a revoked cookie ends no one else`s sessions', async () => {
    const store = memoryRevocationStore()
    const revokeUser = vi.spyOn(store, 'revokeUser')
    const token = await validToken(user.id)
    withCookie(token)
    await outcome(createSessionDal({ loadUser, revocation: { store } }).signOut)
    withCookie(token) // a stolen copy of the signed-out cookie
    await outcome(createSessionDal({ loadUser, revocation: { store } }).signOutEverywhere)
    expect(revokeUser).not.toHaveBeenCalled()
  })

  it('signOutEverywhere without a store is a setup error; signOut just clears the cookie', async () => {
    withCookie(await validToken(user.id))
    const dal = createSessionDal({ loadUser })
    expect(await outcome(dal.signOutEverywhere)).toEqual(
      new TypeError('signOutEverywhere needs a revocation store: createSessionDal({ revocation })'),
    )
    expect(await outcome(dal.signOut)).toBe('redirect /auth')
    expect(cleared()).toBe(true)
  })
})
