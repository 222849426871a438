import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  lostSessionReason,
  nextSession,
  samePayload,
  sessionError,
  sessionUser,
  toClientSession,
  withError,
} from './client-session'
import { COOKIE_EARLY_MS } from './expiry-timing'
import type { ClientSession, SessionPayload, SessionRequestError } from '../shared/types'
import type { SessionUser } from '../shared/user'

const user: SessionUser = { id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'member' }
const NOW = Date.parse('2030-01-01T12:00:00.000Z')
const authenticated: ClientSession = { status: 'authenticated', user, expiresAt: NOW + 60_000 }
const networkError: SessionRequestError = { kind: 'network', message: 'Failed to fetch' }
const SERVER_TIME = new Date(NOW).toISOString()

/** The server's "no session" answer, made at `serverTime` (its clock, epoch ms). */
const missingAt = (serverTime: number): SessionPayload => ({
  status: 'unauthenticated',
  reason: 'missing',
  serverTime: new Date(serverTime).toISOString(),
})

afterEach(() => {
  vi.restoreAllMocks()
})

describe('toClientSession', () => {
  it('turns an authenticated payload into epoch ms', () => {
    const payload: SessionPayload = {
      status: 'authenticated',
      user,
      expiresAt: '2030-01-01T12:01:00.000Z',
      serverTime: SERVER_TIME,
    }
    expect(toClientSession(payload)).toEqual({
      status: 'authenticated',
      user,
      expiresAt: NOW + 60_000,
    })
  })

  it('keeps the reason of an unauthenticated payload', () => {
    expect(
      toClientSession({ status: 'unauthenticated', reason: 'revoked', serverTime: SERVER_TIME }),
    ).toEqual({
      status: 'unauthenticated',
      reason: 'revoked',
    })
  })
})

describe('nextSession', () => {
  it('calls a cookie that went missing at expiresAt an expiry (the browser dropped it)', () => {
    expect(nextSession(authenticated, missingAt(NOW + 60_000))).toEqual({
      status: 'unauthenticated',
      reason: 'expired',
    })
  })

  it('calls a cookie that went missing under COOKIE_EARLY_MS before expiresAt an expiry (Max-Age rounds down)', () => {
    const justBefore = NOW + 60_000 - COOKIE_EARLY_MS
    expect(nextSession(authenticated, missingAt(justBefore))).toMatchObject({ reason: 'expired' })
    expect(nextSession(authenticated, missingAt(justBefore - 1))).toMatchObject({
      reason: 'missing',
    })
  })

  it('keeps `missing` when the cookie vanished long before expiresAt (cleared elsewhere)', () => {
    expect(nextSession(authenticated, missingAt(NOW))).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
    })
  })

  it('keeps `missing` for a first check that finds no cookie', () => {
    expect(nextSession({ status: 'loading' }, missingAt(NOW))).toEqual({
      status: 'unauthenticated',
      reason: 'missing',
    })
  })

  it.each([-8_000, 8_000])(
    'decides "at the end" on the server clock, not the client clock (client %i ms off)',
    (skewMs) => {
      vi.spyOn(Date, 'now').mockReturnValue(NOW + 60_000 + skewMs)
      expect(nextSession(authenticated, missingAt(NOW + 60_000))).toMatchObject({
        reason: 'expired',
      })
      expect(nextSession(authenticated, missingAt(NOW + 30_000))).toMatchObject({
        reason: 'missing',
      })
    },
  )

  it('returns the previous object when nothing changed, so the atom does not re-render', () => {
    const payload: SessionPayload = {
      status: 'authenticated',
      user: { ...user },
      expiresAt: new Date(NOW + 60_000).toISOString(),
      serverTime: SERVER_TIME,
    }
    expect(nextSession(authenticated, payload)).toBe(authenticated)
  })

  it('clears an error once an answer arrives', () => {
    const failed = withError(authenticated, networkError)
    const payload: SessionPayload = {
      status: 'authenticated',
      user,
      expiresAt: new Date(NOW + 60_000).toISOString(),
      serverTime: SERVER_TIME,
    }
    expect(nextSession(failed, payload)).toEqual(authenticated)
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

describe('samePayload', () => {
  const payload: SessionPayload = {
    status: 'authenticated',
    user,
    expiresAt: '2030-01-01T12:01:00.000Z',
    serverTime: SERVER_TIME,
  }

  it('two renders of one layout (equal, not identical objects) say the same', () => {
    expect(samePayload(payload, { ...payload, user: { ...user } })).toBe(true)
  })

  it('treats a different user as a change', () => {
    expect(samePayload(payload, { ...payload, user: { ...user, role: 'admin' } })).toBe(false)
  })

  it('null (no answer from the layout) equals only null', () => {
    expect(samePayload(null, null)).toBe(true)
    expect(samePayload(null, missingAt(NOW))).toBe(false)
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
})
