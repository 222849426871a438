'use client'
import { createContext, useContext } from 'react'
import type { SessionController } from './session-controller'

type SessionContextValue = {
  controller: SessionController
  /** The provider's login path: where gates, toasts and sign-out send people. */
  loginPath: string
}

/** Wiring, not state (that is `sessionAtom`): what hooks under a `SessionProvider` need to act. */
const SessionContext = createContext<SessionContextValue | null>(null)

/** The nearest `SessionProvider`'s wiring; a clear error outside one instead of a silent no-op. */
function useSessionContext(caller: string): SessionContextValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error(`${caller} must be used inside <SessionProvider>`)
  return value
}

export { SessionContext, useSessionContext }
export type { SessionContextValue }
