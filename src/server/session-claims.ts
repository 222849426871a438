import 'server-only'
import { utf8 } from './compact-jwe'
import type { DecryptResult, EncryptOptions, SessionData } from './session'
import { isSessionId, newSessionId } from './session-id'

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
 * 500), an `iat` more than `MAX_ISSUED_AHEAD_SECONDS` after `now` (epoch ms), or a `sid` that is
 * not a session id, or a `ttl` (a renewed token's lifetime) that is not whole seconds > 0.
 * A token without `sid` was made before session ids existed: it stays valid until it expires
 * (`sessionId: null`; only a user-wide revocation covers it).
 */
function sessionClaims(payload: Record<string, unknown>, now: number): SessionData | null {
  const { sub, iat, exp, sid, ttl } = payload
  if (typeof sub !== 'string' || sub === '') return null
  if (typeof iat !== 'number' || typeof exp !== 'number') return null
  if (sid !== undefined && !isSessionId(sid)) return null
  // A renewed token states its session's token lifetime (`ttl`); a first token's is `exp - iat`.
  if (ttl !== undefined && (!Number.isSafeInteger(ttl) || typeof ttl !== 'number' || ttl <= 0)) {
    return null
  }
  const maxAgeSeconds = ttl ?? exp - iat
  const sessionId = isSessionId(sid) ? sid : null
  const times = { issuedAt: iat * 1000, expiresAt: exp * 1000, maxAgeSeconds }
  const session = { userId: sub, sessionId, ...times }
  if (!isDateMs(session.issuedAt) || !isDateMs(session.expiresAt)) return null
  if (session.issuedAt > now + MAX_ISSUED_AHEAD_SECONDS * 1000) return null
  return session
}

/** The payload as a JSON object, or null: not UTF-8 (strictly), not JSON, or not an object. */
function payloadObject(plaintext: Uint8Array): Record<string, unknown> | null {
  try {
    const payload: unknown = JSON.parse(utf8.decode(plaintext))
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return null
    return payload as Record<string, unknown>
  } catch {
    return null
  }
}

/**
 * What an authenticated plaintext means at `now` (epoch ms), the same on both paths and the
 * same as jose's `jwtDecrypt` with the kit's options: `exp` at or before `now`'s whole second is
 * `expired` (no clock tolerance: the client's deadline is computed from the server's own time);
 * an `nbf` after it, or claims `sessionClaims` refuses, are `invalid`.
 */
function claimsVerdict(plaintext: Uint8Array, now: number): DecryptResult {
  const payload = payloadObject(plaintext)
  const session = payload && sessionClaims(payload, now)
  if (!payload || !session) return { ok: false, reason: 'invalid' }
  const nowSeconds = Math.floor(now / 1000) // JWT times are seconds; compared as jose does
  const { nbf, exp } = payload
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > nowSeconds)) {
    return { ok: false, reason: 'invalid' }
  }
  // `exp` is a number here (sessionClaims checked it); compared in seconds, as jose does.
  if (typeof exp === 'number' && exp <= nowSeconds) return { ok: false, reason: 'expired' }
  return { ok: true, session }
}

/** Whether `ms` is an epoch ms a token can hold: a `Date`-range whole second. */
function isWholeSecond(ms: number): boolean {
  return Number.isInteger(ms / 1000) && isDateMs(ms)
}

/**
 * The claims `encryptSession` seals, for a token whose own `iat`/`exp` would be `times` (epoch
 * ms): a new session id and sign-in, or those of the session it `renews`; `exp` at most
 * `notAfter`; and `ttl`, the session's token lifetime, only where `exp - iat` no longer says it (a
 * renewed or capped token: see sessionClaims).
 */
function newTokenClaims(
  userId: string,
  { maxAgeSeconds, renews, notAfter = Infinity }: EncryptOptions,
  times: { issuedAt: number; expiresAt: number },
): Record<string, string | number> {
  const { sessionId, issuedAt } = renews ?? { sessionId: newSessionId(), ...times }
  if (!isSessionId(sessionId) || !isWholeSecond(issuedAt)) {
    throw new TypeError('encryptSession: renews must be a session id and a whole-second epoch ms')
  }
  if (notAfter !== Infinity && (!isWholeSecond(notAfter) || notAfter <= times.issuedAt)) {
    throw new TypeError('encryptSession: notAfter must be a whole-second epoch ms after now')
  }
  const expiresAt = Math.min(times.expiresAt, notAfter)
  const claims = { sub: userId, sid: sessionId, iat: issuedAt / 1000, exp: expiresAt / 1000 }
  const saysLifetime = expiresAt - issuedAt === maxAgeSeconds * 1000
  return saysLifetime ? claims : { ...claims, ttl: maxAgeSeconds }
}

export {
  claimsVerdict,
  isDateMs,
  MAX_DATE_MS,
  MAX_ISSUED_AHEAD_SECONDS,
  newTokenClaims,
  sessionClaims,
}
