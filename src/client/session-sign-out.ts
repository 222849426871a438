'use client'
import type { SessionRequestError } from '../shared/types'
import { SIGN_OUT_MARGIN_MS, type ServerClock } from './server-clock'
import { announce, signedOutMessage, type SessionChannel } from './session-channel'
import type { SessionControllerOptions } from './session-options'
import { requestSignOut, type SignOutResult } from './session-request'
import { retrySignOut, revocationPending } from './sign-out-retry'
import { singleFlight } from './single-flight'

/** What a sign-out needs from its controller. */
type SessionSignOutParts = {
  /** The provider's options as they are now. */
  options: () => SessionControllerOptions
  /** The open channel to the other tabs, or null once the provider unmounted. */
  channel: () => SessionChannel | null
  /** The controller's clock: dates the sign-out for the other tabs. */
  clock: ServerClock
  /** The user signed out at `at` (the server's clock, epoch ms): the controller sets the state. */
  signedOut: (at: number) => void
  /**
   * Nobody signed out (the cookie may still be there): the controller keeps the user with
   * `error`. Not a new session either, so a check in flight stays valid (no new generation).
   */
  failed: (error: SessionRequestError) => void
}

/**
 * DELETE the session, once at a time (a double click joins the first). A 204 signs the user out
 * here and in every other tab. So does a 503: the server cleared the cookie but its revocation
 * store is down, so the DELETE is retried in the background (`retrySignOut`) while the user,
 * who asked to leave, has left. Any other failure keeps the user, with the error.
 */
function createSessionSignOut(parts: SessionSignOutParts) {
  let stopRetry = () => {}
  const run = singleFlight(() =>
    requestSignOut(parts.options()).then((result): SignOutResult => {
      const pending = !result.ok && revocationPending(result.error)
      if (!result.ok && !pending) {
        parts.failed(result.error)
        return result
      }
      const at = parts.clock.now() + SIGN_OUT_MARGIN_MS
      parts.signedOut(at)
      // The provider may have unmounted meanwhile: the other tabs must hear it all the same.
      const channel = parts.channel()
      announce(channel, parts.options().channelName, signedOutMessage(at))
      if (!result.ok && channel !== null) {
        stopRetry()
        stopRetry = retrySignOut(parts.options(), result.error)
      }
      return { ok: true }
    }),
  ).run
  return {
    run,
    /** Ends a retry in progress: the provider unmounted, or a new session began. */
    stopRetrying: () => {
      stopRetry()
      stopRetry = () => {}
    },
  }
}

export { createSessionSignOut }
export type { SessionSignOutParts }
