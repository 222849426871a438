'use client'
import type { Store } from 'jotai'
import { lostSessionReason, nextSession, withError } from '../shared/client-session'
import { expiryCheckDelayMs } from '../shared/expiry-timing'
import { retryDelayMs } from '../shared/retry-policy'
import type { ClientSession, SessionPayload } from '../shared/types'
import { sessionAtom } from './atoms'
import { announceSignedOutOnce, openSessionChannel, type SessionChannel } from './session-channel'
import {
  requestSession,
  requestSignOut,
  type SessionFetcher,
  type SignOutResult,
} from './session-request'

type SessionControllerOptions = {
  /** URL of the session route handler (GET checks, DELETE signs out). */
  endpoint: string
  /** Makes the requests: `fetch`, or a replacement (tests, custom headers). */
  fetcher: SessionFetcher
  /** A request that has not answered after this many ms is a `timeout` error. */
  requestTimeoutMs: number
  /** First retry this many ms after a failed check; doubles per consecutive failure. */
  retryBaseMs: number
  /** Longest backoff between retries, in ms (a longer 429/503 `Retry-After` still wins). */
  retryMaxMs: number
  /** BroadcastChannel name shared by the app's tabs. */
  channelName: string
}

/** The imperative side of a session: requests, timers, other tabs. One per `SessionProvider`. */
type SessionController = {
  /** Checks now; joins the check already in flight instead of starting a second one. */
  refresh: () => Promise<ClientSession>
  /** Checks unless a check started less than `throttleMs` ago (focus storms). */
  refreshIfIdle: (throttleMs: number) => void
  /** DELETEs the session; on success every tab becomes `signed-out`. */
  signOut: () => Promise<SignOutResult>
  /** Starts timers and the cross-tab channel; returns the matching stop. */
  connect: () => () => void
  /** A newer answer from the server render (the layout's `initialSession` changed). */
  hydrate: (payload: SessionPayload) => void
  /** New props from the provider; used from the next request on. */
  configure: (options: SessionControllerOptions) => void
}

/**
 * All state lives in this closure, one per provider (never in the module): `generation` goes up
 * whenever the session changes, so an answer to a request started before the change is dropped.
 */
function createSessionController(
  store: Store,
  initialOptions: SessionControllerOptions,
): SessionController {
  let options = initialOptions
  let generation = 0
  let inFlight: Promise<ClientSession> | null = null
  let signingOut: Promise<SignOutResult> | null = null
  let abortInFlight: AbortController | null = null
  let failures = 0
  let lastRequestAt = Number.NEGATIVE_INFINITY
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let expiryTimer: ReturnType<typeof setTimeout> | undefined
  let channel: SessionChannel | null = null

  function scheduleExpiryCheck() {
    clearTimeout(expiryTimer)
    const session = store.get(sessionAtom)
    if (channel === null || session.status !== 'authenticated') return
    const delay = expiryCheckDelayMs(session.expiresAt, Date.now())
    expiryTimer = setTimeout(() => void refresh(), delay)
  }

  function commit(next: ClientSession) {
    generation += 1
    if (next !== store.get(sessionAtom)) store.set(sessionAtom, next)
    scheduleExpiryCheck()
  }

  function becomeSignedOut() {
    failures = 0
    clearTimeout(retryTimer)
    commit({ status: 'unauthenticated', reason: 'signed-out' })
  }

  /** Ends the check in flight: its answer is stale, and the next check must not join it. */
  function dropInFlight() {
    abortInFlight?.abort()
    abortInFlight = null
    inFlight = null
  }

  function refresh(): Promise<ClientSession> {
    if (inFlight) return inFlight
    const startedAt = generation
    const abort = new AbortController()
    abortInFlight = abort
    lastRequestAt = Date.now()
    clearTimeout(retryTimer)
    const { endpoint, fetcher, requestTimeoutMs: timeoutMs, retryBaseMs, retryMaxMs } = options
    const request = requestSession({ endpoint, fetcher, timeoutMs, signal: abort.signal }).then(
      (result) => {
        // A sign-out, another tab, the layout or an unmount changed things meanwhile: stale.
        if (startedAt !== generation || abort.signal.aborted) return store.get(sessionAtom)
        if (result.ok) {
          failures = 0
          commit(nextSession(store.get(sessionAtom), result.payload, Date.now()))
        } else {
          failures += 1
          commit(withError(store.get(sessionAtom), result.error))
          const policy = { baseMs: retryBaseMs, maxMs: retryMaxMs }
          const delay = retryDelayMs(failures, result.error, policy)
          if (channel !== null) retryTimer = setTimeout(() => void refresh(), delay)
        }
        return store.get(sessionAtom)
      },
    )
    inFlight = request
    void request.finally(() => {
      if (inFlight === request) inFlight = null
    })
    return request
  }

  function refreshIfIdle(throttleMs: number) {
    if (Date.now() - lastRequestAt >= throttleMs) void refresh()
  }

  function signOut(): Promise<SignOutResult> {
    if (signingOut) return signingOut
    const { endpoint, fetcher, requestTimeoutMs: timeoutMs, channelName } = options
    const request = requestSignOut({ endpoint, fetcher, timeoutMs }).then((result) => {
      if (result.ok) {
        becomeSignedOut()
        // The provider may have unmounted meanwhile: the other tabs must hear it all the same.
        if (channel) channel.announceSignedOut()
        else announceSignedOutOnce(channelName)
      } else {
        // The cookie may still be there: the user stays signed in and sees why. Not a new
        // session either, so a check in flight stays valid (no commit, no new generation).
        store.set(sessionAtom, withError(store.get(sessionAtom), result.error))
      }
      return result
    })
    signingOut = request
    void request.finally(() => {
      signingOut = null
    })
    return request
  }

  function connect() {
    const connection = openSessionChannel(options.channelName, becomeSignedOut)
    channel = connection
    scheduleExpiryCheck()
    return () => {
      connection.close()
      if (channel === connection) channel = null
      clearTimeout(retryTimer)
      clearTimeout(expiryTimer)
      dropInFlight()
    }
  }

  function hydrate(payload: SessionPayload) {
    const next = nextSession(store.get(sessionAtom), payload, Date.now())
    if (next === store.get(sessionAtom)) return // nothing new: let checks in flight finish
    failures = 0
    clearTimeout(retryTimer)
    commit(next) // answers to requests started before this are now stale ...
    dropInFlight() // ... so abort them, and a check from here on starts afresh
    // A stale cookie the server render could not delete: one request, and the route handler does.
    if (lostSessionReason(next)) void refresh()
  }

  function configure(next: SessionControllerOptions) {
    options = next
  }

  return { refresh, refreshIfIdle, signOut, connect, hydrate, configure }
}

export { createSessionController }
export type { SessionController, SessionControllerOptions }
