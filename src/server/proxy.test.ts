import 'server-only'
import { NextRequest, type NextResponse } from 'next/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createSessionProxy, type SessionProxyOptions } from './proxy'
import { REQUEST_PATH_HEADER } from './dal'
import { expiredToken, tamperedToken, validToken } from '@/test/support/tokens'

const ORIGIN = 'https://app.example'
const OPTIONS: SessionProxyOptions = {
  protectedPaths: ['/dashboard', '/settings'],
  guestOnlyPaths: ['/auth'],
}
const proxy = createSessionProxy(OPTIONS)

type CookieKind = 'none' | 'valid' | 'expired' | 'invalid'

async function cookieFor(kind: CookieKind): Promise<string | undefined> {
  switch (kind) {
    case 'none':
      return undefined
    case 'valid':
      return validToken('user-1')
    case 'expired':
      return expiredToken('user-1')
    case 'invalid':
      return tamperedToken('user-1')
    default:
      return kind satisfies never
  }
}

async function visit(path: string, kind: CookieKind, headers: Record<string, string> = {}) {
  const token = await cookieFor(kind)
  const all = new Headers(headers)
  if (token !== undefined) all.set('cookie', `session=${token}`)
  return proxy(new NextRequest(`${ORIGIN}${path}`, { headers: all }))
}

/** Where the response sends the browser, as a path + query, or null when it passes through. */
function redirectedTo(response: NextResponse): string | null {
  const location = response.headers.get('location')
  if (location === null) return null
  const url = new URL(location)
  expect(url.origin).toBe(ORIGIN)
  return url.pathname + url.search
}

function passedPath(response: NextResponse): string | null {
  return response.headers.get(`x-middleware-request-${REQUEST_PATH_HEADER}`)
}

describe('createSessionProxy: the path table', () => {
  it.each<[string, CookieKind, string | null]>([
    // protected, bad cookie: to the login page with next (path + search) and a lost-session reason
    ['/dashboard', 'none', '/auth?next=%2Fdashboard'],
    ['/dashboard', 'expired', '/auth?next=%2Fdashboard&reason=expired'],
    ['/dashboard', 'invalid', '/auth?next=%2Fdashboard&reason=invalid'],
    ['/dashboard/', 'none', '/auth?next=%2Fdashboard%2F'],
    [
      '/dashboard/reports?tab=1&q=a%20b',
      'expired',
      '/auth?next=%2Fdashboard%2Freports%3Ftab%3D1%26q%3Da%2520b&reason=expired',
    ],
    ['/settings', 'invalid', '/auth?next=%2Fsettings&reason=invalid'],
    ['/%64ashboard (percent-encoded letter)', 'none', '/auth?next=%2F%2564ashboard'],
    // protected, valid cookie: through
    ['/dashboard', 'valid', null],
    ['/dashboard/x', 'valid', null],
    // not protected: segment boundaries
    ['/dashboards', 'none', null],
    ['/dashboard-old', 'expired', null],
    ['/', 'invalid', null],
    ['/public/page', 'none', null],
    // guest-only, valid cookie: home, or a safe next that is not guest-only itself
    ['/auth', 'valid', '/dashboard'],
    ['/auth/callback', 'valid', '/dashboard'],
    ['/auth?next=%2Fsettings%3Ftab%3D2', 'valid', '/settings?tab=2'],
    ['/auth?next=%2F%2Fevil.com', 'valid', '/dashboard'],
    ['/auth?next=https%3A%2F%2Fevil.com', 'valid', '/dashboard'],
    ['/auth?next=%2Fauth (a guest-only next would loop)', 'valid', '/dashboard'],
    ['/auth?next=%2Fauth%2Fcallback', 'valid', '/dashboard'],
    // guest-only, valid cookie, lost-session reason: verifySession sent a revoked user here while
    // the cookie still decrypts; bouncing home would loop home -> login -> home (e2e test 4)
    ['/auth?next=%2Fdashboard&reason=revoked (revoked-user loop guard)', 'valid', null],
    ['/auth?reason=invalid (lost-session reason)', 'valid', null],
    ['/auth?reason=missing (not a lost-session reason)', 'valid', '/dashboard'],
    ['/auth?reason=bogus (unknown reason)', 'valid', '/dashboard'],
    // guest-only, no valid cookie: through
    ['/auth', 'none', null],
    ['/auth?reason=expired', 'expired', null],
    ['/auth', 'invalid', null],
    ['/authority', 'valid', null],
  ])('%s with cookie %s -> %s', async (rawPath, kind, expected) => {
    const path = rawPath.split(' ')[0] ?? rawPath
    const response = await visit(path, kind)
    expect(redirectedTo(response)).toBe(expected)
    if (expected === null) expect(passedPath(response)).toBe(path)
    else expect(response.status).toBe(307)
  })
})

