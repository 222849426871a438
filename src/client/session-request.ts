'use client'
import { honoursRetryAfter, parseRetryAfterMs } from '../shared/retry-policy'
import { parseSessionPayload } from '../shared/schema'
import type { SessionPayload, SessionRequestError } from '../shared/types'

/** `fetch`'s shape, so tests and apps can inject their own (auth headers, a test double). */
type SessionFetcher = (input: string, init: RequestInit) => Promise<Response>

type SessionRequestOptions = {
  endpoint: string
  fetcher: SessionFetcher
  /** Give up after this many ms (the answer is then a `timeout` error). */
  timeoutMs: number
  /** Aborts the request when the provider unmounts. */
  signal?: AbortSignal
}

type SessionRequestResult =
  { ok: true; payload: SessionPayload } | { ok: false; error: SessionRequestError }
type SignOutResult = { ok: true } | { ok: false; error: SessionRequestError }

const defaultFetcher: SessionFetcher = (input, init) => fetch(input, init)

function httpError(response: Response): SessionRequestError {
  // Only a 429/503's Retry-After asks us to wait; elsewhere the header promises nothing.
  const retryAfterMs = honoursRetryAfter(response.status)
    ? parseRetryAfterMs(response.headers.get('Retry-After'), Date.now())
    : undefined
  return {
    kind: 'http',
    message: `Session endpoint answered ${response.status} ${response.statusText}`.trim(),
    httpStatus: response.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  }
}

type Failure = { ok: false; error: SessionRequestError }

/**
 * One call to the session endpoint with a time limit. Never throws: every failure becomes a
 * `SessionRequestError`, because a failed check must never look like a verdict.
 */
async function withTimeout<T extends { ok: true }>(
  { timeoutMs, signal }: SessionRequestOptions,
  run: (signal: AbortSignal) => Promise<T | Failure>,
): Promise<T | Failure> {
  const abort = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    abort.abort()
  }, timeoutMs)
  const onOuterAbort = () => abort.abort()
  signal?.addEventListener('abort', onOuterAbort)
  try {
    return await run(abort.signal)
  } catch (cause) {
    if (timedOut) {
      return {
        ok: false,
        error: { kind: 'timeout', message: `Session check took longer than ${timeoutMs} ms` },
      }
    }
    const detail = cause instanceof Error ? cause.message : String(cause)
    return {
      ok: false,
      error: { kind: 'network', message: `Session endpoint unreachable: ${detail}` },
    }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onOuterAbort)
  }
}

/** GET the endpoint and check the body: a payload, or the error that says why there is none. */
function requestSession(options: SessionRequestOptions): Promise<SessionRequestResult> {
  return withTimeout(options, async (signal) => {
    const response = await options.fetcher(options.endpoint, {
      method: 'GET',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'application/json' },
      signal,
    })
    if (!response.ok) return { ok: false, error: httpError(response) }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      return { ok: false, error: { kind: 'malformed', message: 'Session response is not JSON' } }
    }
    // The body is read inside the time limit too: a stalled body is a timeout, not a hang.
    return parseSessionPayload(body)
  })
}

/** DELETE the endpoint: the route handler clears the cookie (204). */
function requestSignOut(options: SessionRequestOptions): Promise<SignOutResult> {
  return withTimeout(options, async (signal) => {
    const response = await options.fetcher(options.endpoint, {
      method: 'DELETE',
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    })
    return response.ok ? { ok: true } : { ok: false, error: httpError(response) }
  })
}

export { defaultFetcher, requestSession, requestSignOut }
export type { SessionFetcher, SessionRequestOptions, SessionRequestResult, SignOutResult }
