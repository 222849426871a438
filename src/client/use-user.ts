'use client'
import type { SessionStatus, SessionUser } from '../shared/types'
import { sessionStatusAtom, userAtom } from './atoms'
import { useSessionContext } from './session-context'
import { useStoreValue } from './use-store-value'

type UseUserResult = {
  /** The signed-in user, or null (loading, signed out, or the first check failed). */
  user: SessionUser | null
  /** Where the session stands. */
  status: SessionStatus
}

/**
 * The signed-in user. Reads the provider's store only: ten components calling it make no
 * request of their own (the provider checks once for all of them).
 */
function useUser(): UseUserResult {
  const { store } = useSessionContext('useUser')
  const user = useStoreValue(store, userAtom)
  const status = useStoreValue(store, sessionStatusAtom)
  return { user, status }
}

export { useUser }
export type { UseUserResult }
