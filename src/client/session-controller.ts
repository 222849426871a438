'use client'
import type { Store } from 'jotai/vanilla'
import type { ClientSession, SessionPayload } from '../shared/types'
import { sessionAtom } from './atoms'
import { checkedInitialSession } from '../shared/schema'
import { lostSessionReason, nextSession, samePayload, withError } from './client-session'
import { expiryDeadline } from './expiry-timing'
import { createServerClock } from './server-clock'
import type { SessionMessage } from './session-channel'
import { createSessionCheck } from './session-check'
import type { SessionController } from './session-context'
import type { SessionControllerOptions } from './session-options'
import { createSessionSignOut } from './session-sign-out'
import { createSessionTabs } from './session-tabs'
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
  let hydrated: { payload: SessionPayload | null; receivedAt: number } | undefined // none yet
  let checkOnConnect = false
  let generation = 0
  let expiryTimer: ReturnType<typeof setTimeout> | undefined
  let deadline = 0 // client epoch ms: when the last authenticated answer's session is checked
  const clock = createServerClock() // where this tab's state stands in the server's time
  const tabs = createSessionTabs(clock)
  const connected = () => tabs.channel() !== null

  function scheduleExpiryCheck() {
    clearTimeout(expiryTimer)
    if (!connected() || store.get(sessionAtom).status !== 'authenticated') return
    expiryTimer = setTimeout(() => void check.run(), clampTimeoutMs(deadline - Date.now()))
  }

  // The state an answer from the server leads to; an authenticated one also sets the deadline.
  function receive(payload: SessionPayload, receivedAt: number): ClientSession {
    const next = nextSession(store.get(sessionAtom), payload)
    if (payload.status === 'authenticated') deadline = expiryDeadline(payload, receivedAt)
    clock.saw(Date.parse(payload.serverTime), receivedAt)
    return next
  }

  function commit(next: ClientSession) {
    generation += 1
    // A new session's cookie must never get the DELETE an earlier sign-out is still retrying.
    if (next.status === 'authenticated') signOut.stopRetrying()
    if (next !== store.get(sessionAtom)) store.set(sessionAtom, next)
    scheduleExpiryCheck()
  }

  const check = createSessionCheck({
    options: () => options,
    generation: () => generation,
    connected,
    answered: (payload, receivedAt) => {
      const current = store.get(sessionAtom)
      commit(receive(payload, receivedAt))
      if (store.get(sessionAtom) !== current) tabs.tell(payload, receivedAt)
    },
    failed: (error) => commit(withError(store.get(sessionAtom), error)),
    session: () => store.get(sessionAtom),
  })

  /**
   * A session no check brought (a sign-out, another tab, the layout): answers to checks started
   * before it are stale (aborted), and retries start over.
   */
  function adopt(next: ClientSession) {
    check.reset()
    commit(next)
  }

  /** Signed out at `at` (the server's clock, epoch ms), here or in another tab. */
  function signedOutAt(at: number): ClientSession {
    clock.saw(at, Date.now())
    return { status: 'unauthenticated', reason: 'signed-out' }
  }

  const signOut = createSessionSignOut({
    options: () => options,
    channel: tabs.channel,
    clock,
    signedOut: (at) => adopt(signedOutAt(at)),
    failed: (error) => store.set(sessionAtom, withError(store.get(sessionAtom), error)),
  })

  // Another tab's news (newer than this tab's state), applied without a request of its own.
  function hear(message: SessionMessage) {
    const current = store.get(sessionAtom)
    const next =
      message.type === 'session' // a receivedAt from the future (a changed clock) counts from now
        ? receive(message.payload, Math.min(message.receivedAt, Date.now()))
        : signedOutAt(Date.parse(message.at))
    if (next !== current) adopt(next)
  }

  function connect() {
    const close = tabs.open(options.channelName, hear)
    // This page's answer, e.g. after a sign-in that loaded it: the others follow, or drop it as older.
    if (hydrated?.payload) tabs.tell(hydrated.payload, hydrated.receivedAt)
    scheduleExpiryCheck()
    if (checkOnConnect) void check.run()
    return () => {
      close()
      clearTimeout(expiryTimer)
      check.reset()
      signOut.stopRetrying()
    }
  }

  // `receivedAt` of a re-render's answer: now (it came with the RSC response just before).
  function hydrate(payload: SessionPayload | null, receivedAt = Date.now()) {
    if (hydrated !== undefined && samePayload(hydrated.payload, payload)) return // the same again
    const checked = payload && checkedInitialSession(payload)
    hydrated = { payload: checked, receivedAt }
    const current = store.get(sessionAtom)
    const next = checked ? receive(checked, receivedAt) : current
    if (next !== current) adopt(next) // answers to requests started before this are now stale
    if (checked && next !== current) tabs.tell(checked, receivedAt) // e.g. a sign-in in this tab
    // Nothing known yet, or a stale cookie the server render could not delete (the route handler
    // does): one request, now or once connected. A lost state that did not change needs none.
    checkOnConnect = next.status === 'loading' || (next !== current && !!lostSessionReason(next))
    if (checkOnConnect && connected()) void check.run()
  }

  store.set(sessionAtom, { status: 'loading' })
  hydrate(initialSession, initialReceivedAt)
  return {
    refresh: check.run,
    refreshIfIdle: check.runIfIdle,
    update: check.after,
    signOut: signOut.run,
    connect,
    hydrate,
    configure: (next) => {
      options = next
    },
  }
}

export { createSessionController }
