import 'server-only'
import { RevocationStoreError, type RevocationStore } from './revocation-store'
import { lastOpening } from './max-lifetime'
import type { SessionData } from './session'

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
  /** A store call slower than this (ms) is a `RevocationStoreError`; defaults to `REVOCATION_TIMEOUT_MS`. */
  timeoutMs?: number
}

/**
 * A store as the sign-out paths use it: with how long its entries must last (the factory's
 * `maxLifetimeSeconds`, the same number renewal is capped by: see max-lifetime.ts).
 */
type RevocationWithLifetime = RevocationOptions & { maxLifetimeSeconds: number }

/** Throws at startup for options that would never time out, or a lifetime set in the old place. */
function checkRevocationOptions(options: RevocationOptions | undefined): void {
  if (!options) return
  // Read through `in`: the type no longer has it, but a config written for it must not be ignored.
  if ('maxLifetimeSeconds' in options) {
    throw new TypeError(
      'revocation.maxLifetimeSeconds moved: pass maxLifetimeSeconds beside revocation (one ' +
        'number for revocation entries and renewal; see max-lifetime.ts)',
    )
  }
  const { timeoutMs = REVOCATION_TIMEOUT_MS } = options
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

/** Whether an opened session was revoked: one store call. */
function isSessionRevoked(options: RevocationOptions, session: SessionData, now: number) {
  const { userId, sessionId, issuedAt } = session
  return withinTime(options, () => options.store.isRevoked({ userId, sessionId, issuedAt }, now))
}

/**
 * Revokes one session until no token of it can open: its sign-in + the maximum lifetime, and
 * never before its current token's `exp` (a token made with a longer `maxAgeSeconds` than the
 * maximum lifetime). A token made before session ids has none to revoke: false, and it stays
 * valid until it expires.
 */
async function revokeSession(
  options: RevocationWithLifetime,
  session: Pick<SessionData, 'sessionId' | 'issuedAt' | 'expiresAt'>,
  now: number,
) {
  if (session.sessionId === null) return false
  const lastToken = lastOpening(options.maxLifetimeSeconds, session.issuedAt)
  const until = Math.max(lastToken, session.expiresAt, now + 1)
  const { sessionId } = session
  await withinTime(options, () => options.store.revokeSession(sessionId, until, now))
  return true
}

/** Revokes every session of `userId` signed in before `now` (epoch ms), those without an id too. */
async function revokeUserSessions(options: RevocationWithLifetime, userId: string, now: number) {
  const until = lastOpening(options.maxLifetimeSeconds, now)
  await withinTime(options, () => options.store.revokeUser(userId, now, until, now))
}

export {
  checkRevocationOptions,
  isSessionRevoked,
  REVOCATION_TIMEOUT_MS,
  revokeSession,
  revokeUserSessions,
}
export type { RevocationOptions, RevocationWithLifetime }
