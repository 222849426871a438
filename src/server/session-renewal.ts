import 'server-only'
import { sessionCookie, type SessionCookie } from './cookie'
import { lastOpening } from './max-lifetime'
import { encryptSession, MAX_AGE_LIMIT_SECONDS, type SessionData } from './session'

/** Sliding renewal: a session that is in use gets a new token before it ends. */
type RenewalOptions = {
  /**
   * Renew when less than this share of the token's lifetime is left, between 0 and 1 (both
   * excluded): 0.5 renews a 30-minute session on the first request after 15 minutes, so an active
   * user gets one new cookie per 15 minutes, not one per request.
   */
  whenLeftBelow: number
}

/** The option as the route, the DAL and the proxy take it. */
type RenewalOption = {
  /**
   * Sliding renewal, off when absent (a session then lasts what `createSession` gave it). The new
   * token keeps the session id, sign-in time and token lifetime; its `exp` never passes sign-in +
   * `maxLifetimeSeconds`.
   */
  renewal?: RenewalOptions
}

/** Renewal as a factory runs it: the option, and the cap every renewal stops at. */
type RenewalPolicy = { renewal: RenewalOptions; maxLifetimeSeconds: number }

/** A renewed session: the cookie to set, and the token's new `exp` (epoch ms). */
type RenewedSession = { cookie: SessionCookie; token: string; expiresAt: number }

/** The option's value, or a `TypeError` naming it: a typo must not leave renewal silently off. */
function checkRenewalOptions(renewal: unknown): RenewalOptions | undefined {
  if (renewal === undefined) return undefined
  if (typeof renewal !== 'object' || renewal === null || Array.isArray(renewal)) {
    throw new TypeError(
      `renewal must be an object like { whenLeftBelow: 0.5 }, got ${JSON.stringify(renewal)}`,
    )
  }
  const { whenLeftBelow } = renewal as Record<string, unknown>
  if (typeof whenLeftBelow !== 'number' || !(whenLeftBelow > 0 && whenLeftBelow < 1)) {
    throw new TypeError(
      'renewal.whenLeftBelow must be a share of the token lifetime between 0 and 1 (both ' +
        `excluded), like 0.5; got ${String(whenLeftBelow)}`,
    )
  }
  return { whenLeftBelow }
}

/**
 * The `exp` (epoch ms) a renewal at `now` would give, or null when none is due: enough of the
 * token's life is left, the session is at its cap (sign-in + the maximum lifetime), or it has no
 * id to keep (a token from before session ids runs out as it is). Call it only for a session the
 * caller found valid: renewal itself checks nothing else.
 */
function renewalDue(session: SessionData, policy: RenewalPolicy, now: number): number | null {
  const { sessionId, expiresAt, maxAgeSeconds } = session
  if (sessionId === null || expiresAt <= now) return null
  // Only a lifetime encryptSession accepts: one our server did not write is not renewed.
  if (!Number.isSafeInteger(maxAgeSeconds) || maxAgeSeconds <= 0) return null
  if (maxAgeSeconds > MAX_AGE_LIMIT_SECONDS) return null
  const lifetimeMs = maxAgeSeconds * 1000
  if (expiresAt - now >= policy.renewal.whenLeftBelow * lifetimeMs) return null
  // JWT times are whole seconds, as encryptSession makes them; the cap is one already.
  const next = Math.min(Math.floor(now / 1000) * 1000 + lifetimeMs, cap(session, policy))
  return next > expiresAt ? next : null
}

/** The last `exp` any token of this session may get: sign-in + the maximum lifetime, epoch ms. */
function cap(session: SessionData, policy: RenewalPolicy): number {
  return lastOpening(policy.maxLifetimeSeconds, session.issuedAt)
}

/**
 * A new token for a valid session when `renewalDue` says so, else null: the same session id,
 * sign-in time and token lifetime, `exp` moved (capped), and the cookie that carries it.
 */
async function renewIfDue(
  session: SessionData,
  policy: RenewalPolicy,
  now: number,
): Promise<RenewedSession | null> {
  const expiresAt = renewalDue(session, policy, now)
  if (expiresAt === null || session.sessionId === null) return null
  const { userId, sessionId, issuedAt, maxAgeSeconds } = session
  const renews = { sessionId, issuedAt }
  const token = await encryptSession(
    { userId },
    { maxAgeSeconds, now, renews, notAfter: expiresAt },
  )
  return { cookie: sessionCookie(new Date(expiresAt), now), token, expiresAt }
}

export { checkRenewalOptions, renewalDue, renewIfDue }
export type { RenewalOption, RenewalOptions, RenewalPolicy, RenewedSession }
