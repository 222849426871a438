import { describe, expect, it } from 'vitest'
import {
  EXPIRY_GRACE_MS,
  expiryCheckDelayMs,
  isLostSessionReason,
  lostSessionReason,
  MAX_TIMEOUT_MS,
  nextSession,
  PAST_EXPIRY_FAST_WINDOW_MS,
  PAST_EXPIRY_RECHECK_MS,
  PAST_EXPIRY_SLOW_RECHECK_MS,
  parseRetryAfterMs,
  retryDelayMs,
  sameSession,
  sessionError,
  sessionUser,
  toClientSession,
  withError,
} from './client-session'
import type { ClientSession, SessionPayload, SessionRequestError } from './types'
import type { SessionUser } from './user'

const user: SessionUser = { id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'member' }
const NOW = Date.parse('2030-01-01T12:00:00.000Z')
const authenticated: ClientSession = { status: 'authenticated', user, expiresAt: NOW + 60_000 }
const networkError: SessionRequestError = { kind: 'network', message: 'Failed to fetch' }
const policy = { baseMs: 1000, maxMs: 30_000 }

describe('toClientSession', () => {
  it('turns an authenticated payload into epoch ms', () => {
    const payload: SessionPayload = {
      status: 'authenticated',
      user,
      expiresAt: '2030-01-01T12:01:00.000Z',
    }
    expect(toClientSession(payload)).toEqual({
      status: 'authenticated',
      user,
      expiresAt: NOW + 60_000,
    })
  })

  it('keeps the reason of an unauthenticated payload', () => {
    expect(toClientSession({ status: 'unauthenticated', reason: 'revoked' })).toEqual({
      status: 'unauthenticated',
      reason: 'revoked',
    })
  })

  it('throws on an expiresAt that is not a date ("tomorrow")', () => {
    expect(() => toClientSession({ status: 'authenticated', user, expiresAt: 'tomorrow' })).toThrow(
      /ISO 8601/,
    )
  })
})

describe('nextSession', () => {
  it('calls a cookie that went missing at expiresAt an expiry (the browser dropped it)', () => {
    expect(
      nextSession(authenticated, { status: 'unauthenticated', reason: 'missing' }, NOW + 60_000),
    ).toEqual({
      status: 'unauthenticated',
      reason: 'expired',
    })
  })

  it('keeps `missing` when the cookie vanished long before expiresAt (cleared elsewhere)', () => {
    expect(
      nextSession(authenticated, { status: 'unauthenticated', reason: 'missing' }, NOW),
    ).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
    })
  })

  it('keeps `missing` for a first check that finds no cookie', () => {
    expect(
      nextSession({ status: 'loading' }, { status: 'unauthenticated', reason: 'missing' }, NOW),
    ).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
    })
  })

  it('returns the previous object when nothing changed, so the atom does not re-render', () => {
    const payload: SessionPayload = {
      status: 'authenticated',
      user: { ...user },
      expiresAt: new Date(NOW + 60_000).toISOString(),
    }
    expect(nextSession(authenticated, payload, NOW)).toBe(authenticated)
  })

  it('clears an error once an answer arrives', () => {
    const failed = withError(authenticated, networkError)
    const payload: SessionPayload = {
      status: 'authenticated',
      user,
      expiresAt: new Date(NOW + 60_000).toISOString(),
    }
    expect(nextSession(failed, payload, NOW)).toEqual(authenticated)
  })
})

describe('withError', () => {
  it('keeps the user of an authenticated session', () => {
    expect(withError(authenticated, networkError)).toEqual({
      ...authenticated,
      error: networkError,
    })
  })

  it('keeps the reason of an unauthenticated session', () => {
    expect(withError({ status: 'unauthenticated', reason: 'missing' }, networkError)).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
      error: networkError,
    })
  })

  it('turns loading into the error state (nothing known)', () => {
    expect(withError({ status: 'loading' }, networkError)).toEqual({
      status: 'error',
      error: networkError,
    })
  })
})

describe('sameSession', () => {
  it('treats a different user as a change', () => {
    expect(sameSession(authenticated, { ...authenticated, user: { ...user, role: 'admin' } })).toBe(
      false,
    )
  })

  it('treats a new error as a change', () => {
    expect(sameSession(authenticated, withError(authenticated, networkError))).toBe(false)
  })
})

