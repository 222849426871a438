'use client'
import { clampTimeoutMs } from './timeout-limit'

/**
 * Check this long (ms) after `expiresAt`, so the browser has surely dropped the expired cookie.
 * Chromium dates a cookie's expiry from the response's `Date` header, which has whole-second
 * precision: measured against `next start`, the cookie outlived `exp` by ~0.9 s (e2e test 2).
 */
const EXPIRY_GRACE_MS = 1_500
/** A cookie that disappears within this many ms of its `expiresAt` expired (clocks drift a little). */
const EXPIRY_SKEW_MS = 5_000
/**
 * When the server still says "authenticated" past `expiresAt` (its clock tolerance, a few
 * seconds), re-check this often (ms): the toast comes at most this late after the server agrees.
 */
const PAST_EXPIRY_RECHECK_MS = 2_000
/**
 * Past this many ms after `expiresAt` the server's clock is simply behind ours (not tolerance):
 * re-check only every PAST_EXPIRY_SLOW_RECHECK_MS so a skewed server is not asked every 2 s.
 */
const PAST_EXPIRY_FAST_WINDOW_MS = 15_000
const PAST_EXPIRY_SLOW_RECHECK_MS = 30_000

/** ms until the session should be re-checked because it ends; never past setTimeout's limit. */
function expiryCheckDelayMs(expiresAt: number, now: number): number {
  const remaining = expiresAt - now
  if (remaining <= 0) {
    return -remaining < PAST_EXPIRY_FAST_WINDOW_MS
      ? PAST_EXPIRY_RECHECK_MS
      : PAST_EXPIRY_SLOW_RECHECK_MS
  }
  return clampTimeoutMs(remaining + EXPIRY_GRACE_MS)
}

export {
  EXPIRY_GRACE_MS,
  EXPIRY_SKEW_MS,
  expiryCheckDelayMs,
  PAST_EXPIRY_FAST_WINDOW_MS,
  PAST_EXPIRY_RECHECK_MS,
  PAST_EXPIRY_SLOW_RECHECK_MS,
}
