import 'server-only'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { clearedSessionCookieHeader } from '../shared/constants'
import {
  clearedSessionCookie,
  createSession,
  currentSessionCookieName,
  deleteSession,
  isSessionCookieSecure,
  serializeSessionCookie,
  sessionCookie,
  sessionCookieOptions,
  SessionCookieTooLargeError,
} from './cookie'
import { decryptSession, MAX_AGE_LIMIT_SECONDS } from './session'
import { openedSession } from '@/test/support/opened-session'

const cookieStore = vi.hoisted(() => ({ set: vi.fn() }))
vi.mock('next/headers', () => ({ cookies: async () => cookieStore }))

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0) // epoch ms, the controlled clock
const HOUR = 3600 // seconds
const EXPIRES = new Date(Date.UTC(2030, 0, 1))

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] })
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllEnvs()
  cookieStore.set.mockReset()
})

describe('createSession', () => {
  it('sets an httpOnly, lax, path / cookie that expires with its token, and returns expiresAt', async () => {
    vi.stubEnv('NODE_ENV', 'development')
    expect(await createSession('user-1', { maxAgeSeconds: HOUR })).toEqual({
      expiresAt: NOW + HOUR * 1000,
    })
    expect(cookieStore.set).toHaveBeenCalledTimes(1)
    const [name, token, options] = cookieStore.set.mock.calls[0] ?? []
    expect(name).toBe('session')
    expect(options).toEqual({
      httpOnly: true,
      secure: false,
      sameSite: 'lax',
      path: '/',
      expires: new Date(NOW + HOUR * 1000),
      maxAge: HOUR,
    })
    expect(await decryptSession(token, { now: NOW })).toEqual(
      openedSession('user-1', NOW, NOW + HOUR * 1000),
    )
  })

  it('Max-Age is the whole seconds left, rounded down: the cookie ends at or before exp, never after', async () => {
    vi.setSystemTime(NOW + 400) // exp stays on the whole second: 3599.6 s left
    const { expiresAt } = await createSession('user-1', { maxAgeSeconds: HOUR })
    expect(expiresAt).toBe(NOW + HOUR * 1000)
    const [, , options] = cookieStore.set.mock.calls[0] ?? []
    expect(options).toMatchObject({ expires: new Date(expiresAt), maxAge: HOUR - 1 })
  })

  it('in production the cookie is secure and named __Host-session (no other subdomain can set it)', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    await createSession('user-1', { maxAgeSeconds: HOUR })
    const [name, , options] = cookieStore.set.mock.calls[0] ?? []
    expect(name).toBe('__Host-session')
    // What browsers demand of a __Host- cookie: Secure, Path=/ and no Domain.
    expect(options).toMatchObject({ secure: true, path: '/' })
    expect(options).not.toHaveProperty('domain')
  })

  it('a token over 4096 bytes: SessionCookieTooLargeError and no cookie set', async () => {
    const hugeUserId = 'x'.repeat(4000)
    await expect(createSession(hugeUserId, { maxAgeSeconds: HOUR })).rejects.toBeInstanceOf(
      SessionCookieTooLargeError,
    )
    await expect(createSession(hugeUserId, { maxAgeSeconds: HOUR })).rejects.toThrow(/4096/)
    expect(cookieStore.set).not.toHaveBeenCalled()
  })

  it('a bad maxAgeSeconds (0): TypeError and no cookie set', async () => {
    await expect(createSession('user-1', { maxAgeSeconds: 0 })).rejects.toThrow(TypeError)
    expect(cookieStore.set).not.toHaveBeenCalled()
  })

  it('maxAgeSeconds 1e13 (past the 400-day cookie limit): RangeError, never clamped, no cookie set', async () => {
    await expect(createSession('user-1', { maxAgeSeconds: 1e13 })).rejects.toThrow(
      new RangeError(
        `maxAgeSeconds must be at most ${MAX_AGE_LIMIT_SECONDS} (400 days, the browsers' cookie ` +
          'lifetime limit), got 10000000000000',
      ),
    )
    expect(cookieStore.set).not.toHaveBeenCalled()
  })
})

