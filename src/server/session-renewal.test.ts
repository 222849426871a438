import 'server-only'
import { EncryptJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { createSessionDal } from './dal'
import { createSessionProxy } from './proxy'
import { createSessionRoute } from './route'
import { decryptSession, encryptSession, type SessionData } from './session'
import { checkRenewalOptions, renewalDue, renewIfDue } from './session-renewal'
import { sessionKeyBytes } from '@/test/support/tokens'

// Sliding renewal's rules: when a session is due, how far its new token reaches (its own lifetime,
// never past sign-in + maxLifetimeSeconds), and which options are refused. The route, the proxy
// and the DAL using them: renewal-in-route-and-proxy.test.ts.

const SIGN_IN = Date.UTC(2030, 0, 1, 12, 0, 0) // epoch ms, a whole second
const HALF_HOUR = 1800 // seconds: the test sessions' token lifetime
const DAY = 86_400 // seconds: the test maximum lifetime
const policy = { renewal: { whenLeftBelow: 0.5 }, maxLifetimeSeconds: DAY }

/** The session a fresh token (signed in at SIGN_IN, 30 min) opens to, as the kit reads it. */
async function signedIn(): Promise<SessionData> {
  const token = await encryptSession(
    { userId: 'user-1' },
    { maxAgeSeconds: HALF_HOUR, now: SIGN_IN },
  )
  return opened(token, SIGN_IN)
}

async function opened(token: string, now: number): Promise<SessionData> {
  const result = await decryptSession(token, { now })
  if (!result.ok) throw new Error(`test token did not open: ${result.reason}`)
  return result.session
}

describe('renewalDue', () => {
  it('not while at least the given share of the lifetime is left; from then on, now + the lifetime', async () => {
    const session = await signedIn()
    const at = (minutes: number) => SIGN_IN + minutes * 60_000
    expect(renewalDue(session, policy, at(0))).toBeNull()
    expect(renewalDue(session, policy, at(15))).toBeNull() // exactly half left: not yet
    expect(renewalDue(session, policy, at(15) + 1000)).toBe(at(15) + 1000 + HALF_HOUR * 1000)
    expect(renewalDue(session, policy, at(29))).toBe(at(59))
  })

  it('never past sign-in + maxLifetimeSeconds, and nothing once the session is there', async () => {
    const session = await signedIn()
    const capped = { ...policy, maxLifetimeSeconds: 40 * 60 } // 40 minutes from sign-in
    expect(renewalDue(session, capped, SIGN_IN + 20 * 60_000)).toBe(SIGN_IN + 40 * 60_000)
    expect(
      renewalDue(session, { ...policy, maxLifetimeSeconds: HALF_HOUR }, SIGN_IN + 20 * 60_000),
    ).toBeNull()
  })

  it('never for an expired token, nor one from before session ids (it runs out as it is)', async () => {
    const session = await signedIn()
    expect(renewalDue(session, policy, session.expiresAt)).toBeNull()
    expect(renewalDue({ ...session, sessionId: null }, policy, SIGN_IN + 20 * 60_000)).toBeNull()
  })
})

describe('renewIfDue: the new token', () => {
  it('keeps the session id, sign-in time and lifetime; exp moves; renewing again does not grow it', async () => {
    const session = await signedIn()
    const first = await renewIfDue(session, policy, SIGN_IN + 20 * 60_000)
    if (!first) throw new Error('expected a renewal 20 minutes into a 30-minute session')
    const renewed = await opened(first.token, SIGN_IN + 20 * 60_000)
    expect(renewed).toEqual({ ...session, expiresAt: SIGN_IN + 50 * 60_000 })
    expect(first.expiresAt).toBe(renewed.expiresAt)
    expect(first.cookie.options).toMatchObject({
      maxAge: HALF_HOUR,
      expires: new Date(first.expiresAt),
    })
    // 40 minutes in, 10 left of this token: the next one again lives 30 minutes, not 50.
    const second = await renewIfDue(renewed, policy, SIGN_IN + 40 * 60_000)
    expect(second?.expiresAt).toBe(SIGN_IN + 70 * 60_000)
  })

  it('a capped token records its session lifetime (ttl), so the cap does not shorten later ones', async () => {
    const session = await signedIn()
    const capped = { ...policy, maxLifetimeSeconds: 40 * 60 }
    const renewed = await renewIfDue(session, capped, SIGN_IN + 20 * 60_000)
    if (!renewed) throw new Error('expected a capped renewal')
    expect(await opened(renewed.token, SIGN_IN + 20 * 60_000)).toEqual({
      ...session,
      expiresAt: SIGN_IN + 40 * 60_000,
      maxAgeSeconds: HALF_HOUR,
    })
    expect(
      await renewIfDue(await opened(renewed.token, SIGN_IN), capped, SIGN_IN + 39 * 60_000),
    ).toBeNull()
  })

  it('encryptSession refuses a notAfter that is not a whole second after now', async () => {
    for (const notAfter of [SIGN_IN, SIGN_IN - 1000, SIGN_IN + 1500, Number.NaN]) {
      await expect(
        encryptSession({ userId: 'user-1' }, { maxAgeSeconds: HALF_HOUR, now: SIGN_IN, notAfter }),
      ).rejects.toThrow(/notAfter must be a whole-second epoch ms after now/)
    }
  })

  it.each([0, -5, 1.5, '1800', null])('a token whose ttl claim is %s is invalid', async (ttl) => {
    const seconds = SIGN_IN / 1000
    const token = await new EncryptJWT({ sid: 'A'.repeat(22), ttl })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
      .setSubject('user-1')
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + HALF_HOUR)
      .encrypt(await sessionKeyBytes())
    expect(await decryptSession(token, { now: SIGN_IN })).toEqual({ ok: false, reason: 'invalid' })
  })
})

