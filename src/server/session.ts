import 'server-only'
import type { TokenFailureReason } from '../shared/reasons'
import { parseCompactJwe, type SessionJwe } from './compact-jwe'
import { claimsVerdict, isDateMs, newTokenClaims } from './session-claims'
import { sessionJwe } from './session-jwe'

/** Browsers cap a cookie's lifetime at 400 days (RFC 6265bis; Chrome enforces it), in seconds. */
const MAX_AGE_LIMIT_SECONDS = 400 * 24 * 3600

/** What a valid token says. Times are epoch ms. */
type SessionData = {
  /** Whose session this is: the token's `sub`, as given to `encryptSession`. */
  userId: string
  /** The session's random id (its `sid`); null for a token made before session ids existed. */
  sessionId: string | null
  /** When the token stops opening (its `exp`), epoch ms; a whole second. */
  expiresAt: number
  /** When the user signed in (its `iat`), epoch ms; a whole second. Renewal keeps it. */
  issuedAt: number
  /**
   * The lifetime each token of this session gets, in whole seconds: `createSession`'s
   * `maxAgeSeconds`. A renewal keeps it (its `ttl` claim; a first token's is `exp - iat`).
   */
  maxAgeSeconds: number
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
  /**
   * The session a renewal continues: the new token keeps its id and sign-in time (epoch ms),
   * and only `exp` moves. Without it, the token starts a new session (a new id, `iat` = now).
   */
  renews?: { sessionId: string; issuedAt: number }
  /**
   * The latest `exp` the token may get, epoch ms (a whole second): a renewal's cap, sign-in + the
   * maximum lifetime. A capped token still records `maxAgeSeconds` as its session's lifetime.
   */
  notAfter?: number
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

/** `encryptSession` through a given JWE path (tests and the bench run both). */
async function sealSession(
  jwe: SessionJwe,
  data: { userId: string },
  options: EncryptOptions,
): Promise<string> {
  if (typeof data.userId !== 'string' || data.userId === '') {
    throw new TypeError('encryptSession: userId must be a non-empty string')
  }
  const times = sessionTimes(options.maxAgeSeconds, options.now)
  const claims = newTokenClaims(data.userId, options, times)
  return jwe.seal(new TextEncoder().encode(JSON.stringify(claims)))
}

/** `decryptSession` through a given JWE path (tests and the bench run both). */
async function openSession(
  jwe: SessionJwe,
  token: unknown,
  options: DecryptOptions = {},
): Promise<DecryptResult> {
  // Keys first, so a config error surfaces even for requests without a cookie.
  const open = await jwe.opener()
  // An empty value is what a cleared cookie leaves behind: no session, not a broken one.
  if (token === undefined || token === null || token === '') return { ok: false, reason: 'missing' }
  // The whole shape before any key is used: only the exact header and sizes we write get near it.
  const parts = typeof token === 'string' ? parseCompactJwe(token) : null
  const plaintext = parts && (await open(parts))
  // Claims are read only from a plaintext that authenticated under one of our keys.
  if (!plaintext) return { ok: false, reason: 'invalid' }
  return claimsVerdict(plaintext, options.now ?? Date.now())
}

/**
 * Encrypts `{ userId }` into a JWE (`dir` + `A256GCM`) whose payload its holder cannot read,
 * through `node:crypto` on Node and WebCrypto elsewhere (see session-jwe.ts).
 */
function encryptSession(data: { userId: string }, options: EncryptOptions): Promise<string> {
  return sealSession(sessionJwe, data, options)
}

/**
 * Opens a session token. Never throws for a bad token, whatever its type or content: a cookie is
 * user input. It does throw `SessionConfigError` when `SESSION_SECRET` is unusable, because that
 * is a deployment bug: answering "invalid" would sign everyone out and hide the cause.
 */
function decryptSession(token: unknown, options: DecryptOptions = {}): Promise<DecryptResult> {
  return openSession(sessionJwe, token, options)
}

export {
  decryptSession,
  encryptSession,
  MAX_AGE_LIMIT_SECONDS,
  openSession,
  sealSession,
  sessionTimes,
}
export type { DecryptOptions, DecryptResult, EncryptOptions, SessionData }
