'use client'
import type { Store } from 'jotai/vanilla'
import { createContext, useContext } from 'react'
import type { ClientSession, SessionPayload } from '../shared/types'
import type { SessionControllerOptions } from './session-options'
import type { SignOutResult } from './session-request'

/** The imperative side of a session: requests, timers, other tabs. One per `SessionProvider`. */
type SessionController = {
  /** Checks now; joins the check already in flight instead of starting a second one. */
  refresh: () => Promise<ClientSession>
  /**
   * Asks the server again after any check in flight (which may have started before a change on
   * the server, e.g. a renewal or a changed user); resolves with the new state, which the other
   * tabs then hear too.
   */
  update: () => Promise<ClientSession>
  /** Checks unless a check started less than `throttleMs` ago (focus storms). */
  refreshIfIdle: (throttleMs: number) => void
  /**
   * DELETEs the session; on success every tab becomes `signed-out`. A 503 (the server cleared the
   * cookie, its revocation store is down) too, and the DELETE is retried in the background.
   */
  signOut: () => Promise<SignOutResult>
  /** Starts timers and the cross-tab channel; returns the matching stop. */
  connect: () => () => void
  /** The server render's answer (the layout's `initialSession`); the same one again is a no-op. */
  hydrate: (payload: SessionPayload | null) => void
  /** New props from the provider; used from the next request on. */
  configure: (options: SessionControllerOptions) => void
}

/** Wiring, not state (that is `sessionAtom`): what hooks under a `SessionProvider` need to act. */
const SessionContext = createContext<{
  controller: SessionController
  /** The provider's login path: where gates, toasts and sign-out send people. */
  loginPath: string
  /** The provider's store, which holds `sessionAtom`. */
  store: Store
} | null>(null)

/** The nearest `SessionProvider`'s wiring; a clear error outside one instead of a silent no-op. */
function useSessionContext(caller: string) {
  const value = useContext(SessionContext)
  if (!value) throw new Error(`${caller} must be used inside <SessionProvider>`)
  return value
}

export { SessionContext, useSessionContext }
export type { SessionController }