describe('createSessionProxy: cookie deletion', () => {
  it.each<CookieKind>(['expired', 'invalid'])(
    'protected + %s cookie: the redirect deletes it with the same attributes',
    async (kind) => {
      const response = await visit('/dashboard', kind)
      expect(response.headers.get('set-cookie')).toMatch(
        /^session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0; HttpOnly; SameSite=lax/i,
      )
      expect(response.cookies.get('session')).toMatchObject({
        value: '',
        maxAge: 0,
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
      })
    },
  )

  it('protected + no cookie: nothing to delete, no Set-Cookie', async () => {
    expect((await visit('/dashboard', 'none')).headers.get('set-cookie')).toBeNull()
  })

  it('guest-only + invalid cookie: passes through without touching it', async () => {
    expect((await visit('/auth', 'invalid')).headers.get('set-cookie')).toBeNull()
  })
})

describe('createSessionProxy: planted session cookies (cookie tossing)', () => {
  async function visitWithHeader(path: string, cookie: string) {
    return proxy(new NextRequest(`${ORIGIN}${path}`, { headers: { cookie } }))
  }

  it('planted junk first + real valid second: a protected path passes through', async () => {
    const response = await visitWithHeader(
      '/dashboard',
      `session=junk; session=${await cookieFor('valid')}`,
    )
    expect(redirectedTo(response)).toBeNull()
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('real valid first + planted junk second (request.cookies would see only the junk): passes', async () => {
    const response = await visitWithHeader(
      '/dashboard',
      `session=${await cookieFor('valid')}; session=junk`,
    )
    expect(redirectedTo(response)).toBeNull()
  })

  it('planted junk + real valid on a guest-only path: home', async () => {
    const response = await visitWithHeader(
      '/auth',
      `session=junk; session=${await cookieFor('valid')}`,
    )
    expect(redirectedTo(response)).toBe('/dashboard')
  })

  it('planted expired + junk, no valid one: reason=expired and the cookie cleared', async () => {
    const response = await visitWithHeader(
      '/dashboard',
      `session=junk; session=${await cookieFor('expired')}`,
    )
    expect(redirectedTo(response)).toBe('/auth?next=%2Fdashboard&reason=expired')
    expect(response.cookies.get('session')).toMatchObject({ value: '', maxAge: 0 })
  })

  it('several junk values: reason=invalid and the cookie cleared', async () => {
    const response = await visitWithHeader('/dashboard', 'session=a; session=b; session=c')
    expect(redirectedTo(response)).toBe('/auth?next=%2Fdashboard&reason=invalid')
    expect(response.cookies.get('session')).toMatchObject({ value: '', maxAge: 0 })
  })
})

describe('createSessionProxy: the cookie name (__Host-session in production)', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  async function visitWithHeader(path: string, cookie: string) {
    return proxy(new NextRequest(`${ORIGIN}${path}`, { headers: { cookie } }))
  }

  it('production, a valid __Host-session: a protected path passes through', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const response = await visitWithHeader(
      '/dashboard',
      `__Host-session=${await cookieFor('valid')}`,
    )
    expect(redirectedTo(response)).toBeNull()
  })

  it('production, only a plain session cookie (plantable by a sibling subdomain), even valid: treated as no cookie', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const response = await visitWithHeader('/dashboard', `session=${await cookieFor('valid')}`)
    expect(redirectedTo(response)).toBe('/auth?next=%2Fdashboard')
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('production, a junk __Host-session: reason=invalid and __Host-session cleared, Secure', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    const response = await visitWithHeader('/dashboard', '__Host-session=junk')
    expect(redirectedTo(response)).toBe('/auth?next=%2Fdashboard&reason=invalid')
    expect(response.cookies.get('__Host-session')).toMatchObject({
      value: '',
      maxAge: 0,
      secure: true,
      path: '/',
    })
    expect(response.cookies.get('session')).toBeUndefined()
  })
})

