import { LOST_SESSION_REASONS } from './constants'
import type {
  ClientSession,
  SessionPayload,
  SessionRequestError,
  SessionUser,
  UnauthenticatedReason,
} from './types'

/** setTimeout keeps its delay in a signed 32-bit int: anything longer (~24.8 days) fires at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1
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

type LostSessionReason = Exclude<UnauthenticatedReason, 'missing'>

type RetryPolicy = {
  /** First retry delay, ms; doubles per consecutive failure. */
  baseMs: number
  /** Upper bound of the doubling, ms. */
  maxMs: number
}

/** The client state a payload from GET /api/session (or the layout) stands for. */
function toClientSession(payload: SessionPayload): ClientSession {
  const { status } = payload
  switch (status) {
    case 'authenticated': {
      const expiresAt = Date.parse(payload.expiresAt)
      if (Number.isNaN(expiresAt)) {
        throw new TypeError(
          `toClientSession: expiresAt is not an ISO 8601 date: ${payload.expiresAt}`,
        )
      }
      return { status: 'authenticated', user: payload.user, expiresAt }
    }
    case 'unauthenticated':
      return { status: 'unauthenticated', reason: payload.reason }
    default:
      throw new TypeError(`toClientSession: unknown status ${String(status satisfies never)}`)
  }
}

/**
 * The state after an answer from the server. A `missing` cookie right at the end of a session we
 * knew about is an expiry: the browser deletes a cookie at its `expires`, so the server never sees
 * the expired token and cannot say `expired` itself.
 */
function nextSession(previous: ClientSession, payload: SessionPayload, now: number): ClientSession {
  const next = toClientSession(payload)
  if (
    next.status === 'unauthenticated' &&
    next.reason === 'missing' &&
    previous.status === 'authenticated' &&
    now >= previous.expiresAt - EXPIRY_SKEW_MS
  ) {
    return { status: 'unauthenticated', reason: 'expired' }
  }
  return sameSession(previous, next) ? previous : next
}

/** A failed request keeps what we knew and says why; with nothing known it is the `error` state. */
function withError(session: ClientSession, error: SessionRequestError): ClientSession {
  const { status } = session
  switch (status) {
    case 'loading':
    case 'error':
      return { status: 'error', error }
    case 'authenticated':
    case 'unauthenticated':
      return { ...session, error }
    default:
      throw new TypeError(`withError: unknown status ${String(status satisfies never)}`)
  }
}

function sameUser(a: SessionUser, b: SessionUser): boolean {
  const keys = Object.keys(a) as Array<keyof SessionUser>
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]))
}

/** True when nothing a component shows would change (so the atom keeps its old object). */
function sameSession(a: ClientSession, b: ClientSession): boolean {
  if (a.status === 'authenticated' && b.status === 'authenticated') {
    return a.expiresAt === b.expiresAt && !a.error && !b.error && sameUser(a.user, b.user)
  }
  if (a.status === 'unauthenticated' && b.status === 'unauthenticated') {
    return a.reason === b.reason && !a.error && !b.error
  }
  return a.status === 'loading' && b.status === 'loading'
}

function sessionUser(session: ClientSession): SessionUser | null {
  return session.status === 'authenticated' ? session.user : null
}

function sessionError(session: ClientSession): SessionRequestError | null {
  return session.status === 'loading' ? null : (session.error ?? null)
}

/** `expired` / `invalid` / `revoked`: the user had a session and lost it (toast, `?reason=`). */
function lostSessionReason(session: ClientSession): LostSessionReason | null {
  if (session.status !== 'unauthenticated') return null
  return isLostSessionReason(session.reason) ? session.reason : null
}

function isLostSessionReason(value: unknown): value is LostSessionReason {
  return (LOST_SESSION_REASONS as ReadonlyArray<unknown>).includes(value)
}

/** ms until the session should be re-checked because it ends; never past setTimeout's limit. */
function expiryCheckDelayMs(expiresAt: number, now: number): number {
  const remaining = expiresAt - now
  if (remaining <= 0) {
    return -remaining < PAST_EXPIRY_FAST_WINDOW_MS
      ? PAST_EXPIRY_RECHECK_MS
      : PAST_EXPIRY_SLOW_RECHECK_MS
  }
  return Math.min(remaining + EXPIRY_GRACE_MS, MAX_TIMEOUT_MS)
}

/**
 * ms to wait before retry number `failures` (1 = first retry): the server's `Retry-After` when it
 * sent one, else `baseMs * 2^(failures-1)` capped at `maxMs`.
 */
function retryDelayMs(failures: number, error: SessionRequestError, policy: RetryPolicy): number {
  if (!Number.isInteger(failures) || failures < 1) {
    throw new RangeError(`retryDelayMs: failures must be an integer >= 1, got ${failures}`)
  }
  if (error.retryAfterMs !== undefined)
    return Math.min(Math.max(error.retryAfterMs, 0), MAX_TIMEOUT_MS)
  const doubled = policy.baseMs * 2 ** Math.min(failures - 1, 30) // 2^30: past any sane cap
  return Math.min(doubled, policy.maxMs, MAX_TIMEOUT_MS)
}

/**
 * `Retry-After` (delta-seconds or an HTTP date) in ms, or undefined when absent or unreadable:
 * it is a hint from the server, and our own backoff applies without it.
 */
function parseRetryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined
  const value = header.trim()
  if (/^\d+$/.test(value)) return Number(value) * 1000
  // HTTP dates end in GMT (RFC 9110); anything else (`-5`, `soon`) is not one.
  const date = value.endsWith('GMT') ? Date.parse(value) : Number.NaN
  if (Number.isNaN(date)) return undefined
  return Math.max(date - now, 0)
}

export {
  EXPIRY_GRACE_MS,
  EXPIRY_SKEW_MS,
  expiryCheckDelayMs,
  isLostSessionReason,
  lostSessionReason,
  MAX_TIMEOUT_MS,
  nextSession,
  PAST_EXPIRY_FAST_WINDOW_MS,
  PAST_EXPIRY_RECHECK_MS,
  PAST_EXPIRY_SLOW_RECHECK_MS,
  parseRetryAfterMs,
  retryDelayMs,
  sameSession,
  sessionError,
  sessionUser,
  toClientSession,
  withError,
}
export type { LostSessionReason, RetryPolicy }
