import 'server-only'
import { EncryptJWT } from 'jose'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sessionKeyBytes } from '@/test/support/tokens'
import { decryptSession, encryptSession } from './session'
import { isSessionId, newSessionId, SESSION_ID_LENGTH } from './session-id'

const NOW = Date.UTC(2030, 0, 1, 12, 0, 0) // a controlled clock, epoch ms
const HOUR = 3600 // seconds
const SIGN_IN = NOW - 5 * HOUR * 1000 // an earlier sign-in a renewal continues, epoch ms
const A_SESSION_ID = 'AAAAAAAAAAAAAAAAAAAAAA' // 16 zero bytes

beforeEach(() => {
  vi.stubEnv('SESSION_SECRET', 'session-id-secret-0123456789abcdefghijklmnopqrstuvwxyz')
})

afterEach(() => {
  vi.unstubAllEnvs()
})

/** A token sealed with the real key and claims chosen by the test, as jose makes it. */
async function craft(claims: Record<string, unknown>): Promise<string> {
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setSubject('user-1')
    .setIssuedAt(NOW / 1000)
    .setExpirationTime(NOW / 1000 + HOUR)
    .encrypt(await sessionKeyBytes())
}

describe('session ids', () => {
  it('every new id is 22 base64url characters (16 random bytes) and a new one each time', () => {
    const ids = Array.from({ length: 1000 }, newSessionId)
    expect(new Set(ids).size).toBe(1000)
    for (const id of ids) {
      expect(id).toHaveLength(SESSION_ID_LENGTH)
      expect(Buffer.from(id, 'base64url')).toHaveLength(16)
      expect(isSessionId(id)).toBe(true)
    }
  })

  it('refuses non-strings, other lengths, other alphabets and a second spelling of the same bytes', () => {
    for (const value of [
      undefined,
      null,
      42,
      '',
      'A'.repeat(21),
      'A'.repeat(23),
      `+${'A'.repeat(21)}`,
    ]) {
      expect(isSessionId(value)).toBe(false)
    }
    // 22 chars hold 132 bits: the last one's 4 spare bits must be zero, or it respells an id.
    expect(isSessionId(`${'A'.repeat(21)}B`)).toBe(false)
    expect(isSessionId(`${'A'.repeat(21)}Q`)).toBe(true)
  })

  it('a new token starts a session: a fresh sid, iat = the sign-in time', async () => {
    const [first, second] = await Promise.all([
      encryptSession({ userId: 'user-1' }, { maxAgeSeconds: HOUR, now: NOW }),
      encryptSession({ userId: 'user-1' }, { maxAgeSeconds: HOUR, now: NOW }),
    ])
    const a = await decryptSession(first, { now: NOW })
    const b = await decryptSession(second, { now: NOW })
    expect(a.ok && b.ok && a.session.sessionId !== b.session.sessionId).toBe(true)
    expect(a).toMatchObject({ ok: true, session: { issuedAt: NOW } })
  })

  it('renews keeps the session id and the sign-in time; only exp moves', async () => {
    const renews = { sessionId: A_SESSION_ID, issuedAt: SIGN_IN }
    const token = await encryptSession(
      { userId: 'user-1' },
      { maxAgeSeconds: HOUR, now: NOW, renews },
    )
    expect(await decryptSession(token, { now: NOW })).toEqual({
      ok: true,
      session: {
        userId: 'user-1',
        sessionId: A_SESSION_ID,
        issuedAt: SIGN_IN,
        expiresAt: NOW + HOUR * 1000,
        maxAgeSeconds: HOUR, // the renewed token's own lifetime, not exp - iat
      },
    })
  })

  it('renews refuses a bad session id or a sign-in time that is not a whole second', async () => {
    const bad = [
      { sessionId: 'short', issuedAt: SIGN_IN },
      { sessionId: A_SESSION_ID, issuedAt: SIGN_IN + 1 },
      { sessionId: A_SESSION_ID, issuedAt: Number.NaN },
    ]
    for (const renews of bad) {
      await expect(
        encryptSession({ userId: 'user-1' }, { maxAgeSeconds: HOUR, now: NOW, renews }),
      ).rejects.toThrow(TypeError)
    }
  })

  it('a token made before session ids (no sid) stays valid until it expires, with sessionId null', async () => {
    expect(await decryptSession(await craft({}), { now: NOW })).toEqual({
      ok: true,
      session: {
        userId: 'user-1',
        sessionId: null,
        issuedAt: NOW,
        expiresAt: NOW + HOUR * 1000,
        maxAgeSeconds: HOUR,
      },
    })
  })

  it('a sid that is present but not a session id is invalid', async () => {
    for (const sid of ['', 'short', 42, null, `${'A'.repeat(21)}B`, 'A'.repeat(23)]) {
      expect(await decryptSession(await craft({ sid }), { now: NOW })).toEqual({
        ok: false,
        reason: 'invalid',
      })
    }
  })
})
