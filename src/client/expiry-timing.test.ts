import { describe, expect, it } from 'vitest'
import {
  EXPIRY_GRACE_MS,
  expiryCheckDelayMs,
  PAST_EXPIRY_FAST_WINDOW_MS,
  PAST_EXPIRY_RECHECK_MS,
  PAST_EXPIRY_SLOW_RECHECK_MS,
} from './expiry-timing'
import { MAX_TIMEOUT_MS } from './timeout-limit'

const NOW = Date.parse('2030-01-01T12:00:00.000Z')

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
