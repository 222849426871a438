import { RevocationStoreError, type RevocationStore } from '@/lib/session/server/revocation-store'

/**
 * A revocation store that is down: every call rejects with `RevocationStoreError`, as the SQLite
 * and Redis stores do when their file is locked past the timeout or Redis is unreachable.
 */
function unavailableRevocationStore(): RevocationStore {
  const down = async (): Promise<never> => {
    throw new RevocationStoreError('revocation store: connection refused')
  }
  return { isRevoked: down, revokeSession: down, revokeUser: down }
}

export { unavailableRevocationStore }
