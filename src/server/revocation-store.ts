import 'server-only'

/** What a store needs to know about an opened token. Times are epoch ms. */
type RevocationQuery = {
  /** The token's user (`sub`). */
  userId: string
  /** The token's session id; null for a token made before session ids (only a user cut-off covers it). */
  sessionId: string | null
  /** When the user signed in (`iat`; renewal keeps it). */
  issuedAt: number
}

/**
 * Where revocations live, shared by every instance that checks tokens. Implementations: SQLite
 * (one machine), Redis (several), memory (tests and stories only). Every method rejects with
 * `RevocationStoreError` when the store is down or too slow, and with a `TypeError` for bad
 * arguments (see `checkRevocation`).
 */
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

/** Each call's arguments, by method, as `checkRevocation` takes them. */
type RevocationCall =
  | { method: 'isRevoked'; query: RevocationQuery; now: number }
  | { method: 'revokeSession'; sessionId: string; until: number; now: number }
  | { method: 'revokeUser'; userId: string; before: number; until: number; now: number }

function requireId(method: string, name: string, value: unknown): void {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(
      `${method}: ${name} must be a non-empty string, got ${JSON.stringify(value)}`,
    )
  }
}

function requireTime(method: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TypeError(`${method}: ${name} must be a finite epoch ms, got ${String(value)}`)
  }
}

/**
 * The one check of a store call's arguments, which every store runs first: a bad id or time is a
 * bug in the caller, thrown as a `TypeError` (not a `RevocationStoreError`, which means the store
 * failed). An entry whose `until` is not after `now` would be gone at once: refused, since such a
 * revocation would silently do nothing.
 */
function checkRevocation(call: RevocationCall): void {
  requireTime(call.method, 'now', call.now)
  switch (call.method) {
    case 'isRevoked':
      requireId(call.method, 'query.userId', call.query.userId)
      if (call.query.sessionId !== null)
        requireId(call.method, 'query.sessionId', call.query.sessionId)
      requireTime(call.method, 'query.issuedAt', call.query.issuedAt)
      return
    case 'revokeSession':
      requireId(call.method, 'sessionId', call.sessionId)
      break
    case 'revokeUser':
      requireId(call.method, 'userId', call.userId)
      requireTime(call.method, 'before', call.before)
      break
    default:
      return call satisfies never
  }
  requireTime(call.method, 'until', call.until)
  if (call.until <= call.now) {
    throw new TypeError(`${call.method}: until (${call.until}) must be after now (${call.now})`)
  }
}

export { checkRevocation, RevocationStoreError }
export type { RevocationCall, RevocationQuery, RevocationStore }
