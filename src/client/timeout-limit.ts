'use client'
const MAX_TIMEOUT_MS = 2 ** 31 - 1 // setTimeout's delay is a signed 32-bit int: ~24.8 days
// Anything longer than MAX_TIMEOUT_MS fires at once, so longer waits are clamped and re-armed.

/**
 * `ms` as a delay setTimeout honours: negative becomes 0 (now), longer than MAX_TIMEOUT_MS
 * becomes MAX_TIMEOUT_MS (the timer then fires early and its callback checks again).
 */
function clampTimeoutMs(ms: number): number {
  if (Number.isNaN(ms)) throw new RangeError('clampTimeoutMs: the delay is NaN')
  return Math.min(Math.max(ms, 0), MAX_TIMEOUT_MS)
}

export { clampTimeoutMs, MAX_TIMEOUT_MS }
