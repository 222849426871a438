import { describe, expect, it } from 'vitest'
import { checkedTimings, checkInitialSession, positiveMs } from './session-options'
import type { SessionUser } from '../shared/user'

const alice: SessionUser = { id: 'u1', name: 'Alice', email: 'alice@example.com', role: 'member' }

describe('positiveMs: the one check of every duration prop (timings, refetchInterval, warnBefore)', () => {
  it('returns a positive duration as it is', () => {
    expect(positiveMs('useSessionLoss', 'warnBefore', 120_000)).toBe(120_000)
  })

  it.each([
    ['0', 0],
    ['-1', -1],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
  ])('refuses %s with a RangeError that names the caller and the prop', (_label, value) => {
    expect(() => positiveMs('useSessionLoss', 'warnBefore', value)).toThrow(
      /^useSessionLoss: warnBefore must be a positive number of ms/,
    )
    expect(() => positiveMs('useSessionLoss', 'warnBefore', value)).toThrow(RangeError)
  })

  it('checkedTimings names the SessionProvider prop that is wrong', () => {
    const timings = { requestTimeoutMs: 10_000, retryBaseMs: 1_000, retryMaxMs: 60_000 }
    expect(checkedTimings(timings)).toEqual(timings)
    expect(() => checkedTimings({ ...timings, retryMaxMs: 0 })).toThrow(
      'SessionProvider: retryMaxMs must be a positive number of ms, got 0',
    )
  })
})

describe('checkInitialSession: the layout answer is checked once, so the client can trust it', () => {
  it('accepts a payload the server makes, and none', () => {
    const expiresAt = '2030-01-01T12:01:00.000Z'
    expect(() =>
      checkInitialSession({ status: 'authenticated', user: alice, expiresAt }),
    ).not.toThrow()
    expect(() =>
      checkInitialSession({ status: 'unauthenticated', reason: 'expired' }),
    ).not.toThrow()
    expect(() => checkInitialSession(null)).not.toThrow()
  })

  it.each([
    ['"tomorrow"', 'tomorrow'],
    ['"1" (Date.parse reads the year 2001)', '1'],
    ['"hello 5" (Date.parse reads a day in May)', 'hello 5'],
    ['"2030-01-01" (a date, not an instant)', '2030-01-01'],
  ])('refuses an expiresAt that is not an ISO 8601 instant: %s', (_label, expiresAt) => {
    const payload = { status: 'authenticated', user: alice, expiresAt } as const
    expect(() => checkInitialSession(payload)).toThrow(TypeError)
    expect(() => checkInitialSession(payload)).toThrow(
      new RegExp(`^SessionProvider: bad initialSession\\. .*expiresAt.*: ${expiresAt}$`),
    )
  })
})
