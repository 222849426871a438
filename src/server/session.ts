import 'server-only'
import { EncryptJWT, errors, jwtDecrypt } from 'jose'
import type { TokenFailureReason } from '../shared/reasons'
import { getSessionKeys } from './keys'
import {
  CONTENT_ENCRYPTION_ALGORITHM,
  isDateMs,
  isSessionHeader,
  KEY_MANAGEMENT_ALGORITHM,
  sessionClaims,
} from './session-claims'

/** Tolerated clock skew between the servers that issue and check tokens, in seconds. */
const CLOCK_TOLERANCE_SECONDS = 5
/** A token is a few hundred bytes; anything past a cookie's size is junk, refused before parsing. */
const MAX_TOKEN_LENGTH = 4096
/** Browsers cap a cookie's lifetime at 400 days (RFC 6265bis; Chrome enforces it), in seconds. */
const MAX_AGE_LIMIT_SECONDS = 400 * 24 * 3600

/** What a valid token says. Times are epoch ms. */
type SessionData = {
  /** Whose session this is: the token's `sub`, as given to `encryptSession`. */
  userId: string
  /** When the token stops opening (its `exp`), epoch ms; a whole second. */
  expiresAt: number
  /** When the token was made (its `iat`), epoch ms; a whole second. */
  issuedAt: number
}

/**
 * What `decryptSession` makes of a cookie value. `revoked` is not here: only `loadUser` knows it
 * (see resolve-session.ts).
 */
type DecryptResult =
  | {
      /** The token opened, authenticated, and is within its lifetime. */
      ok: true
      /** What the token says. */
      session: SessionData
    }
  | {
      /** No usable session. */
      ok: false
      /** `missing`: no value; `expired`: ours but past `exp`; `invalid`: anything else. */
      reason: TokenFailureReason
    }

/** How `encryptSession` makes a token. */
type EncryptOptions = {
  /** Lifetime of the token, in whole seconds (> 0, at most `MAX_AGE_LIMIT_SECONDS`). */
  maxAgeSeconds: number
  /** Current time, epoch ms; defaults to `Date.now()`. Tests pass a controlled clock. */
  now?: number
}

/** How `decryptSession` checks a token. */
type DecryptOptions = {
  /** Current time, epoch ms; defaults to `Date.now()`. */
  now?: number
}

/** `iat` and `exp` in epoch ms for a token made at `now`; JWT claims hold whole seconds. */
function sessionTimes(maxAgeSeconds: number, now: number = Date.now()) {
  if (!Number.isSafeInteger(maxAgeSeconds) || maxAgeSeconds <= 0) {
    throw new TypeError(
      `maxAgeSeconds must be a positive whole number of seconds, got ${maxAgeSeconds}`,
    )
  }
  // Refused, not clamped: a longer session would silently end early in the browser anyway.
  if (maxAgeSeconds > MAX_AGE_LIMIT_SECONDS) {
    throw new RangeError(
      `maxAgeSeconds must be at most ${MAX_AGE_LIMIT_SECONDS} (400 days, the browsers' cookie ` +
        `lifetime limit), got ${maxAgeSeconds}`,
    )
  }
  const issuedAtSeconds = Math.floor(now / 1000)
  const expiresAt = (issuedAtSeconds + maxAgeSeconds) * 1000
  // The token's `exp` must stay a time a Date can hold, or every check of it would fail.
  if (!isDateMs(expiresAt)) throw new TypeError(`now must be epoch ms, got ${now}`)
  return { issuedAt: issuedAtSeconds * 1000, expiresAt }
}

/** Encrypts `{ userId }` into a JWE whose payload its holder cannot read. */
async function encryptSession(data: { userId: string }, options: EncryptOptions): Promise<string> {
  if (typeof data.userId !== 'string' || data.userId === '') {
    throw new TypeError('encryptSession: userId must be a non-empty string')
  }
  const { issuedAt, expiresAt } = sessionTimes(options.maxAgeSeconds, options.now)
  const { encryptionKey } = await getSessionKeys()
  return new EncryptJWT({})
    .setProtectedHeader({ alg: KEY_MANAGEMENT_ALGORITHM, enc: CONTENT_ENCRYPTION_ALGORITHM })
    .setSubject(data.userId)
    .setIssuedAt(issuedAt / 1000)
    .setExpirationTime(expiresAt / 1000)
    .encrypt(encryptionKey)
}

/**
 * Opens a session token. Never throws for a bad token, whatever its type or content: a cookie is
 * user input. It does throw `SessionConfigError` when `SESSION_SECRET` is unusable, because that
 * is a deployment bug: answering "invalid" would sign everyone out and hide the cause.
 */
async function decryptSession(
  token: unknown,
  options: DecryptOptions = {},
): Promise<DecryptResult> {
  // Keys first, so a config error surfaces even for requests without a cookie.
  const { decryptionKeys } = await getSessionKeys()
  // An empty value is what a cleared cookie leaves behind: no session, not a broken one.
  if (token === undefined || token === null || token === '') return { ok: false, reason: 'missing' }
  // The header before any decryption: only the exact header we write gets near the key.
  if (typeof token !== 'string' || token.length > MAX_TOKEN_LENGTH || !isSessionHeader(token)) {
    return { ok: false, reason: 'invalid' }
  }
  const now = options.now ?? Date.now()
  for (const key of decryptionKeys) {
    try {
      const { payload } = await jwtDecrypt(token, key, {
        keyManagementAlgorithms: [KEY_MANAGEMENT_ALGORITHM],
        contentEncryptionAlgorithms: [CONTENT_ENCRYPTION_ALGORITHM],
        requiredClaims: ['exp', 'iat', 'sub'],
        maxDecompressedLength: 0, // no `zip`, should a header ever get past isSessionHeader
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(now),
      })
      const session = sessionClaims(payload, now)
      return session ? { ok: true, session } : { ok: false, reason: 'invalid' }
    } catch (error) {
      // Wrong key for this token: the next (older) secret may open it.
      if (error instanceof errors.JWEDecryptionFailed) continue
      // Only reached after the token decrypted and authenticated: genuinely ours, just old.
      if (error instanceof errors.JWTExpired) {
        // Still only `expired` when its claims are usable: an `exp` before the Date range is junk.
        return { ok: false, reason: sessionClaims(error.payload, now) ? 'expired' : 'invalid' }
      }
      return { ok: false, reason: 'invalid' }
    }
  }
  return { ok: false, reason: 'invalid' }
}

export {
  CLOCK_TOLERANCE_SECONDS,
  decryptSession,
  encryptSession,
  MAX_AGE_LIMIT_SECONDS,
  sessionTimes,
}
export type { DecryptOptions, DecryptResult, EncryptOptions, SessionData }
