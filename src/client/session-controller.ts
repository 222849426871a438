'use client'
import type { Store } from 'jotai/vanilla'
import type { ClientSession, SessionPayload } from '../shared/types'
import { sessionAtom } from './atoms'
import { checkedInitialSession } from '../shared/schema'
import { lostSessionReason, nextSession, samePayload, withError } from './client-session'
import { expiryDeadline } from './expiry-timing'
import { retryDelayMs } from './retry-policy'
import { announceSignedOut, openSessionChannel, type SessionChannel } from './session-channel'
import type { SessionController } from './session-context'
import type { SessionControllerOptions } from './session-options'
import { requestSession, requestSignOut } from './session-request'
import { singleFlight } from './single-flight'
import { clampTimeoutMs } from './timeout-limit'

/**
 * All state lives in this closure, one per provider (never in the module): `generation` goes up
 * whenever the session changes, so an answer to a request started before the change is dropped.
 * It starts from the layout's answer through `hydrate`, the path every later render takes too.
 */
function createSessionController(
  store: Store,
  initialSession: SessionPayload | null,
  initialOptions: SessionControllerOptions,
  initialReceivedAt = Date.now(), // client epoch ms: when `initialSession` arrived
): SessionController {
  let options = initialOptions
  let hydrated: SessionPayload | null | undefined // undefined: no answer from the layout yet
  let checkOnConnect = false
  let generation = 0
  let failures = 0
  let lastRequestAt = Number.NEGATIVE_INFINITY
  let retryTimer: ReturnType<typeof setTimeout> | undefined
  let expiryTimer: ReturnType<typeof setTimeout> | undefined
  let deadline = 0 // client epoch ms: when the last authenticated answer's session is checked
  let channel: SessionChannel | null = null

  function scheduleExpiryCheck() {
    clearTimeout(expiryTimer)
    if (channel === null || store.get(sessionAtom).status !== 'authenticated') return
    expiryTimer = setTimeout(() => void refresh(), clampTimeoutMs(deadline - Date.now()))
  }

  // The state an answer from the server leads to; an authenticated one also sets the deadline.
  function receive(payload: SessionPayload, receivedAt: number): ClientSession {
    const next = nextSession(store.get(sessionAtom), payload)
    if (payload.status === 'authenticated') deadline = expiryDeadline(payload, receivedAt)
    return next
  }

  function commit(next: ClientSession) {
    generation += 1
    if (next !== store.get(sessionAtom)) store.set(sessionAtom, next)
    scheduleExpiryCheck()
  }

  /** A session that no check brought (a sign-out, the layout): retries start over. */
  function replace(next: ClientSession) {
    failures = 0
    clearTimeout(retryTimer)
    commit(next)
  }

  // A new session (sign-out, another tab, the layout) drops the check in flight: `drop` aborts it,
  // and the next refresh starts afresh instead of joining it.
  const check = singleFlight((signal) => {
    const startedAt = generation
    lastRequestAt = Date.now()
    clearTimeout(retryTimer)
    return requestSession({ ...options, signal }).then((result) => {
      // A sign-out, another tab, the layout or an unmount changed things meanwhile: stale.
      if (startedAt !== generation || signal.aborted) return store.get(sessionAtom)
      if (result.ok) {
        failures = 0
        commit(receive(result.payload, result.receivedAt))
      } else {
        failures += 1
        commit(withError(store.get(sessionAtom), result.error))
        const delay = retryDelayMs(failures, result.error, options)
        if (channel !== null) retryTimer = setTimeout(() => void refresh(), delay)
      }
      return store.get(sessionAtom)
    })
  })
  const refresh = check.run

  const signOut = singleFlight(() =>
    requestSignOut(options).then((result) => {
      if (result.ok) {
        replace({ status: 'unauthenticated', reason: 'signed-out' })
        // The provider may have unmounted meanwhile: the other tabs must hear it all the same.
        announceSignedOut(channel, options.channelName)
      } else {
        // The cookie may still be there: the user stays signed in and sees why. Not a new
        // session either, so a check in flight stays valid (no commit, no new generation).
        store.set(sessionAtom, withError(store.get(sessionAtom), result.error))
      }
      return result
    }),
  ).run

  function connect() {
    const connection = openSessionChannel(options.channelName, () =>
      replace({ status: 'unauthenticated', reason: 'signed-out' }),
    )
    channel = connection
    scheduleExpiryCheck()
    if (checkOnConnect) void refresh()
    return () => {
      connection.close()
      if (channel === connection) channel = null
      clearTimeout(retryTimer)
      clearTimeout(expiryTimer)
      check.drop()
    }
  }

  // `receivedAt` of a re-render's answer: now (it came with the RSC response just before).
  function hydrate(payload: SessionPayload | null, receivedAt = Date.now()) {
    if (hydrated !== undefined && samePayload(hydrated, payload)) return // the same answer again
    hydrated = payload
    const current = store.get(sessionAtom)
    const next = payload ? receive(checkedInitialSession(payload), receivedAt) : current
    if (next !== current) {
      replace(next) // answers to requests started before this are now stale ...
      check.drop() // ... so abort them, and a check from here on starts afresh
    }
    // Nothing known yet, or a stale cookie the server render could not delete (the route handler
    // does): one request, now or once connected. A lost state that did not change needs none.
    checkOnConnect = next.status === 'loading' || (next !== current && !!lostSessionReason(next))
    if (checkOnConnect && channel) void refresh()
  }

  store.set(sessionAtom, { status: 'loading' })
  hydrate(initialSession, initialReceivedAt)
  return {
    refresh,
    refreshIfIdle: (throttleMs) => {
      if (Date.now() - lastRequestAt >= throttleMs) void refresh()
    },
    signOut,
    connect,
    hydrate,
    configure: (next) => {
      options = next
    },
  }
}

export { createSessionController }
