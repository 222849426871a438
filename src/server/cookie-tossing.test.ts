import 'server-only'
// One Cookie header, three readers: GET /api/session (raw header), the proxy (raw header) and
// getSession() (Next's cookies() plus the raw header) must reach the same verdict, whatever a
// sibling subdomain planted next to the real cookie.
import { NextRequest } from 'next/server'
import { RequestCookies } from 'next/dist/server/web/spec-extension/cookies'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { SessionUser } from '../shared/types'
import { createSessionDal } from './dal'
import { createSessionProxy } from './proxy'
import { createSessionRoute } from './route'
import { encryptSession } from './session'

const request = vi.hoisted(() => ({ cookie: '' }))
// Next's own parser stands behind cookies(), as in a real request.
vi.mock('next/headers', () => ({
  cookies: async () => new RequestCookies(new Headers({ cookie: request.cookie })),
  headers: async () => new Headers({ cookie: request.cookie }),
}))

const user: SessionUser = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'member' }
const HOUR = 3600 // seconds
const ORIGIN = 'https://app.example'
const loadUser = async (id: string) => (id === user.id ? user : null)
const route = createSessionRoute({ loadUser })
const proxy = createSessionProxy({ protectedPaths: ['/dashboard'], guestOnlyPaths: ['/auth'] })

const tokens = { valid: '', expired: '', deleted: '' }
beforeAll(async () => {
  tokens.valid = await encryptSession({ userId: user.id }, { maxAgeSeconds: HOUR })
  tokens.expired = await encryptSession(
    { userId: user.id },
    { maxAgeSeconds: HOUR, now: Date.now() - 2 * HOUR * 1000 },
  )
  tokens.deleted = await encryptSession({ userId: 'deleted' }, { maxAgeSeconds: HOUR })
})

afterEach(() => {
  request.cookie = ''
})

/** `{valid}` etc. in a header template become the tokens made in beforeAll. */
function header(template: string): string {
  return template.replace(
    /\{(valid|expired|deleted)\}/g,
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

function verdict(payload: { status: string; reason?: string }): string {
  return payload.status === 'authenticated' ? 'authenticated' : (payload.reason ?? '?')
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
  ])('%s', async (_name, template, expected, expectedByProxy) => {
    const cookie = header(template)
    request.cookie = cookie
    const fromRoute = await route.GET(new Request(`${ORIGIN}/api/session`, { headers: { cookie } }))
    const fromDal = await createSessionDal({ loadUser }).getSession()
    expect({
      route: verdict((await fromRoute.json()) as { status: string; reason?: string }),
      dal: verdict(fromDal),
      proxy: await proxyVerdict(cookie),
    }).toEqual({ route: expected, dal: expected, proxy: expectedByProxy })
  })
})
