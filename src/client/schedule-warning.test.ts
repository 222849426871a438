import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_TIMEOUT_MS } from './timeout-limit'
import { scheduleWarning } from './schedule-warning'

const NOW = Date.parse('2030-01-01T12:00:00.000Z')
const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS
const WARN_BEFORE_MS = 2 * MINUTE_MS

beforeEach(() => {
  vi.useFakeTimers({ now: NOW })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('scheduleWarning', () => {
  it('warns once, warnBefore ms before expiresAt, and not before', async () => {
    const onWarn = vi.fn()
    scheduleWarning({ expiresAt: NOW + 10 * MINUTE_MS, warnBefore: WARN_BEFORE_MS, onWarn })
    await vi.advanceTimersByTimeAsync(8 * MINUTE_MS - 1)
    expect(onWarn).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(onWarn.mock.calls).toEqual([[WARN_BEFORE_MS]])
    await vi.advanceTimersByTimeAsync(DAY_MS)
    expect(onWarn).toHaveBeenCalledTimes(1)
  })

  // Past MAX_TIMEOUT_MS (~24.8 days) the first timer fires early and must re-arm itself.
  it.each([30, 60])(
    'warns a %i-day session 2 min before its end (was: the capped timer fired early and never re-armed)',
    async (days) => {
      const expiresAt = NOW + days * DAY_MS
      expect(expiresAt - WARN_BEFORE_MS - NOW).toBeGreaterThan(MAX_TIMEOUT_MS)
      const onWarn = vi.fn()
      scheduleWarning({ expiresAt, warnBefore: WARN_BEFORE_MS, onWarn })
      await vi.advanceTimersByTimeAsync(MAX_TIMEOUT_MS)
      expect(onWarn).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(expiresAt - WARN_BEFORE_MS - Date.now() - 1)
      expect(onWarn).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(1)
      expect(onWarn.mock.calls).toEqual([[WARN_BEFORE_MS]])
    },
  )

  it('already inside the window: warns on the next tick with the ms left, not during the call', async () => {
    const onWarn = vi.fn()
    scheduleWarning({ expiresAt: NOW + MINUTE_MS, warnBefore: WARN_BEFORE_MS, onWarn })
    expect(onWarn).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(0)
    expect(onWarn.mock.calls).toEqual([[MINUTE_MS]])
  })

  it('never warns a session already over (expiresAt in the past: the expiry check tells)', async () => {
    const onWarn = vi.fn()
    scheduleWarning({ expiresAt: NOW - 1, warnBefore: WARN_BEFORE_MS, onWarn })
    await vi.advanceTimersByTimeAsync(DAY_MS)
    expect(onWarn).not.toHaveBeenCalled()
  })

  it('the returned cancel stops a pending warning, also after a re-arm (the effect cleanup)', async () => {
    const onWarn = vi.fn()
    const cancel = scheduleWarning({
      expiresAt: NOW + 30 * DAY_MS,
      warnBefore: WARN_BEFORE_MS,
      onWarn,
    })
    await vi.advanceTimersByTimeAsync(MAX_TIMEOUT_MS) // the first timer fired and re-armed
    cancel()
    await vi.advanceTimersByTimeAsync(30 * DAY_MS)
    expect(onWarn).not.toHaveBeenCalled()
  })
})
