import 'server-only'
// One Cookie header, three readers: GET /api/session (raw header), the proxy (raw header) and
// getSession() (Next's cookies() plus the raw header) must reach the same verdict, whatever a
// sibling subdomain planted next to the real cookie. Browsers send longer-path cookies first, so a
// planted `Path=/dashboard` cookie comes BEFORE the kit's `Path=/` one in these headers.
import { NextRequest } from 'next/server'
import { RequestCookies } from 'next/dist/server/web/spec-extension/cookies'
import {
  MutableRequestCookiesAdapter,
  type ResponseCookies,
} from 'next/dist/server/web/spec-extension/adapters/request-cookies'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { expiredToken, validToken } from '@/test/support/tokens'
import type { SessionUser } from '../shared/types'
import { createSession, deleteSession } from './cookie'
import { createSessionDal } from './dal'
import { createSessionProxy } from './proxy'
import { createSessionRoute } from './route'

const request = vi.hoisted(() => ({
  cookie: '',
  // A Server Action's cookie store, when a test plays one; otherwise a render's read-only one.
  actionCookies: null as ResponseCookies | null,
}))
// Next's own parser stands behind cookies(), as in a real request.
vi.mock('next/headers', () => ({
  cookies: async () =>
    request.actionCookies ?? new RequestCookies(new Headers({ cookie: request.cookie })),
  headers: async () => new Headers({ cookie: request.cookie }),
}))

const user: SessionUser = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'member' }
/** Another account: its valid token is what an attacker on a sibling subdomain could plant. */
const mallory: SessionUser = {
  ...user,
  id: 'user-2',
  name: 'Mallory',
  email: 'mallory@example.com',
}
const HOUR = 3600 // seconds
const ORIGIN = 'https://app.example'
const loadUser = async (id: string) => [user, mallory].find((known) => known.id === id) ?? null
const route = createSessionRoute({ loadUser })
const proxy = createSessionProxy({ protectedPaths: ['/dashboard'], guestOnlyPaths: ['/auth'] })

const tokens = { valid: '', expired: '', deleted: '', mallory: '' }
beforeAll(async () => {
  tokens.valid = await validToken(user.id)
  tokens.expired = await expiredToken(user.id)
  tokens.deleted = await validToken('deleted')
  tokens.mallory = await validToken(mallory.id)
})

afterEach(() => {
  request.cookie = ''
  request.actionCookies = null
  vi.unstubAllEnvs()
})

/** `{valid}` etc. in a header template become the tokens made in beforeAll. */
function header(template: string): string {
  return template.replace(
    /\{(valid|expired|deleted|mallory)\}/g,
    (_, kind: keyof typeof tokens) => tokens[kind],
  )
}

/** The proxy's verdict on a protected path: through, or the reason it redirected with. */
async function proxyVerdict(cookie: string): Promise<string> {
  const response = await proxy(new NextRequest(`${ORIGIN}/dashboard`, { headers: { cookie } }))
  const location = response.headers.get('location')
  if (location === null) return 'authenticated'
  return new URL(location).searchParams.get('reason') ?? 'missing'
}

/** `authenticated` for the real user, `mallory` when the planted account won, else the reason. */
function verdict(payload: { status: string; reason?: string; user?: { id: string } }): string {
  if (payload.status !== 'authenticated') return payload.reason ?? '?'
  return payload.user?.id === mallory.id ? 'mallory' : 'authenticated'
}

async function verdicts(cookie: string) {
  request.cookie = cookie
  const fromRoute = await route.GET(new Request(`${ORIGIN}/api/session`, { headers: { cookie } }))
  const fromDal = await createSessionDal({ loadUser }).getSession()
  return {
    route: verdict((await fromRoute.json()) as Parameters<typeof verdict>[0]),
    dal: verdict(fromDal),
    proxy: await proxyVerdict(cookie),
  }
}

