import 'server-only'
import { describe, expect, it } from 'vitest'
import { checkMaxLifetime, DEFAULT_MAX_LIFETIME_SECONDS, lastOpening } from './max-lifetime'
import { MAX_AGE_LIMIT_SECONDS } from './session'

describe('maxLifetimeSeconds: one number for revocation entries and the renewal cap', () => {
  it('defaults to 400 days, the longest a cookie lives; a given value is kept', () => {
    expect(checkMaxLifetime(undefined)).toBe(DEFAULT_MAX_LIFETIME_SECONDS)
    expect(DEFAULT_MAX_LIFETIME_SECONDS).toBe(MAX_AGE_LIMIT_SECONDS)
    expect(checkMaxLifetime(43_200)).toBe(43_200)
    // Longer than one cookie's 400 days is fine: renewals carry a session past it.
    expect(checkMaxLifetime(2 * MAX_AGE_LIMIT_SECONDS)).toBe(2 * MAX_AGE_LIMIT_SECONDS)
  })

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, '3600', null, true])(
    'refuses %s, naming the option',
    (value) => {
      expect(() => checkMaxLifetime(value)).toThrow(/^maxLifetimeSeconds must be whole seconds > 0/)
    },
  )

  it('the last opening is sign-in plus the lifetime, in epoch ms', () => {
    expect(lastOpening(3600, Date.UTC(2030, 0, 1))).toBe(Date.UTC(2030, 0, 1, 1))
  })
})
