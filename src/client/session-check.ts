'use client'
import type { ClientSession, SessionPayload, SessionRequestError } from '../shared/types'
import { retryDelayMs } from './retry-policy'
import type { SessionControllerOptions } from './session-options'
import { requestSession } from './session-request'
import { singleFlight } from './single-flight'

/** What a check needs from its controller. */
type SessionCheckParts = {
  /** The provider's options as they are now. */
  options: () => SessionControllerOptions
  /** The controller's generation: it goes up whenever the session changes. */
  generation: () => number
  /** Whether the provider is connected: failed checks are retried only then. */
  connected: () => boolean
  /** An answer came: the controller commits the state it leads to. */
  answered: (payload: SessionPayload, receivedAt: number) => void
  /** No answer: the controller keeps what it knew, with the error. */
  failed: (error: SessionRequestError) => void
  /** The state now: what every caller of a check resolves with. */
  session: () => ClientSession
}

/**
 * GET /api/session, one request in flight at a time (callers join it), retried with backoff
 * while it fails (a 503 while the revocation store is down, a 429, a 5xx, no answer): the user
 * stays, the error shows, and a 429/503's Retry-After is honoured (`retryDelayMs`).
 */
function createSessionCheck(parts: SessionCheckParts) {
  let failures = 0
  let lastRequestAt = Number.NEGATIVE_INFINITY
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  const flight = singleFlight((signal) => {
    const startedAt = parts.generation()
    const options = parts.options()
    lastRequestAt = Date.now()
    clearTimeout(retryTimer)
    return requestSession({ ...options, signal }).then((result) => {
      // A sign-out, another tab, the layout or an unmount changed things meanwhile: stale.
      if (startedAt !== parts.generation() || signal.aborted) return parts.session()
      if (result.ok) {
        failures = 0
        parts.answered(result.payload, result.receivedAt)
      } else {
        failures += 1
        parts.failed(result.error)
        const delay = retryDelayMs(failures, result.error, options)
        if (parts.connected()) retryTimer = setTimeout(() => void flight.run(), delay)
      }
      return parts.session()
    })
  })
  return {
    /** Checks now, or joins the check in flight. */
    run: flight.run,
    /** Checks once the check in flight (if any) has ended: it sees what changed meanwhile. */
    after: flight.after,
    /** Checks unless one started less than `throttleMs` ago (focus storms). */
    runIfIdle: (throttleMs: number) => {
      if (Date.now() - lastRequestAt >= throttleMs) void flight.run()
    },
    /**
     * A session no check brought, or an unmount: the check in flight is aborted (the next run
     * starts afresh instead of joining it), and retries stop and start over.
     */
    reset: () => {
      failures = 0
      clearTimeout(retryTimer)
      flight.drop()
    },
  }
}

export { createSessionCheck }
export type { SessionCheckParts }
