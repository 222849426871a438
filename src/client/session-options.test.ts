import { describe, expect, it } from 'vitest'
import { checkedTimings, positiveMs } from './session-options'

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
