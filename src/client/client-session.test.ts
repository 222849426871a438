import { describe, expect, it } from 'vitest'
import {
  lostSessionReason,
  nextSession,
  samePayload,
  sessionError,
  sessionUser,
  toClientSession,
  withError,
} from './client-session'
import type { ClientSession, SessionPayload, SessionRequestError } from '../shared/types'
import type { SessionUser } from '../shared/user'

const user: SessionUser = { id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'member' }
const NOW = Date.parse('2030-01-01T12:00:00.000Z')
const authenticated: ClientSession = { status: 'authenticated', user, expiresAt: NOW + 60_000 }
const networkError: SessionRequestError = { kind: 'network', message: 'Failed to fetch' }

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

describe('samePayload', () => {
  const payload: SessionPayload = {
    status: 'authenticated',
    user,
    expiresAt: '2030-01-01T12:01:00.000Z',
  }

  it('two renders of one layout (equal, not identical objects) say the same', () => {
    expect(samePayload(payload, { ...payload, user: { ...user } })).toBe(true)
  })

  it('treats a different user as a change', () => {
    expect(samePayload(payload, { ...payload, user: { ...user, role: 'admin' } })).toBe(false)
  })

  it('null (no answer from the layout) equals only null', () => {
    expect(samePayload(null, null)).toBe(true)
    expect(samePayload(null, { status: 'unauthenticated', reason: 'missing' })).toBe(false)
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
