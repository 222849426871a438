/** setTimeout keeps its delay in a signed 32-bit int: anything longer (~24.8 days) fires at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1

/**
 * `ms` as a delay setTimeout honours: negative becomes 0 (now), longer than MAX_TIMEOUT_MS
 * becomes MAX_TIMEOUT_MS (the timer then fires early and its callback checks again).
 */
function clampTimeoutMs(ms: number): number {
  if (Number.isNaN(ms)) throw new RangeError('clampTimeoutMs: the delay is NaN')
  return Math.min(Math.max(ms, 0), MAX_TIMEOUT_MS)
}

export { clampTimeoutMs, MAX_TIMEOUT_MS }
