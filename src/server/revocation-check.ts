import 'server-only'
import { RevocationStoreError, type RevocationStore } from './revocation-store'
import { MAX_AGE_LIMIT_SECONDS, type SessionData } from './session'

/**
 * How long a store call may take before it counts as down, in ms. A loopback Redis or a local
 * SQLite file answers in well under a millisecond; 1 s is far past any healthy answer yet short
 * enough that a hung store turns into a quick 503 (the client retries) rather than a hung page.
 */
const REVOCATION_TIMEOUT_MS = 1000

/** How the route, the DAL and the sign-out helpers use a revocation store. */
type RevocationOptions = {
  /** Where revocations live (SQLite, Redis; memory for tests and stories). */
  store: RevocationStore
  /**
   * The longest a session can last from sign-in, in seconds: an entry is kept that long, so no
   * token it covers can open after it goes. Today that is the largest `maxAgeSeconds` the app
   * passes to `createSession` (no renewal yet). Defaults to `MAX_AGE_LIMIT_SECONDS` (400 days, the
   * longest any cookie lives): always safe, but set yours to keep the store small.
   */
  maxLifetimeSeconds?: number
  /** A store call slower than this (ms) is a `RevocationStoreError`; defaults to `REVOCATION_TIMEOUT_MS`. */
  timeoutMs?: number
}

/** Throws at startup for options that would make revocations lapse early or never time out. */
function checkRevocationOptions(options: RevocationOptions | undefined): void {
  if (!options) return
  const { maxLifetimeSeconds = MAX_AGE_LIMIT_SECONDS, timeoutMs = REVOCATION_TIMEOUT_MS } = options
  if (!Number.isSafeInteger(maxLifetimeSeconds) || maxLifetimeSeconds <= 0) {
    throw new TypeError(
      `revocation.maxLifetimeSeconds must be whole seconds > 0, got ${maxLifetimeSeconds}`,
    )
  }
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError(`revocation.timeoutMs must be a positive number of ms, got ${timeoutMs}`)
  }
}

/**
 * `call` within the time limit. A store that rejects (other than a `TypeError`, a caller's bug) or
 * does not answer in time becomes a `RevocationStoreError`: "could not tell", never a sign-out.
 */
async function withinTime<T>(options: RevocationOptions, call: () => Promise<T>): Promise<T> {
  const timeoutMs = options.timeoutMs ?? REVOCATION_TIMEOUT_MS
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new RevocationStoreError(`revocation store: no answer within ${timeoutMs} ms`)),
      timeoutMs,
    )
  })
  try {
    return await Promise.race([call(), timeout])
  } catch (error) {
    if (error instanceof RevocationStoreError || error instanceof TypeError) throw error
    throw new RevocationStoreError('revocation store failed', { cause: error })
  } finally {
    clearTimeout(timer)
  }
}

/** The longest any token of a session signed in at `issuedAt` (epoch ms) can open: epoch ms. */
function lastOpening(options: RevocationOptions, issuedAt: number): number {
  return issuedAt + (options.maxLifetimeSeconds ?? MAX_AGE_LIMIT_SECONDS) * 1000
}

/** Whether an opened session was revoked: one store call. */
function isSessionRevoked(options: RevocationOptions, session: SessionData, now: number) {
  const { userId, sessionId, issuedAt } = session
  return withinTime(options, () => options.store.isRevoked({ userId, sessionId, issuedAt }, now))
}

/**
 * Revokes one session until no token of it can open: its sign-in + the maximum lifetime, and
 * never before its current token's `exp` (in case `maxLifetimeSeconds` is set too short). A token
 * made before session ids has none to revoke: false, and it stays valid until it expires.
 */
async function revokeSession(options: RevocationOptions, session: SessionData, now: number) {
  if (session.sessionId === null) return false
  const until = Math.max(lastOpening(options, session.issuedAt), session.expiresAt, now + 1)
  const { sessionId } = session
  await withinTime(options, () => options.store.revokeSession(sessionId, until, now))
  return true
}

/** Revokes every session of `userId` signed in before `now` (epoch ms), those without an id too. */
async function revokeUserSessions(options: RevocationOptions, userId: string, now: number) {
  const until = lastOpening(options, now)
  await withinTime(options, () => options.store.revokeUser(userId, now, until, now))
}

export {
  checkRevocationOptions,
  isSessionRevoked,
  REVOCATION_TIMEOUT_MS,
  revokeSession,
  revokeUserSessions,
}
export type { RevocationOptions }
