import 'server-only'

/** What a store needs to know about an opened token. Times are epoch ms. */
type RevocationQuery = { userId: string; sessionId: string | null; issuedAt: number }

type RevocationStore = {
  /** Whether the token was revoked: its session id, or its user for sign-ins before a cut-off. One round trip. */
  isRevoked(query: RevocationQuery, now: number): Promise<boolean>
  /** Revokes one session. `until`: when the entry may go (the session's sign-in + the absolute maximum lifetime). */
  revokeSession(sessionId: string, until: number, now: number): Promise<void>
  /** Revokes every session of `userId` signed in before `before`, until `until` (`before` + the absolute maximum lifetime). */
  revokeUser(userId: string, before: number, until: number, now: number): Promise<void>
}

/** The store is down or too slow: never a sign-in, never a sign-out (GET answers 503, verifySession throws). */
class RevocationStoreError extends Error {
  override name = 'RevocationStoreError'
}

export { RevocationStoreError }
export type { RevocationQuery, RevocationStore }
