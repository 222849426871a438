import 'server-only'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionUser } from '../shared/types'
import {
  decryptFirstValid,
  MAX_SESSION_COOKIE_CANDIDATES,
  resolveSession,
  type LoadUser,
} from './resolve-session'
import * as session from './session'
import {
  expiredToken,
  TOKEN_SECONDS,
  tokenWithoutSessionId,
  validToken,
} from '@/test/support/tokens'

// A pass-through spy: the bound tests count how many tokens were opened.
vi.mock('./session', async (importOriginal) => {
  const actual = await importOriginal<typeof session>()
  return { ...actual, decryptSession: vi.fn(actual.decryptSession) }
})

const user: SessionUser = { id: 'user-1', name: 'Ada', email: 'ada@example.com', role: 'admin' }
const NOW = Date.UTC(2030, 0, 1) // epoch ms, the controlled clock

/** Tokens issued at the test's clock. */
const AT_NOW = { now: NOW }
/** Every payload carries the clock its token was checked against. */
const SERVER_TIME = new Date(NOW).toISOString()

describe('resolveSession', () => {
  it('authenticated: the user loadUser returned and expiresAt as ISO 8601', async () => {
    const loadUser = vi.fn<LoadUser>(async () => user)
    expect(await resolveSession(await validToken(user.id, AT_NOW), loadUser, { now: NOW })).toEqual(
      {
        status: 'authenticated',
        user,
        expiresAt: '2030-01-01T01:00:00.000Z',
        serverTime: SERVER_TIME,
      },
    )
    expect(loadUser).toHaveBeenCalledWith('user-1', {
      sessionId: expect.stringMatching(/^[\w-]{22}$/),
      issuedAt: NOW,
      expiresAt: NOW + TOKEN_SECONDS * 1000,
    })
  })

  it('loadUser gets the session id and the sign-in time of a renewed token, not its renewal time', async () => {
    const sessionId = 'AAAAAAAAAAAAAAAAAAAAAQ'
    const signIn = NOW - 30 * 60_000 // signed in 30 min before the renewal, epoch ms
    const renewed = await session.encryptSession(
      { userId: user.id },
      { maxAgeSeconds: TOKEN_SECONDS, now: NOW, renews: { sessionId, issuedAt: signIn } },
    )
    const loadUser = vi.fn<LoadUser>(async () => user)
    await resolveSession(renewed, loadUser, { now: NOW })
    expect(loadUser.mock.calls).toEqual([
      [user.id, { sessionId, issuedAt: signIn, expiresAt: NOW + TOKEN_SECONDS * 1000 }],
    ])
  })

  it('a token made before session ids: authenticated, loadUser gets sessionId null', async () => {
    const loadUser = vi.fn<LoadUser>(async () => user)
    const old = await tokenWithoutSessionId(user.id, AT_NOW)
    expect(await resolveSession(old, loadUser, { now: NOW })).toMatchObject({
      status: 'authenticated',
    })
    expect(loadUser.mock.calls).toEqual([
      [user.id, { sessionId: null, issuedAt: NOW, expiresAt: NOW + TOKEN_SECONDS * 1000 }],
    ])
  })

  it('a one-argument loadUser, as written before the session context, still works', async () => {
    const ids: string[] = []
    async function loadById(userId: string) {
      ids.push(userId)
      return userId === user.id ? user : null
    }
    const payload = await resolveSession(await validToken(user.id, AT_NOW), loadById, { now: NOW })
    expect(payload).toMatchObject({ status: 'authenticated', user })
    expect(ids).toEqual([user.id])
  })

  it.each([
    ['missing', undefined],
    ['invalid', 'junk'],
  ] as const)('%s: unauthenticated without calling loadUser', async (reason, value) => {
    const loadUser = vi.fn<LoadUser>(async () => user)
    expect(await resolveSession(value, loadUser, { now: NOW })).toEqual({
      status: 'unauthenticated',
      reason,
      serverTime: SERVER_TIME,
    })
    expect(loadUser).not.toHaveBeenCalled()
  })

  it('expired: unauthenticated/expired without calling loadUser', async () => {
    const loadUser = vi.fn<LoadUser>(async () => user)
    const old = await expiredToken(user.id, AT_NOW)
    expect(await resolveSession(old, loadUser, { now: NOW })).toEqual({
      status: 'unauthenticated',
      reason: 'expired',
      serverTime: SERVER_TIME,
    })
    expect(loadUser).not.toHaveBeenCalled()
  })

  it('revoked: loadUser returns null for a valid token', async () => {
    expect(
      await resolveSession(await validToken(user.id, AT_NOW), async () => null, { now: NOW }),
    ).toEqual({
      status: 'unauthenticated',
      reason: 'revoked',
      serverTime: SERVER_TIME,
    })
  })

  it('loadUser throws: the error propagates (a 5xx, never a sign-out)', async () => {
    const failing: LoadUser = async () => {
      throw new Error('database down')
    }
    await expect(
      resolveSession(await validToken(user.id, AT_NOW), failing, { now: NOW }),
    ).rejects.toThrow('database down')
  })

  it('loadUser returns extra fields (a database row): only SessionUser fields are kept', async () => {
    const row = { ...user, passwordHash: 'hash' }
    const payload = await resolveSession(await validToken(user.id, AT_NOW), async () => row, {
      now: NOW,
    })
    expect(payload).toEqual({
      status: 'authenticated',
      user,
      expiresAt: '2030-01-01T01:00:00.000Z',
      serverTime: SERVER_TIME,
    })
  })

  it('loadUser returns something that is not a SessionUser: a TypeError, not a session', async () => {
    const broken = (async () => ({ id: 'user-1' })) as unknown as LoadUser
    await expect(
      resolveSession(await validToken(user.id, AT_NOW), broken, { now: NOW }),
    ).rejects.toThrow(TypeError)
  })
})

