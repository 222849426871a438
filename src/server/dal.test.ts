import 'server-only'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionUser } from '../shared/types'
import { RequestCookies } from 'next/dist/server/web/spec-extension/cookies'
import { createSessionDal, REQUEST_PATH_HEADER } from './dal'
import { RedirectSignal } from '@/test/support/redirect-signal'
import { expiredToken, validToken } from '@/test/support/tokens'

const request = vi.hoisted(() => ({
  cookies: new Map<string, string>(),
  headers: new Headers(),
}))
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => {
      const value = request.cookies.get(name)
      return value === undefined ? undefined : { name, value }
    },
  }),
  headers: async () => request.headers,
}))
vi.mock('next/navigation', () => import('@/test/support/redirect-signal'))

const user: SessionUser = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'member' }
const loadUser = async (id: string) => (id === user.id ? user : null)

afterEach(() => {
  request.cookies.clear()
  request.headers = new Headers()
})

/** The request carries `token` (a valid one for `user` unless given) as its session cookie. */
async function signIn(token: Promise<string> = validToken(user.id)) {
  request.cookies.set('session', await token)
}

/** Runs `verifySession` and returns where it redirected to (or fails if it did not). */
async function redirectTarget(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  )
  if (!(error instanceof RedirectSignal))
    throw new Error(`expected a redirect, got ${String(error)}`)
  return error.message
}

describe('getSession', () => {
  it('authenticated: the same payload GET /api/session gives', async () => {
    await signIn()
    const { getSession } = createSessionDal({ loadUser })
    const before = Date.now()
    const payload = await getSession()
    expect(payload).toMatchObject({ status: 'authenticated', user })
    // The layout's initialSession carries the server's clock too: the client's deadline needs it.
    expect(Date.parse(payload.serverTime)).toBeGreaterThanOrEqual(before)
    expect(Date.parse(payload.serverTime)).toBeLessThanOrEqual(Date.now())
  })

  it('missing cookie: unauthenticated/missing, never a redirect', async () => {
    const { getSession } = createSessionDal({ loadUser })
    expect(await getSession()).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
      serverTime: expect.any(String),
    })
  })

  it('expired cookie: unauthenticated/expired, never a redirect', async () => {
    await signIn(expiredToken(user.id))
    const { getSession } = createSessionDal({ loadUser })
    expect(await getSession()).toEqual({
      status: 'unauthenticated',
      reason: 'expired',
      serverTime: expect.any(String),
    })
  })

  it('loadUser throws: the error propagates (error boundary), not a sign-out', async () => {
    await signIn()
    const { getSession } = createSessionDal({
      loadUser: async () => {
        throw new Error('database down')
      },
    })
    await expect(getSession()).rejects.toThrow('database down')
  })
})

/** The browser sends `cookie`; `cookies()` reads it with Next's own parser (it keeps the last). */
function browserSends(cookie: string): void {
  request.headers.set('cookie', cookie)
  const value = new RequestCookies(new Headers({ cookie })).get('session')?.value
  if (value !== undefined) request.cookies.set('session', value)
}

describe('getSession: planted session cookies (cookie tossing)', () => {
  it('planted junk first + real valid second: authenticated', async () => {
    browserSends(`session=junk; session=${await validToken(user.id)}`)
    const { getSession } = createSessionDal({ loadUser })
    expect(await getSession()).toMatchObject({ status: 'authenticated', user })
  })

  it('real valid first + planted junk second (cookies() alone sees only the junk): authenticated', async () => {
    browserSends(`session=${await validToken(user.id)}; session=junk`)
    expect(request.cookies.get('session')).toBe('junk')
    const { getSession } = createSessionDal({ loadUser })
    expect(await getSession()).toMatchObject({ status: 'authenticated', user })
  })

  it('planted expired + junk, no valid one: expired; verifySession redirects with reason=expired', async () => {
    const old = await expiredToken(user.id)
    browserSends(`session=${old}; session=junk`)
    const { getSession, verifySession } = createSessionDal({ loadUser })
    expect(await getSession()).toEqual({
      status: 'unauthenticated',
      reason: 'expired',
      serverTime: expect.any(String),
    })
    expect(await redirectTarget(() => verifySession())).toBe('/auth?reason=expired')
  })

  it('a Server Action signed out in this request (cookies() says empty, the header still has the old cookie): missing', async () => {
    browserSends(`session=${await validToken(user.id)}`)
    request.cookies.set('session', '') // deleteSession() earlier in this request
    const { getSession } = createSessionDal({ loadUser })
    expect(await getSession()).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
      serverTime: expect.any(String),
    })
  })

  it('a Server Action signed in during this request (cookies() has the new token, the header only junk): authenticated', async () => {
    browserSends('session=junk')
    request.cookies.set('session', await validToken(user.id)) // createSession() earlier in this request
    const { getSession } = createSessionDal({ loadUser })
    expect(await getSession()).toMatchObject({ status: 'authenticated', user })
  })
})

