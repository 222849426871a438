'use client'
import type { SessionRequestError } from '../shared/types'
import { retryDelayMs } from './retry-policy'
import type { SessionControllerOptions } from './session-options'
import { requestSignOut } from './session-request'

/**
 * How many more DELETEs after a 503: with the default timings (and the server's Retry-After: 5)
 * they go 5, 5, 5, 8, 16, 32, 60, 60, 60 and 60 s after each other, about 5 min in all, long
 * enough for a store restart or failover, short of retrying forever in a forgotten tab.
 */
const SIGN_OUT_RETRIES = 10

/**
 * A sign-out answered 503: the server cleared the cookie but could not record the revocation
 * (its store is down). The user has left; what is left to do is the server's.
 */
function revocationPending(error: SessionRequestError): boolean {
  return error.kind === 'http' && error.httpStatus === 503
}

/** Worth another DELETE: the store is still down, or no answer came at all. */
function retriable(error: SessionRequestError): boolean {
  return revocationPending(error) || error.kind === 'network' || error.kind === 'timeout'
}

/**
 * DELETEs the session again, to the same URL, until an answer that is not a 503 (done: a 204, or
 * an error no retry fixes), with the check's backoff and the 503's Retry-After, at most
 * SIGN_OUT_RETRIES times. Returns the stop: the controller calls it when it disconnects (the
 * tab closing stops it too) and when a new session begins, whose cookie an old sign-out must
 * never DELETE.
 */
function retrySignOut(
  options: SessionControllerOptions,
  firstError: SessionRequestError,
): () => void {
  const abort = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  function schedule(retry: number, error: SessionRequestError) {
    if (retry > SIGN_OUT_RETRIES) return
    timer = setTimeout(
      () => {
        void requestSignOut({ ...options, signal: abort.signal }).then((result) => {
          if (!result.ok && retriable(result.error) && !abort.signal.aborted) {
            schedule(retry + 1, result.error)
          }
        })
      },
      retryDelayMs(retry, error, options),
    )
  }
  schedule(1, firstError)
  return () => {
    clearTimeout(timer)
    abort.abort()
  }
}

export { retrySignOut, revocationPending, SIGN_OUT_RETRIES }
