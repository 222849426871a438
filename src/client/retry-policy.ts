'use client'
import type { SessionRequestError } from '../shared/types'
import type { SessionTimings } from './session-options'
import { clampTimeoutMs } from './timeout-limit'

/**
 * The statuses whose `Retry-After` means "come back later" (RFC 9110: 503; RFC 6585: 429).
 * On a redirect it means something else, and on any other error it is no promise at all.
 */
const RETRY_AFTER_STATUSES: ReadonlyArray<number> = [429, 503]

function honoursRetryAfter(httpStatus: number | undefined): boolean {
  return httpStatus !== undefined && RETRY_AFTER_STATUSES.includes(httpStatus)
}

/**
 * ms to wait before retry number `failures` (1 = first retry): `retryBaseMs * 2^(failures-1)`
 * capped at `retryMaxMs`, or longer when a 429/503 asked for more with `Retry-After`. Never shorter than the
 * backoff: a `Retry-After: 0` or a date already past must not turn retries into a tight loop.
 */
function retryDelayMs(
  failures: number,
  error: SessionRequestError,
  { retryBaseMs, retryMaxMs }: Pick<SessionTimings, 'retryBaseMs' | 'retryMaxMs'>,
): number {
  if (!Number.isInteger(failures) || failures < 1) {
    throw new RangeError(`retryDelayMs: failures must be an integer >= 1, got ${failures}`)
  }
  const doubled = retryBaseMs * 2 ** Math.min(failures - 1, 30) // 2^30: past any sane cap
  const backoff = Math.min(doubled, retryMaxMs)
  const asked = honoursRetryAfter(error.httpStatus) ? (error.retryAfterMs ?? 0) : 0
  return clampTimeoutMs(Math.max(asked, backoff))
}

/**
 * `Retry-After` (delta-seconds or an HTTP date) in ms, or undefined when absent or unreadable:
 * it is a hint from the server, and our own backoff applies without it.
 */
function parseRetryAfterMs(header: string | null, now: number): number | undefined {
  const value = header?.trim() ?? ''
  if (/^\d+$/.test(value)) return Number(value) * 1000
  // HTTP dates end in GMT (RFC 9110); anything else (`-5`, `soon`, nothing) is not one.
  const date = value.endsWith('GMT') ? Date.parse(value) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(date - now, 0)
}

export { honoursRetryAfter, parseRetryAfterMs, retryDelayMs }