afterEach(() => {
  vi.mocked(session.decryptSession).mockClear()
})

describe('decryptFirstValid (several session cookies, cookie tossing)', () => {
  it('planted junk first, real valid second: ok with the real session', async () => {
    expect(
      await decryptFirstValid(['junk', await validToken(user.id, AT_NOW)], { now: NOW }),
    ).toMatchObject({
      ok: true,
      session: { userId: user.id },
    })
  })

  it('planted expired and junk, no valid one: expired (the most telling failure)', async () => {
    const old = await expiredToken(user.id, AT_NOW)
    expect(await decryptFirstValid(['junk', old, ''], { now: NOW })).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('several junk values: invalid', async () => {
    expect(await decryptFirstValid(['junk', 'x.y.z', ''], { now: NOW })).toEqual({
      ok: false,
      reason: 'invalid',
    })
  })

  it('no candidates: missing', async () => {
    expect(await decryptFirstValid([], { now: NOW })).toEqual({ ok: false, reason: 'missing' })
  })

  it('tries last to first: the real cookie on Path=/ (sent last) is opened first, the planted ones before it never', async () => {
    const candidates = ['planted-1', 'planted-2', await validToken(user.id, AT_NOW)]
    expect(await decryptFirstValid(candidates, { now: NOW })).toMatchObject({ ok: true })
    expect(session.decryptSession).toHaveBeenCalledTimes(1)
  })

  it(`the bound: 200 planted junk values and no valid one, at most ${MAX_SESSION_COOKIE_CANDIDATES} opened, invalid`, async () => {
    const candidates = Array.from({ length: 200 }, (_, i) => `junk-${i}`)
    expect(await decryptFirstValid(candidates, { now: NOW })).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(session.decryptSession).toHaveBeenCalledTimes(MAX_SESSION_COOKIE_CANDIDATES)
    // The ones kept are the last 16, newest (last in the header) first.
    expect(vi.mocked(session.decryptSession).mock.calls[0]?.[0]).toBe('junk-199')
    expect(vi.mocked(session.decryptSession).mock.calls.at(-1)?.[0]).toBe('junk-184')
  })

  it(`the bound keeps the LAST values (the real cookie is on Path=/, sent last): a valid first value followed by ${MAX_SESSION_COOKIE_CANDIDATES} junk is dropped`, async () => {
    const junk = Array.from({ length: MAX_SESSION_COOKIE_CANDIDATES }, (_, i) => `junk-${i}`)
    const candidates = [await validToken(user.id, AT_NOW), ...junk]
    expect(await decryptFirstValid(candidates, { now: NOW })).toEqual({
      ok: false,
      reason: 'invalid',
    })
    expect(session.decryptSession).not.toHaveBeenCalledWith(candidates[0], expect.anything())
  })

  it(`a valid value behind ${MAX_SESSION_COOKIE_CANDIDATES - 1} later junk values (nameless or partitioned / cookies) is still found`, async () => {
    const junk = Array.from({ length: MAX_SESSION_COOKIE_CANDIDATES - 1 }, (_, i) => `junk-${i}`)
    expect(
      await decryptFirstValid([await validToken(user.id, AT_NOW), ...junk], { now: NOW }),
    ).toMatchObject({
      ok: true,
    })
  })
})

describe('resolveSession: serverTime', () => {
  it('without `now`, the one reading of the real clock the token was checked against', async () => {
    const before = Date.now()
    const payload = await resolveSession(await validToken(user.id), async () => user)
    const serverTime = Date.parse(payload.serverTime)
    expect(serverTime).toBeGreaterThanOrEqual(before)
    expect(serverTime).toBeLessThanOrEqual(Date.now())
    expect(vi.mocked(session.decryptSession)).toHaveBeenLastCalledWith(expect.anything(), {
      now: serverTime,
    })
  })
})

describe('resolveSession with several candidates', () => {
  it('planted junk first, real valid second: authenticated', async () => {
    expect(
      await resolveSession(['junk', await validToken(user.id, AT_NOW)], async () => user, {
        now: NOW,
      }),
    ).toEqual({
      status: 'authenticated',
      user,
      expiresAt: '2030-01-01T01:00:00.000Z',
      serverTime: SERVER_TIME,
    })
  })

  it('a planted VALID token of another user first (longer path), the real one last: the real user, the planted one never loaded', async () => {
    const mallory = await validToken('mallory', AT_NOW)
    const loadUser = vi.fn<LoadUser>(async () => user)
    await resolveSession([mallory, await validToken(user.id, AT_NOW)], loadUser, { now: NOW })
    expect(loadUser.mock.calls.map(([id]) => id)).toEqual([user.id])
  })

  it('a planted valid token of a deleted account last, the real one before it: authenticated (loadUser asked for both, last first)', async () => {
    const deleted = await validToken('deleted', AT_NOW)
    const loadUser = vi.fn<LoadUser>(async (id) => (id === user.id ? user : null))
    const payload = await resolveSession([await validToken(user.id, AT_NOW), deleted], loadUser, {
      now: NOW,
    })
    expect(payload).toMatchObject({ status: 'authenticated', user })
    expect(loadUser.mock.calls.map(([id]) => id)).toEqual(['deleted', user.id])
  })

  it('no candidate opens to a known user: revoked over expired over invalid', async () => {
    const old = await expiredToken(user.id, AT_NOW)
    const payload = await resolveSession(
      ['junk', old, await validToken(user.id, AT_NOW)],
      async () => null,
      {
        now: NOW,
      },
    )
    expect(payload).toEqual({
      status: 'unauthenticated',
      reason: 'revoked',
      serverTime: SERVER_TIME,
    })
  })

  it('planted expired, no valid one: expired', async () => {
    const old = await expiredToken(user.id, AT_NOW)
    expect(await resolveSession(['junk', old], async () => user, { now: NOW })).toEqual({
      status: 'unauthenticated',
      reason: 'expired',
      serverTime: SERVER_TIME,
    })
  })

  it('an empty candidate list: missing', async () => {
    expect(await resolveSession([], async () => user, { now: NOW })).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
      serverTime: SERVER_TIME,
    })
  })
})
