'use client'
import { parseRetryAfterMs } from '../shared/client-session'
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

type SessionRequestResult = { ok: true; payload: SessionPayload } | { ok: false; error: SessionRequestError }
type SignOutResult = { ok: true } | { ok: false; error: SessionRequestError }

const defaultFetcher: SessionFetcher = (input, init) => fetch(input, init)

function httpError(response: Response): SessionRequestError {
  const retryAfterMs = parseRetryAfterMs(response.headers.get('Retry-After'), Date.now())
  return {
    kind: 'http',
    message: `Session endpoint answered ${response.status} ${response.statusText}`.trim(),
    httpStatus: response.status,
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  }
}

/**
 * One call to the session endpoint with a time limit. Never throws: every failure becomes a
 * `SessionRequestError`, because a failed check must never look like a verdict.
 */
async function withTimeout<T>(
  { timeoutMs, signal }: SessionRequestOptions,
  run: (signal: AbortSignal) => Promise<T | SessionRequestError>,
): Promise<T | SessionRequestError> {
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
    if (timedOut) return { kind: 'timeout', message: `Session check took longer than ${timeoutMs} ms` }
    const detail = cause instanceof Error ? cause.message : String(cause)
    return { kind: 'network', message: `Session endpoint unreachable: ${detail}` }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onOuterAbort)
  }
}

function isRequestError(value: unknown): value is SessionRequestError {
  return typeof value === 'object' && value !== null && 'kind' in value && 'message' in value
}

/** GET the endpoint and check the body: a payload, or the error that says why there is none. */
async function requestSession(options: SessionRequestOptions): Promise<SessionRequestResult> {
  const result = await withTimeout<SessionPayload>(options, async (signal) => {
    const response = await options.fetcher(options.endpoint, {
      method: 'GET',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { Accept: 'application/json' },
      signal,
    })
    if (!response.ok) return httpError(response)
    let body: unknown
    try {
      body = await response.json()
    } catch {
      return { kind: 'malformed', message: 'Session response is not JSON' }
    }
    const parsed = parseSessionPayload(body)
    return parsed.ok ? parsed.payload : parsed.error
  })
  return isRequestError(result) ? { ok: false, error: result } : { ok: true, payload: result }
}

/** DELETE the endpoint: the route handler clears the cookie (204). */
async function requestSignOut(options: SessionRequestOptions): Promise<SignOutResult> {
  const result = await withTimeout<true>(options, async (signal) => {
    const response = await options.fetcher(options.endpoint, {
      method: 'DELETE',
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    })
    return response.ok ? true : httpError(response)
  })
  return result === true ? { ok: true } : { ok: false, error: result }
}

export { defaultFetcher, requestSession, requestSignOut }
export type { SessionFetcher, SessionRequestOptions, SessionRequestResult, SignOutResult }