describe('verifySession', () => {
  it('authenticated: the user and expiresAt', async () => {
    await signIn()
    const { verifySession } = createSessionDal({ loadUser })
    const verified = await verifySession()
    expect(verified.user).toEqual(user)
    expect(Date.parse(verified.expiresAt)).toBeGreaterThan(Date.now())
  })

  it('missing: redirects to the login path with next from the proxy header, no reason', async () => {
    request.headers.set(REQUEST_PATH_HEADER, '/dashboard?tab=1')
    const { verifySession } = createSessionDal({ loadUser })
    expect(await redirectTarget(() => verifySession())).toBe('/auth?next=%2Fdashboard%3Ftab%3D1')
  })

  it('expired: redirects with reason=expired', async () => {
    await signIn(expiredToken(user.id))
    request.headers.set(REQUEST_PATH_HEADER, '/dashboard')
    const { verifySession } = createSessionDal({ loadUser })
    expect(await redirectTarget(() => verifySession())).toBe(
      '/auth?next=%2Fdashboard&reason=expired',
    )
  })

  it('invalid: redirects with reason=invalid', async () => {
    request.cookies.set('session', 'junk')
    const { verifySession } = createSessionDal({ loadUser })
    expect(await redirectTarget(() => verifySession())).toBe('/auth?reason=invalid')
  })

  it('revoked (loadUser returns null): redirects with reason=revoked', async () => {
    await signIn(validToken('deleted-user'))
    const { verifySession } = createSessionDal({ loadUser })
    expect(await redirectTarget(() => verifySession({ next: '/settings' }))).toBe(
      '/auth?next=%2Fsettings&reason=revoked',
    )
  })

  it('the next option wins over the proxy header', async () => {
    request.headers.set(REQUEST_PATH_HEADER, '/from-header')
    const { verifySession } = createSessionDal({ loadUser })
    expect(await redirectTarget(() => verifySession({ next: '/from-option' }))).toBe(
      '/auth?next=%2Ffrom-option',
    )
  })

  it('no next option and no proxy header: next omitted', async () => {
    const { verifySession } = createSessionDal({ loadUser })
    expect(await redirectTarget(() => verifySession())).toBe('/auth')
  })

  it.each([
    ['a protocol-relative next option', { next: '//evil.com' }, undefined],
    ['a forged absolute-URL header', {}, 'https://evil.com/'],
  ])('%s is dropped (safeNextPath)', async (_name, options, header) => {
    if (header) request.headers.set(REQUEST_PATH_HEADER, header)
    const { verifySession } = createSessionDal({ loadUser })
    expect(await redirectTarget(() => verifySession(options))).toBe('/auth')
  })

  it('a custom loginPath', async () => {
    const { verifySession } = createSessionDal({ loadUser, loginPath: '/sign-in' })
    expect(await redirectTarget(() => verifySession({ next: '/x' }))).toBe('/sign-in?next=%2Fx')
  })
})

describe('createSessionDal: bad config', () => {
  it.each(['sign-in', '//evil.com', '/auth?x=1', ''])(
    'loginPath %j throws at creation',
    (loginPath) => {
      expect(() => createSessionDal({ loadUser, loginPath })).toThrow(TypeError)
    },
  )
})
