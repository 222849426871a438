import { describe, expect, it } from 'vitest'
import { clampTimeoutMs, MAX_TIMEOUT_MS } from './timeout-limit'

describe('clampTimeoutMs', () => {
  it('keeps a delay setTimeout can hold', () => {
    expect(clampTimeoutMs(1500)).toBe(1500)
  })

  it('turns a negative delay (a moment already past) into 0', () => {
    expect(clampTimeoutMs(-5000)).toBe(0)
  })

  it('caps 30 days at 2^31-1 ms (longer would fire at once)', () => {
    expect(clampTimeoutMs(30 * 24 * 3600 * 1000)).toBe(MAX_TIMEOUT_MS)
    expect(clampTimeoutMs(Number.POSITIVE_INFINITY)).toBe(MAX_TIMEOUT_MS)
  })

  it('throws on NaN (a bad date upstream, not a delay)', () => {
    expect(() => clampTimeoutMs(Number.NaN)).toThrow(RangeError)
  })
})
