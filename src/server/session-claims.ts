import 'server-only'
import type { SessionData } from './session'

/** The largest epoch ms a JS `Date` holds (ECMAScript's time value range): past it, `toISOString()` throws. */
const MAX_DATE_MS = 8.64e15
/**
 * How far in the future a token's `iat` may be, in seconds. Instances that issue and check tokens
 * run on clocks that differ a little (NTP keeps them within a second or so); 60 s covers that with
 * room to spare, while a token "issued" further ahead was not made by a server of ours.
 */
const MAX_ISSUED_AHEAD_SECONDS = 60

/** Whether `ms` is a time a `Date` can hold, so `new Date(ms).toISOString()` cannot throw. */
function isDateMs(ms: number): boolean {
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS
}

/**
 * The session an authenticated payload describes, or null when its claims are unusable: no
 * `sub`, an `exp` or `iat` outside the `Date` range (it would turn every later check into a
 * 500), or an `iat` more than `MAX_ISSUED_AHEAD_SECONDS` after `now` (epoch ms).
 */
function sessionClaims(payload: Record<string, unknown>, now: number): SessionData | null {
  const { sub, iat, exp } = payload
  if (typeof sub !== 'string' || sub === '') return null
  if (typeof iat !== 'number' || typeof exp !== 'number') return null
  const session = { userId: sub, issuedAt: iat * 1000, expiresAt: exp * 1000 }
  if (!isDateMs(session.issuedAt) || !isDateMs(session.expiresAt)) return null
  if (session.issuedAt > now + MAX_ISSUED_AHEAD_SECONDS * 1000) return null
  return session
}

export { isDateMs, MAX_DATE_MS, MAX_ISSUED_AHEAD_SECONDS, sessionClaims }
