'use client'
import { useRouter } from 'next/navigation'
import { useCallback } from 'react'
import { sessionError } from './client-session'
import type { ClientSession, SessionRequestError, SessionStatus } from '../shared/types'
import { sessionAtom } from './atoms'
import { useSessionContext } from './session-context'
import { useStoreValue } from './use-store-value'
import type { SignOutResult } from './session-request'

type UseSessionResult = {
  /** The whole client state (a union on `status`). */
  session: ClientSession
  /** Where the session stands. */
  status: SessionStatus
  /** Why the last request failed, while it keeps failing; null otherwise. */
  error: SessionRequestError | null
  /** Checks now (joins a check already in flight); resolves with the new state. */
  refresh: () => Promise<ClientSession>
  /**
   * Asks the server again after any check in flight, so it sees a change made on the server since
   * (a renewal, a changed user); resolves with the new session and tells the app's other tabs.
   */
  update: () => Promise<ClientSession>
  /** Ends the session everywhere, then goes to the login page; on failure stays signed in with `error`. */
  signOut: () => Promise<SignOutResult>
}

/** The session and what can be done with it. Works anywhere under `SessionProvider`. */
function useSession(): UseSessionResult {
  const { controller, loginPath, store } = useSessionContext('useSession')
  const session = useStoreValue(store, sessionAtom)
  const router = useRouter()

  const signOut = useCallback(async () => {
    const result = await controller.signOut()
    // Replace, not push: Back must not return to a page of the signed-out user.
    if (result.ok) router.replace(loginPath)
    return result
  }, [controller, loginPath, router])

  // The controller's functions last as long as the provider: as stable as a useCallback.
  const { refresh, update } = controller
  const error = sessionError(session)
  return { session, status: session.status, error, refresh, update, signOut }
}

export { useSession }
export type { UseSessionResult }