describe('createSessionProxy: the request path header', () => {
  it('a forged x-session-kit-path from the client is overwritten', async () => {
    const response = await visit('/public?a=1', 'none', { [REQUEST_PATH_HEADER]: '//evil.com' })
    expect(passedPath(response)).toBe('/public?a=1')
  })

  it('custom loginPath and homePath', async () => {
    const custom = createSessionProxy({
      ...OPTIONS,
      guestOnlyPaths: ['/sign-in'],
      loginPath: '/sign-in',
      homePath: '/home',
    })
    const toLogin = await custom(new NextRequest(`${ORIGIN}/settings`))
    expect(redirectedTo(toLogin)).toBe('/sign-in?next=%2Fsettings')
    const token = await cookieFor('valid')
    const toHome = await custom(
      new NextRequest(`${ORIGIN}/sign-in`, { headers: { cookie: `session=${token}` } }),
    )
    expect(redirectedTo(toHome)).toBe('/home')
  })
})

describe('createSessionProxy: the loop guard and bad paths, at creation', () => {
  it.each<[string, SessionProxyOptions, RegExp]>([
    [
      'the login path is protected',
      { protectedPaths: ['/auth'], guestOnlyPaths: [] },
      /loginPath \/auth is protected/,
    ],
    [
      'the login path is under a protected path',
      { protectedPaths: ['/'], guestOnlyPaths: [] },
      /is protected/,
    ],
    [
      'a custom login path is protected',
      { protectedPaths: ['/app'], guestOnlyPaths: [], loginPath: '/app/login' },
      /is protected/,
    ],
    [
      'the home path is guest-only',
      { protectedPaths: [], guestOnlyPaths: ['/auth', '/dashboard'] },
      /homePath \/dashboard is guest-only/,
    ],
    [
      'a path is both protected and guest-only',
      { protectedPaths: ['/x'], guestOnlyPaths: ['/auth', '/x/y'] },
      /both protected and guest-only/,
    ],
    [
      'a protected path under a guest-only one',
      { protectedPaths: ['/auth/admin'], guestOnlyPaths: ['/auth'] },
      /both protected and guest-only/,
    ],
  ])('%s throws', (_name, options, message) => {
    expect(() => createSessionProxy(options)).toThrow(message)
  })

  it.each([
    'dashboard',
    '/dashboard/',
    '/a?b=1',
    '/a#b',
    '//evil.com',
    '/a//b',
    '/a/../b',
    '/./a',
    '/a b',
    '/a\\b',
    '',
    'https://evil.com',
    '/a\nb',
  ])('a path that is not a plain absolute path (%j) throws', (path) => {
    expect(() => createSessionProxy({ protectedPaths: [path], guestOnlyPaths: [] })).toThrow(
      TypeError,
    )
    expect(() => createSessionProxy({ ...OPTIONS, homePath: path })).toThrow(TypeError)
  })

  it('a login path that merely shares a prefix with a protected path is fine (segment boundary)', () => {
    expect(() =>
      createSessionProxy({ protectedPaths: ['/au'], guestOnlyPaths: ['/auth'] }),
    ).not.toThrow()
  })
})
