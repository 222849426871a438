import 'server-only'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  clearedSessionCookieOptions,
  currentSessionCookieName,
  isSessionCookieSecure,
  serializeSessionCookie,
  sessionCookieOptions,
} from './cookie-options'

const EXPIRES = new Date(Date.UTC(2030, 0, 1))

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('sessionCookieOptions', () => {
  it('outside production: httpOnly, lax, path /, not secure (http://localhost works)', () => {
    vi.stubEnv('NODE_ENV', 'development')
    expect(sessionCookieOptions(EXPIRES)).toEqual({
      httpOnly: true,
      secure: false,
      sameSite: 'lax',
      path: '/',
      expires: EXPIRES,
    })
  })

  it('in production: secure', () => {
    vi.stubEnv('NODE_ENV', 'production')
    expect(sessionCookieOptions(EXPIRES).secure).toBe(true)
  })

  it('cleared: the same attributes, expired (epoch 0) and Max-Age 0', () => {
    vi.stubEnv('NODE_ENV', 'production')
    expect(clearedSessionCookieOptions()).toEqual({
      ...sessionCookieOptions(new Date(0)),
      maxAge: 0,
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
    expect(sessionCookieOptions(EXPIRES).secure).toBe(secure)
    expect(currentSessionCookieName()).toBe(name)
  })
})

describe('serializeSessionCookie', () => {
  it('a live cookie in production: __Host-session, Secure, Path=/ and no Domain (what __Host- demands)', () => {
    vi.stubEnv('NODE_ENV', 'production')
    const header = serializeSessionCookie(
      currentSessionCookieName(),
      'abc',
      sessionCookieOptions(EXPIRES),
    )
    expect(header).toBe(
      '__Host-session=abc; Path=/; Expires=Tue, 01 Jan 2030 00:00:00 GMT; Secure; HttpOnly; SameSite=Lax',
    )
    expect(header).not.toMatch(/domain=/i)
  })

  it('a cleared cookie', () => {
    vi.stubEnv('NODE_ENV', 'test')
    expect(serializeSessionCookie('session', '', clearedSessionCookieOptions())).toBe(
      'session=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=Lax',
    )
  })
})
