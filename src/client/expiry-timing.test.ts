import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SessionPayload } from '../shared/types'
import {
  documentReceivedAt,
  EXPIRY_MARGIN_MS,
  expiryDeadline,
  PAST_EXPIRY_RECHECK_MS,
} from './expiry-timing'

const SERVER_NOW = Date.parse('2030-01-01T12:00:00.000Z')
const user = { id: 'u1', name: 'Ada', email: 'ada@example.com', role: 'member' } as const

/** An authenticated answer the server made at `serverTime` for a session ending at `expiresAt`. */
function answer(expiresAt: number, serverTime = SERVER_NOW) {
  return {
    status: 'authenticated',
    user,
    expiresAt: new Date(expiresAt).toISOString(),
    serverTime: new Date(serverTime).toISOString(),
  } satisfies SessionPayload
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('expiryDeadline', () => {
  it.each([-8_000, 0, 8_000])(
    'counts the time left on the server clock from the arrival, whatever the client clock (skew %i ms)',
    (skewMs) => {
      const receivedAt = SERVER_NOW + 40 + skewMs // 40 ms on the way back, read on the client clock
      expect(expiryDeadline(answer(SERVER_NOW + 60_000), receivedAt)).toBe(
        receivedAt + 60_000 + EXPIRY_MARGIN_MS,
      )
    },
  )

  it('a server still authenticated at expiresAt by its own clock is asked again after PAST_EXPIRY_RECHECK_MS', () => {
    expect(expiryDeadline(answer(SERVER_NOW), SERVER_NOW)).toBe(SERVER_NOW + PAST_EXPIRY_RECHECK_MS)
    expect(expiryDeadline(answer(SERVER_NOW - 500), SERVER_NOW)).toBe(
      SERVER_NOW + PAST_EXPIRY_RECHECK_MS,
    )
  })

  it('backs off geometrically while a server keeps accepting an expired token (no polling storm)', () => {
    // Asked again after as long as the server has already been past expiresAt.
    expect(expiryDeadline(answer(SERVER_NOW - 10_000), SERVER_NOW)).toBe(SERVER_NOW + 10_000)
  })
})

describe('documentReceivedAt', () => {
  it("is Navigation Timing's responseStart on the client clock", () => {
    const navigation = { responseStart: 250 } as PerformanceNavigationTiming
    vi.spyOn(performance, 'getEntriesByType').mockReturnValue([navigation])
    expect(documentReceivedAt()).toBe(performance.timeOrigin + 250)
  })

  it('falls back to now without a navigation entry (the server render, older browsers)', () => {
    vi.spyOn(performance, 'getEntriesByType').mockReturnValue([])
    vi.spyOn(Date, 'now').mockReturnValue(SERVER_NOW)
    expect(documentReceivedAt()).toBe(SERVER_NOW)
  })
})