describe('renewal and maxLifetimeSeconds options: refused with the option named', () => {
  const loadUser = async () => null
  const paths = { protectedPaths: ['/dashboard'], guestOnlyPaths: ['/auth'] }
  const factories = {
    createSessionRoute: (extra: object) => createSessionRoute({ loadUser, ...extra }),
    createSessionDal: (extra: object) => createSessionDal({ loadUser, ...extra }),
    createSessionProxy: (extra: object) => createSessionProxy({ ...paths, ...extra }),
  }

  it.each([null, true, 0.5, [], 'half'])('renewal: %s is not an object', (renewal) => {
    expect(() => checkRenewalOptions(renewal)).toThrow(
      /^renewal must be an object like \{ whenLeftBelow: 0.5 \}/,
    )
  })

  it.each([
    {},
    { whenLeftBelow: 0 },
    { whenLeftBelow: 1 },
    { whenLeftBelow: 1.5 },
    { whenLeftBelow: -0.1 },
    { whenLeftBelow: Number.NaN },
    { whenLeftBelow: '0.5' },
    { whenLeftbelow: 0.5 },
  ])('renewal: %o has no share between 0 and 1', (renewal) => {
    expect(() => checkRenewalOptions(renewal)).toThrow(
      /^renewal.whenLeftBelow must be a share of the token lifetime between 0 and 1/,
    )
  })

  it.each(Object.entries(factories))(
    '%s checks both at creation, and accepts good ones',
    (_name, make) => {
      expect(() => make({ renewal: { whenLeftBelow: 2 } })).toThrow(/renewal.whenLeftBelow/)
      expect(() => make({ maxLifetimeSeconds: 0 })).toThrow(
        /maxLifetimeSeconds must be whole seconds > 0/,
      )
      expect(() => make({ renewal: { whenLeftBelow: 0.5 }, maxLifetimeSeconds: DAY })).not.toThrow()
    },
  )
})