describe('selectors', () => {
  it('sessionUser returns the user only when authenticated', () => {
    expect(sessionUser(authenticated)).toBe(user)
    expect(sessionUser({ status: 'unauthenticated', reason: 'expired' })).toBeNull()
  })

  it('sessionError returns the error or null', () => {
    expect(sessionError({ status: 'error', error: networkError })).toBe(networkError)
    expect(sessionError({ status: 'loading' })).toBeNull()
    expect(sessionError(authenticated)).toBeNull()
  })

  it('lostSessionReason: expired, invalid and revoked toast; missing and signed-out do not', () => {
    expect(lostSessionReason({ status: 'unauthenticated', reason: 'expired' })).toBe('expired')
    expect(lostSessionReason({ status: 'unauthenticated', reason: 'invalid' })).toBe('invalid')
    expect(lostSessionReason({ status: 'unauthenticated', reason: 'revoked' })).toBe('revoked')
    expect(lostSessionReason({ status: 'unauthenticated', reason: 'missing' })).toBeNull()
    expect(lostSessionReason({ status: 'unauthenticated', reason: 'signed-out' })).toBeNull()
    expect(lostSessionReason({ status: 'error', error: networkError })).toBeNull()
  })

  it('isLostSessionReason refuses unknown `?reason=` values ("hacked", "", null)', () => {
    expect(isLostSessionReason('expired')).toBe(true)
    expect(isLostSessionReason('hacked')).toBe(false)
    expect(isLostSessionReason('')).toBe(false)
    expect(isLostSessionReason(null)).toBe(false)
  })
})

describe('expiryCheckDelayMs', () => {
  it('checks just after expiresAt', () => {
    expect(expiryCheckDelayMs(NOW + 1000, NOW)).toBe(1000 + EXPIRY_GRACE_MS)
  })

  it('caps a session of 30 days at the setTimeout limit (2^31-1 ms)', () => {
    expect(expiryCheckDelayMs(NOW + 30 * 24 * 3600 * 1000, NOW)).toBe(MAX_TIMEOUT_MS)
  })

  it('re-checks soon while the server still accepts the token within its clock tolerance', () => {
    expect(expiryCheckDelayMs(NOW - 1, NOW)).toBe(PAST_EXPIRY_RECHECK_MS)
    expect(expiryCheckDelayMs(NOW - PAST_EXPIRY_FAST_WINDOW_MS + 1, NOW)).toBe(
      PAST_EXPIRY_RECHECK_MS,
    )
  })

  it('re-checks slowly when the server clock is far behind ours (no 2-second polling)', () => {
    expect(expiryCheckDelayMs(NOW - PAST_EXPIRY_FAST_WINDOW_MS, NOW)).toBe(
      PAST_EXPIRY_SLOW_RECHECK_MS,
    )
    expect(expiryCheckDelayMs(NOW - 10 * 60_000, NOW)).toBe(PAST_EXPIRY_SLOW_RECHECK_MS)
  })
})

describe('retryDelayMs', () => {
  it('doubles per failure up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, networkError, policy))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ])
  })

  it('does not overflow after 10 000 failures', () => {
    expect(retryDelayMs(10_000, networkError, policy)).toBe(30_000)
  })

  it("honours the server's Retry-After over the backoff", () => {
    expect(
      retryDelayMs(
        1,
        { kind: 'http', message: '429', httpStatus: 429, retryAfterMs: 45_000 },
        policy,
      ),
    ).toBe(45_000)
  })

  it('throws on failures = 0 (there is no retry before a failure)', () => {
    expect(() => retryDelayMs(0, networkError, policy)).toThrow(RangeError)
  })

  it('throws on failures = 1.5 (not a count)', () => {
    expect(() => retryDelayMs(1.5, networkError, policy)).toThrow(RangeError)
  })
})

describe('parseRetryAfterMs', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfterMs('30', NOW)).toBe(30_000)
  })

  it('reads an HTTP date', () => {
    expect(parseRetryAfterMs(new Date(NOW + 5000).toUTCString(), NOW)).toBe(5000)
  })

  it('reads a date in the past as 0', () => {
    expect(parseRetryAfterMs(new Date(NOW - 5000).toUTCString(), NOW)).toBe(0)
  })

  it('ignores a missing header (null), an empty one and garbage ("soon", "-5")', () => {
    expect(parseRetryAfterMs(null, NOW)).toBeUndefined()
    expect(parseRetryAfterMs('', NOW)).toBeUndefined()
    expect(parseRetryAfterMs('soon', NOW)).toBeUndefined()
    expect(parseRetryAfterMs('-5', NOW)).toBeUndefined()
  })
})
