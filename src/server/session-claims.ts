import 'server-only'
import { decodeProtectedHeader } from 'jose'
import type { SessionData } from './session'

/** Pinned algorithms: direct encryption with a 256-bit key, AES-GCM. Nothing else is accepted. */
const KEY_MANAGEMENT_ALGORITHM = 'dir'
const CONTENT_ENCRYPTION_ALGORITHM = 'A256GCM'

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
 * Whether `token`'s protected header is exactly the one `encryptSession` writes: `alg` and `enc`,
 * pinned, and nothing else. So no `zip` (a 316-byte token inflates to 100 KB before its claims
 * are read), no `crit` (extensions we would have to understand) and no extra parameters.
 */
function isSessionHeader(token: string): boolean {
  try {
    const { alg, enc, ...rest } = decodeProtectedHeader(token)
    const pinned = alg === KEY_MANAGEMENT_ALGORITHM && enc === CONTENT_ENCRYPTION_ALGORITHM
    return pinned && Object.keys(rest).length === 0
  } catch {
    return false // not a token at all: no header to read
  }
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

export {
  CONTENT_ENCRYPTION_ALGORITHM,
  isDateMs,
  isSessionHeader,
  KEY_MANAGEMENT_ALGORITHM,
  MAX_DATE_MS,
  MAX_ISSUED_AHEAD_SECONDS,
  sessionClaims,
}
