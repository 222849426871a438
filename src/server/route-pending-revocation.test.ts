import 'server-only'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionUser } from '../shared/types'
import { clearedSessionCookieHeader } from '../shared/constants'
import { memoryRevocationStore } from './memory-revocation-store'
import { pendingRevocationCookie } from './pending-revocation'
import type { RevocationStore } from './revocation-store'
import { createSessionRoute } from './route'
import { decryptSession } from './session'
import { tamper, validToken } from '@/test/support/tokens'

// DELETE /api/session while the store is down: the 503 keeps the session in a pending-revocation
// cookie (path-scoped to the route), so the client's retried DELETE, which carries no session
// cookie any more, can still revoke it. The client retries on 503 and stops at any other answer.

const user: SessionUser = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'member' }
const NOW = Date.UTC(2030, 0, 1, 12, 0, 0) // epoch ms, the controlled clock
const ORIGIN = 'https://app.example'
const HOUR = 3600 // seconds: the test tokens' lifetime
const loadUser = async (id: string) => (id === user.id ? user : null)

/** A store that can be taken down and brought back, as a Redis restart. */
function flakyStore() {
  const inner = memoryRevocationStore()
  const state = { down: false }
  const guard =
    <Args extends unknown[]>(call: (...args: Args) => Promise<unknown>) =>
    async (...args: Args) => {
      if (state.down) throw new Error('ECONNREFUSED')
      return call(...args)
    }
  const store = {
    isRevoked: guard(inner.isRevoked),
    revokeSession: guard(inner.revokeSession),
    revokeUser: guard(inner.revokeUser),
  } as RevocationStore
  return { store, state }
}

function setup() {
  const { store, state } = flakyStore()
  const route = createSessionRoute({ loadUser, now: () => NOW, revocation: { store } })
  const del = (cookie?: string, origin = ORIGIN) =>
    route.DELETE(
      new Request(`${ORIGIN}/api/session`, {
        method: 'DELETE',
        headers: { origin, ...(cookie ? { cookie } : {}) },
      }),
    )
  const get = (cookie: string) =>
    route.GET(new Request(`${ORIGIN}/api/session`, { headers: { cookie } }))
  const status = async (token: string) => {
    const headers = { cookie: `session=${token}` }
    const body = await (await route.GET(new Request(`${ORIGIN}/api/session`, { headers }))).json()
    return body.status === 'authenticated' ? 'authenticated' : body.reason
  }
  return { state, del, get, status }
}

/** The pending-revocation pair (`name=value`) a response sets, or null. */
function pendingPair(response: Response): string | null {
  const set = response.headers.getSetCookie().find((c) => c.startsWith('session-revocation='))
  return set?.split(';')[0] ?? null
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
})

