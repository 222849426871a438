'use client'
import type { Store } from 'jotai'
import {
  expiryCheckDelayMs,
  lostSessionReason,
  nextSession,
  retryDelayMs,
  withError,
} from '../shared/client-session'
import type { ClientSession, SessionPayload } from '../shared/types'
import { isRecord } from '../shared/user'
import { sessionAtom } from './atoms'
import {
  requestSession,
  requestSignOut,
  type SessionFetcher,
  type SignOutResult,
} from './session-request'

type SessionControllerOptions = {
  endpoint: string
  fetcher: SessionFetcher
  requestTimeoutMs: number
  retryBaseMs: number
  retryMaxMs: number
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

const SIGNED_OUT_MESSAGE = { type: 'signed-out' } as const

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
  let channel: BroadcastChannel | null = null
  let connected = false

  function scheduleExpiryCheck() {
    clearTimeout(expiryTimer)
    const session = store.get(sessionAtom)
    if (!connected || session.status !== 'authenticated') return
    expiryTimer = setTimeout(
      () => void refresh(),
      expiryCheckDelayMs(session.expiresAt, Date.now()),
    )
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

  function refresh(): Promise<ClientSession> {
    if (inFlight) return inFlight
    const startedAt = generation
    const abort = new AbortController()
    abortInFlight = abort
    lastRequestAt = Date.now()
    clearTimeout(retryTimer)
    const { endpoint, fetcher, requestTimeoutMs, retryBaseMs, retryMaxMs } = options
    const request = requestSession({
      endpoint,
      fetcher,
      timeoutMs: requestTimeoutMs,
      signal: abort.signal,
    }).then((result) => {
      // A sign-out, another tab or an unmount changed things meanwhile: this answer is stale.
      if (startedAt !== generation || abort.signal.aborted) return store.get(sessionAtom)
      if (result.ok) {
        failures = 0
        commit(nextSession(store.get(sessionAtom), result.payload, Date.now()))
      } else {
        failures += 1
        commit(withError(store.get(sessionAtom), result.error))
        const delay = retryDelayMs(failures, result.error, {
          baseMs: retryBaseMs,
          maxMs: retryMaxMs,
        })
        if (connected) retryTimer = setTimeout(() => void refresh(), delay)
      }
      return store.get(sessionAtom)
    })
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
    const { endpoint, fetcher, requestTimeoutMs } = options
    const request = requestSignOut({ endpoint, fetcher, timeoutMs: requestTimeoutMs }).then(
      (result) => {
        if (result.ok) {
          becomeSignedOut()
          channel?.postMessage(SIGNED_OUT_MESSAGE)
        } else {
          // The cookie may still be there: the user stays signed in and sees why. Not a new
          // session either, so a check in flight stays valid (no commit, no new generation).
          store.set(sessionAtom, withError(store.get(sessionAtom), result.error))
        }
        return result
      },
    )
    signingOut = request
    void request.finally(() => {
      signingOut = null
    })
    return request
  }

  function connect() {
    connected = true
    // Browsers without BroadcastChannel still work; other tabs then learn on their next check.
    const connection =
      typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(options.channelName)
    if (connection) {
      connection.onmessage = (event: MessageEvent<unknown>) => {
        if (isRecord(event.data) && event.data.type === SIGNED_OUT_MESSAGE.type) becomeSignedOut()
      }
    }
    channel = connection
    scheduleExpiryCheck()
    return () => {
      connected = false
      connection?.close()
      if (channel === connection) channel = null
      clearTimeout(retryTimer)
      clearTimeout(expiryTimer)
      abortInFlight?.abort()
      inFlight = null
    }
  }

  function hydrate(payload: SessionPayload) {
    const next = nextSession(store.get(sessionAtom), payload, Date.now())
    if (next === store.get(sessionAtom)) return // nothing new: let checks in flight finish
    failures = 0
    clearTimeout(retryTimer)
    commit(next) // answers to requests started before this are now stale and dropped ...
    inFlight = null // ... so a check from here on starts afresh instead of joining one
    // A stale cookie the server render could not delete: one request, and the route handler does.
    if (lostSessionReason(next)) void refresh()
  }

  function configure(next: SessionControllerOptions) {
    options = next
  }

  return { refresh, refreshIfIdle, signOut, connect, hydrate, configure }
}

export { createSessionController, SIGNED_OUT_MESSAGE }
export type { SessionController, SessionControllerOptions }
