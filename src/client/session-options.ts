'use client'

/** A check that has not answered after 10 s is a `timeout` error (and is retried). */
const REQUEST_TIMEOUT_MS = 10_000
/** First retry 1 s after a failed check, doubling per failure ... */
const RETRY_BASE_MS = 1_000
/** ... up to one retry per minute. */
const RETRY_MAX_MS = 60_000
/** At most one check per 30 s of refocusing: alt-tabbing must not hammer the endpoint. */
const FOCUS_THROTTLE_MS = 30_000

/**
 * The provider's timing props, under the names it takes them by: the controller, the request and
 * the retry policy read these same names, so a setting is spelled one way from prop to timer.
 */
type SessionTimings = {
  /** A request that has not answered after this many ms is a `timeout` error. */
  requestTimeoutMs: number
  /** First retry this many ms after a failed check; doubles per consecutive failure. */
  retryBaseMs: number
  /** Longest backoff between retries, in ms (a longer 429/503 `Retry-After` still wins). */
  retryMaxMs: number
}

/** `fetch`'s shape, so tests and apps can inject their own (auth headers, a test double). */
type SessionFetcher = (input: string, init: RequestInit) => Promise<Response>

/** What the controller works with: the provider's props after defaults and checks. */
type SessionControllerOptions = SessionTimings & {
  /** URL of the session route handler (GET checks, DELETE signs out). */
  endpoint: string
  /** Makes the requests: `fetch`, or a replacement (tests, custom headers). */
  fetcher: SessionFetcher
  /** BroadcastChannel name shared by the app's tabs. */
  channelName: string
}

/** The one check of a duration prop: a positive, finite number of ms, else a RangeError. */
function positiveMs(caller: string, name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`${caller}: ${name} must be a positive number of ms, got ${value}`)
  }
  return value
}

/** `timings` checked, for a `SessionProvider` (its error names the prop). */
function checkedTimings(timings: SessionTimings): SessionTimings {
  for (const [name, ms] of Object.entries(timings)) positiveMs('SessionProvider', name, ms)
  return timings
}

export {
  checkedTimings,
  FOCUS_THROTTLE_MS,
  positiveMs,
  REQUEST_TIMEOUT_MS,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
}
export type { SessionControllerOptions, SessionFetcher, SessionTimings }
