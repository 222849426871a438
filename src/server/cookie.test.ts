import 'server-only'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { decryptSession } from './session'
import { createSession, deleteSession, SessionCookieTooLargeError } from './cookie'

const cookieStore = vi.hoisted(() => ({ set: vi.fn() }))
vi.mock('next/headers', () => ({ cookies: async () => cookieStore }))

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0) // epoch ms, the controlled clock
const HOUR = 3600 // seconds

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
    })
    expect(await decryptSession(token, { now: NOW })).toEqual({
      ok: true,
      session: { userId: 'user-1', issuedAt: NOW, expiresAt: NOW + HOUR * 1000 },
    })
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
