import 'server-only'
import { MAX_AGE_LIMIT_SECONDS } from './session'

/**
 * The absolute maximum lifetime of a session when the app sets none, in seconds: 400 days, the
 * longest a cookie lives. Always safe for revocations (no token outlives its entry), but a store
 * keeps each entry that long and a sliding session may last that long: set yours.
 */
const DEFAULT_MAX_LIFETIME_SECONDS = MAX_AGE_LIMIT_SECONDS

/** The one number both revocation and renewal read: how long a session may last from sign-in. */
type MaxLifetimeOption = {
  /**
   * The longest a session may last from sign-in (its `iat`), renewals included, in whole seconds.
   * Renewal never moves `exp` past it, and a revocation entry lives exactly that long, so no
   * token it covers can open after it goes. Give the route, the DAL and the proxy the same number
   * (one options object, spread into each). Defaults to `DEFAULT_MAX_LIFETIME_SECONDS` (400 days).
   */
  maxLifetimeSeconds?: number
}

/** The option's value, or a `TypeError` naming it: refused, never replaced by the default. */
function checkMaxLifetime(value: unknown): number {
  if (value === undefined) return DEFAULT_MAX_LIFETIME_SECONDS
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
    throw new TypeError(
      `maxLifetimeSeconds must be whole seconds > 0 (the longest a session lasts from sign-in), got ${String(value)}`,
    )
  }
  return value
}

/** The last instant any token of a session signed in at `issuedAt` (epoch ms) can open: epoch ms. */
function lastOpening(maxLifetimeSeconds: number, issuedAt: number): number {
  return issuedAt + maxLifetimeSeconds * 1000
}

export { checkMaxLifetime, DEFAULT_MAX_LIFETIME_SECONDS, lastOpening }
export type { MaxLifetimeOption }