describe('DELETE /api/session: the revocation survives a store that is down', () => {
  it('store down, then up: the retry (no session cookie) revokes the session and clears the pending cookie', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { state, del, status } = setup()
    const token = await validToken(user.id, { now: NOW })
    state.down = true
    const first = await del(`session=${token}`)
    expect(first.status).toBe(503)
    const [cleared, pending] = first.headers.getSetCookie()
    expect(cleared).toBe(clearedSessionCookieHeader(false))
    // Path-scoped to the route, HttpOnly, Strict, and gone when the token would have expired.
    expect(pending).toMatch(
      /^session-revocation=[\w.-]+; Path=\/api\/session; Expires=Tue, 01 Jan 2030 13:00:00 GMT; Max-Age=3600; HttpOnly; SameSite=Strict$/,
    )
    const stillDown = await del(pendingPair(first) ?? '')
    expect(stillDown.status).toBe(503) // the client keeps retrying: the pending cookie is set again
    expect(pendingPair(stillDown)).toMatch(/^session-revocation=[\w.-]+$/)
    state.down = false
    const retry = await del(pendingPair(stillDown) ?? '')
    expect(retry.status).toBe(204)
    expect(retry.headers.getSetCookie()[1]).toMatch(
      /^session-revocation=; Path=\/api\/session; .*Max-Age=0/,
    )
    expect(await status(token)).toBe('revoked')
  })

  it('two sign-outs while the store is down (a new sign-in between): the retry revokes both', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { state, del, status } = setup()
    const [first, second] = [
      await validToken(user.id, { now: NOW }),
      await validToken(user.id, { now: NOW }),
    ]
    state.down = true
    const one = await del(`session=${first}`)
    const two = await del(`${pendingPair(one)}; session=${second}`)
    state.down = false
    expect((await del(pendingPair(two) ?? '')).status).toBe(204)
    expect([await status(first), await status(second)]).toEqual(['revoked', 'revoked'])
  })

  it('GET settles it too (after the DAL signOut, or a DELETE the client gave up): store down keeps it quietly', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { state, del, get, status } = setup()
    const token = await validToken(user.id, { now: NOW })
    state.down = true
    const pair = pendingPair(await del(`session=${token}`)) ?? ''
    const whileDown = await get(pair)
    expect(await whileDown.json()).toMatchObject({ status: 'unauthenticated', reason: 'missing' })
    expect(whileDown.headers.getSetCookie()).toEqual([]) // kept for a later request
    state.down = false
    const settled = await get(pair)
    expect(settled.status).toBe(200)
    expect(settled.headers.getSetCookie()).toEqual([
      expect.stringMatching(/^session-revocation=; Path=\/api\/session; .*Max-Age=0/),
    ])
    expect(await status(token)).toBe('revoked')
  })

  it('a retry without any cookie: 204, nothing to revoke (the client stops)', async () => {
    const { del } = setup()
    const response = await del()
    expect(response.status).toBe(204)
    expect(response.headers.getSetCookie()).toEqual([clearedSessionCookieHeader(false)])
  })

  it.each([
    ['garbled', async () => 'not-a-jwe'],
    [
      'tampered',
      async () =>
        tamper(
          (
            await pendingRevocationCookie(
              [{ sessionId: 'A'.repeat(22), issuedAt: NOW, expiresAt: NOW + HOUR * 1000 }],
              '/api/session',
              NOW,
            )
          ).value,
        ),
    ],
    ['a session token, not a pending list', () => validToken(user.id, { now: NOW })],
  ])(
    'a %s pending cookie: 400 with a clear error, cleared, and the session cookie still revoked',
    async (_case, value) => {
      vi.spyOn(console, 'warn').mockImplementation(() => {})
      const { del, status } = setup()
      const token = await validToken(user.id, { now: NOW })
      const response = await del(`session-revocation=${await value()}; session=${token}`)
      expect(response.status).toBe(400)
      expect(await response.json()).toEqual({
        error: 'Pending revocation refused: not a cookie this server made',
      })
      expect(response.headers.getSetCookie()[1]).toMatch(/^session-revocation=; .*Max-Age=0/)
      expect(await status(token)).toBe('revoked')
    },
  )

  it('a pending cookie never opens as a session, and is ignored from another origin (403)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { state, del, status } = setup()
    const token = await validToken(user.id, { now: NOW })
    state.down = true
    const pair = pendingPair(await del(`session=${token}`)) ?? ''
    const value = pair.slice('session-revocation='.length)
    expect(await decryptSession(value, { now: NOW })).toEqual({ ok: false, reason: 'invalid' })
    state.down = false
    expect((await del(pair, 'https://evil.example')).status).toBe(403)
    expect(await status(token)).toBe('authenticated')
  })

  it('in production the cookie is __Secure- and Secure, as the session cookie', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.stubEnv('NODE_ENV', 'production')
    const cookie = await pendingRevocationCookie(
      [{ sessionId: 'A'.repeat(22), issuedAt: NOW, expiresAt: NOW + HOUR * 1000 }],
      '/api/session',
      NOW,
    )
    expect(cookie.header).toMatch(
      /^__Secure-session-revocation=[\w.-]+; Path=\/api\/session; .*; Secure; HttpOnly; SameSite=Strict$/,
    )
  })
})