describe('route, proxy and getSession agree on the same Cookie header', () => {
  it.each<[string, string, string, string]>([
    // name, header, route + DAL verdict, proxy verdict (cookie only: no loadUser, no `revoked`)
    ['no cookie', 'theme=dark', 'missing', 'missing'],
    ['the real cookie alone', 'session={valid}', 'authenticated', 'authenticated'],
    [
      'planted junk first, real second',
      'session=junk; theme=dark; session={valid}',
      'authenticated',
      'authenticated',
    ],
    [
      'real first, planted junk second',
      'session={valid}; session=junk',
      'authenticated',
      'authenticated',
    ],
    ['planted empty value first', 'session=; session={valid}', 'authenticated', 'authenticated'],
    ['planted expired, no valid', 'session={expired}; session=junk', 'expired', 'expired'],
    ['several junk', 'session=a; session=b.c; session=%ZZ', 'invalid', 'invalid'],
    [
      'planted token of a deleted account first',
      'session={deleted}; session={valid}',
      'authenticated',
      'authenticated',
    ],
    ['only a deleted account', 'session=junk; session={deleted}', 'revoked', 'authenticated'],
    [
      'the real one behind 20 planted',
      `${'session=junk; '.repeat(20)}session={valid}`,
      'authenticated',
      'authenticated',
    ],
    [
      'a planted VALID token of another account first (longer path), the real one last (Path=/)',
      'session={mallory}; session={valid}',
      'authenticated',
      'authenticated',
    ],
  ])('development: %s', async (_name, template, expected, expectedByProxy) => {
    expect(await verdicts(header(template))).toEqual({
      route: expected,
      dal: expected,
      proxy: expectedByProxy,
    })
  })

  it.each<[string, string, string, string]>([
    ['the real __Host-session alone', '__Host-session={valid}', 'authenticated', 'authenticated'],
    [
      "a planted plain session (another account's valid token) first: ignored",
      'session={mallory}; __Host-session={valid}',
      'authenticated',
      'authenticated',
    ],
    [
      'only a planted plain session, valid: no session at all',
      'session={mallory}',
      'missing',
      'missing',
    ],
    [
      "a planted plain session of a deleted account next to the user's expired cookie: expired, not revoked",
      'session={deleted}; __Host-session={expired}',
      'expired',
      'expired',
    ],
  ])('production: %s', async (_name, template, expected, expectedByProxy) => {
    vi.stubEnv('NODE_ENV', 'production')
    expect(await verdicts(header(template))).toEqual({
      route: expected,
      dal: expected,
      proxy: expectedByProxy,
    })
  })
})

describe("getSession after a Server Action changed the cookie (Next's real action cookie store)", () => {
  /** The store `cookies()` returns inside a Server Action for a request carrying `cookie`. */
  function runAction(cookie: string): void {
    request.cookie = cookie
    request.actionCookies = MutableRequestCookiesAdapter.wrap(
      new RequestCookies(new Headers({ cookie })),
    )
  }

  it.each([
    [
      'with a planted empty session= (longer path) before the real one',
      'session=; session={valid}',
    ],
    ['with only the real cookie', 'session={valid}'],
  ])('deleteSession() %s: signed out', async (_name, template) => {
    runAction(header(template))
    await deleteSession()
    expect(await createSessionDal({ loadUser }).getSession()).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
      serverTime: expect.any(String),
    })
  })

  it('cookies().delete() with planted junk around the real cookie: signed out', async () => {
    runAction(header('session=junk; session={valid}'))
    request.actionCookies?.delete('session')
    expect(await createSessionDal({ loadUser }).getSession()).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
      serverTime: expect.any(String),
    })
  })

  it('createSession() over planted junk: signed in as the new session', async () => {
    runAction('session=junk')
    await createSession(user.id, { maxAgeSeconds: HOUR })
    expect(await createSessionDal({ loadUser }).getSession()).toMatchObject({
      status: 'authenticated',
      user,
    })
  })

  it('production: deleteSession() clears __Host-session, and getSession agrees', async () => {
    vi.stubEnv('NODE_ENV', 'production')
    runAction(header('__Host-session={valid}'))
    await deleteSession()
    expect(request.actionCookies?.get('__Host-session')).toMatchObject({ value: '', secure: true })
    expect(await createSessionDal({ loadUser }).getSession()).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
      serverTime: expect.any(String),
    })
  })

  it('no change in the action: every header value still counts (planted junk last)', async () => {
    runAction(header('session={valid}; session=junk'))
    expect(await createSessionDal({ loadUser }).getSession()).toMatchObject({
      status: 'authenticated',
      user,
    })
  })
})