describe('deleteSession', () => {
  it('outside production: clears the plain session cookie', async () => {
    vi.stubEnv('NODE_ENV', 'development')
    await deleteSession()
    expect(cookieStore.set).toHaveBeenCalledWith(
      'session',
      '',
      expect.objectContaining({ maxAge: 0 }),
    )
  })

  it('in production: overwrites __Host-session with an empty, expired one with the same attributes', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    await deleteSession()
    expect(cookieStore.set).toHaveBeenCalledWith('__Host-session', '', {
      httpOnly: true,
      secure: true,
      sameSite: 'lax',
      path: '/',
      expires: new Date(0),
      maxAge: 0,
    })
  })
})

describe('sessionCookieOptions', () => {
  it('outside production: httpOnly, lax, path /, not secure (http://localhost works)', () => {
    vi.stubEnv('NODE_ENV', 'development')
    expect(sessionCookieOptions(EXPIRES, EXPIRES.getTime() - 90_500)).toEqual({
      httpOnly: true,
      secure: false,
      sameSite: 'lax',
      path: '/',
      expires: EXPIRES,
      maxAge: 90, // 90.5 s left, rounded down
    })
  })

  it('maxAge counts from the real clock by default, and is 0 (never negative) once expires has passed', () => {
    expect(sessionCookieOptions(new Date(NOW + 60_000)).maxAge).toBe(60)
    expect(sessionCookieOptions(new Date(NOW - 60_000)).maxAge).toBe(0)
  })

  it('in production: secure', () => {
    vi.stubEnv('NODE_ENV', 'production')
    expect(sessionCookieOptions(EXPIRES).secure).toBe(true)
  })

  it('cleared: the same name and attributes, expired (epoch 0) and Max-Age 0', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const live = sessionCookie(new Date(0))
    expect(clearedSessionCookie()).toMatchObject({
      name: live.name,
      options: { ...live.options, maxAge: 0 },
    })
  })
})

describe('the cookie name follows the Secure decision', () => {
  it.each([
    ['development', false, 'session'],
    ['test', false, 'session'],
    ['production', true, '__Host-session'],
  ])('NODE_ENV=%s: secure %s, name %s', (env, secure, name) => {
    vi.stubEnv('NODE_ENV', env)
    expect(isSessionCookieSecure()).toBe(secure)
    expect(sessionCookie(EXPIRES)).toMatchObject({ name, options: { secure } })
    expect(currentSessionCookieName()).toBe(name)
    expect(clearedSessionCookie()).toMatchObject({ name, options: { secure } })
  })
})

describe('serializeSessionCookie', () => {
  it('a live cookie in production: __Host-session, Secure, Path=/ and no Domain (what __Host- demands)', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const header = serializeSessionCookie(
      currentSessionCookieName(),
      'abc',
      sessionCookieOptions(EXPIRES, EXPIRES.getTime() - HOUR * 1000),
    )
    expect(header).toBe(
      '__Host-session=abc; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Max-Age=3600; Secure; HttpOnly; SameSite=Lax',
    )
    expect(header).not.toMatch(/domain=/i)
  })

  it('a cleared cookie', () => {
    vi.stubEnv('NODE_ENV', 'test')
    const { name, options } = clearedSessionCookie()
    expect(serializeSessionCookie(name, '', options)).toBe(
      'session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax',
    )
  })

  // The contract's cleared header (what the route and the mocks send) and the attributes the
  // proxy and deleteSession() clear with are two forms of one cookie: they must not drift apart.
  it.each(['test', 'production'])(
    "NODE_ENV=%s: the contract's cleared Set-Cookie is the cleared cookie, serialized",
    (env) => {
      vi.stubEnv('NODE_ENV', env)
      const { name, options, header } = clearedSessionCookie()
      expect(header).toBe(serializeSessionCookie(name, '', options))
      expect(header).toBe(clearedSessionCookieHeader(isSessionCookieSecure()))
    },
  )
})
