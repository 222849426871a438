import { describe, expect, it } from 'vitest'
import { parseRetryAfterMs, retryDelayMs } from './retry-policy'
import type { SessionRequestError } from '../shared/types'

const NOW = Date.parse('2030-01-01T12:00:00.000Z')
const networkError: SessionRequestError = { kind: 'network', message: 'Failed to fetch' }
const policy = { retryBaseMs: 1000, retryMaxMs: 30_000 }

function httpError(httpStatus: number, retryAfterMs?: number): SessionRequestError {
  return {
    kind: 'http',
    message: String(httpStatus),
    httpStatus,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  }
}

describe('retryDelayMs', () => {
  it('doubles per failure up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, networkError, policy))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ])
  })

  it('does not overflow after 10 000 failures', () => {
    expect(retryDelayMs(10_000, networkError, policy)).toBe(30_000)
  })

  // Each row: the case, the failure count, the error, and the delay it must give (ms).
  it.each<[string, number, SessionRequestError, number]>([
    ["honours a 429's Retry-After longer than the backoff", 1, httpError(429, 45_000), 45_000],
    ["honours a 503's Retry-After longer than the backoff", 1, httpError(503, 5_000), 5_000],
    [
      'Retry-After: 0 keeps the backoff (was a tight retry loop: 581 GETs in 1 s)',
      1,
      httpError(429, 0),
      1000,
    ],
    ['Retry-After: 0 on a 503 keeps the backoff of the third failure', 3, httpError(503, 0), 4000],
    ['a Retry-After shorter than the backoff keeps the backoff', 4, httpError(429, 1000), 8000],
    [
      'ignores Retry-After on a 500 (only 429 and 503 ask to come back later)',
      1,
      httpError(500, 600_000),
      1000,
    ],
    [
      'ignores Retry-After on a 301 (there it means something else)',
      1,
      httpError(301, 600_000),
      1000,
    ],
    [
      'caps a Retry-After of 30 days at the setTimeout limit',
      1,
      httpError(429, 30 * 24 * 3600 * 1000),
      2 ** 31 - 1,
    ],
  ])('%s', (_case, failures, error, expected) => {
    expect(retryDelayMs(failures, error, policy)).toBe(expected)
  })

  it('a Retry-After date in the past (parsed as 0 ms) keeps the backoff', () => {
    const retryAfterMs = parseRetryAfterMs(new Date(NOW - 60_000).toUTCString(), NOW)
    expect(retryDelayMs(2, httpError(429, retryAfterMs), policy)).toBe(2000)
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

  it('reads "0" as 0 ms (the backoff then decides, see retryDelayMs)', () => {
    expect(parseRetryAfterMs('0', NOW)).toBe(0)
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
