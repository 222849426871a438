'use client'
import { parseSessionPayload } from '../shared/schema'
import type { SessionPayload, SessionRequestError } from '../shared/types'
import { honoursRetryAfter, parseRetryAfterMs } from './retry-policy'
import type { SessionFetcher, SessionTimings } from './session-options'

type SessionRequestOptions = Pick<SessionTimings, 'requestTimeoutMs'> & {
  endpoint: string
  fetcher: SessionFetcher
  /** Aborts the request when the provider unmounts. */
  signal?: AbortSignal
}

type SessionRequestResult =
  /** `receivedAt`: when the response arrived, client epoch ms (the expiry deadline counts from it). */
  | { ok: true; payload: SessionPayload; receivedAt: number }
  | { ok: false; error: SessionRequestError }
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
 * One call to the session endpoint (never cached, this origin's cookies) with a time limit. Never
 * throws: every failure becomes a `SessionRequestError`, because a failed check must never look
 * like a verdict. `read` turns the response into the answer, within the same time limit.
 */
async function callEndpoint<T extends { ok: true }>(
  { endpoint, fetcher, requestTimeoutMs, signal }: SessionRequestOptions,
  init: Pick<RequestInit, 'method' | 'headers'>,
  read: (response: Response) => Promise<T | Failure>,
): Promise<T | Failure> {
  const abort = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    abort.abort()
  }, requestTimeoutMs)
  const onOuterAbort = () => abort.abort()
  signal?.addEventListener('abort', onOuterAbort)
  try {
    const response = await fetcher(endpoint, {
      ...init,
      credentials: 'same-origin',
      cache: 'no-store',
      signal: abort.signal,
    })
    return await read(response)
  } catch (cause) {
    if (timedOut) {
      const message = `Session check took longer than ${requestTimeoutMs} ms`
      return { ok: false, error: { kind: 'timeout', message } }
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
  const init = { method: 'GET', headers: { Accept: 'application/json' } }
  return callEndpoint(options, init, async (response) => {
    const receivedAt = Date.now() // as fetch resolves: reading the body must not delay the deadline
    if (!response.ok) return { ok: false, error: httpError(response) }
    let body: unknown
    try {
      body = await response.json()
    } catch {
      return { ok: false, error: { kind: 'malformed', message: 'Session response is not JSON' } }
    }
    // The body is read inside the time limit too: a stalled body is a timeout, not a hang.
    const parsed = parseSessionPayload(body)
    return parsed.ok ? { ...parsed, receivedAt } : parsed
  })
}

/** DELETE the endpoint: the route handler clears the cookie (204). */
function requestSignOut(options: SessionRequestOptions): Promise<SignOutResult> {
  return callEndpoint(options, { method: 'DELETE' }, async (response) =>
    response.ok ? { ok: true } : { ok: false, error: httpError(response) },
  )
}

export { defaultFetcher, requestSession, requestSignOut }
export type { SignOutResult }
