// Session tokens for tests: valid, expired, tampered and foreign-key, one maker each. Unit tests,
// the fault suite, the contract test and e2e all take them from here.
//
// The kit's `encryptSession` is loaded on first use, not imported: its module starts with
// `import 'server-only'`, which throws outside a React Server environment. Vitest aliases it to a
// stub, Playwright does not, and e2e imports this file for `tamper` (its tokens come from the real
// sign-in form, sealed with the e2e server's secret).
import { EncryptJWT } from 'jose'

/** Lifetime of a test token unless a test says otherwise: 1 h, in seconds. */
const TOKEN_SECONDS = 3600
/** The five dot-separated parts of a compact JWE, by name (`dir` leaves the encrypted key empty). */
const JWE_PARTS = { header: 0, encryptedKey: 1, iv: 2, ciphertext: 3, tag: 4 } as const

type JwePart = Exclude<keyof typeof JWE_PARTS, 'encryptedKey'>

/** When a token is made and how long it lives. */
type TokenOptions = {
  /** Issue time, epoch ms; defaults to `Date.now()`. */
  now?: number
  /** Lifetime in whole seconds; defaults to `TOKEN_SECONDS`. */
  maxAgeSeconds?: number
}

/**
 * The 32 bytes the kit derives from `secret`, re-derived here from the documented HKDF inputs
 * (not imported from keys.ts): WebCrypto's key is non-extractable, and tests need the same key
 * material in jose and in other algorithms. A test that opens a token made with them proves
 * these are the real key.
 */
async function sessionKeyBytes(secret = process.env.SESSION_SECRET ?? ''): Promise<Uint8Array> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    'HKDF',
    false,
    ['deriveBits'],
  )
  const bits = await crypto.subtle.deriveBits(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new TextEncoder().encode('next-session-kit'),
      info: new TextEncoder().encode('session cookie v1: JWE dir A256GCM'),
    },
    material,
    256, // bits: an A256GCM key
  )
  return new Uint8Array(bits)
}

/** A token the kit opens with the current `SESSION_SECRET`, for `userId`, issued at `now`. */
async function validToken(
  userId: string,
  { now = Date.now(), maxAgeSeconds = TOKEN_SECONDS }: TokenOptions = {},
): Promise<string> {
  const { encryptSession } = await import('@/lib/session/server/session')
  return encryptSession({ userId }, { maxAgeSeconds, now })
}

/**
 * A token of the kit's own key whose lifetime ended one lifetime before `now` (an hour, by
 * default): it reads as `expired`, never `invalid`.
 */
function expiredToken(userId: string, options: TokenOptions = {}): Promise<string> {
  const { now = Date.now(), maxAgeSeconds = TOKEN_SECONDS } = options
  return validToken(userId, { now: now - 2 * maxAgeSeconds * 1000, maxAgeSeconds })
}

/**
 * A token as the kit made them before session ids: the real key and claims, no `sid`. It opens
 * with `sessionId: null` until it expires; only a user-wide revocation covers it.
 */
async function tokenWithoutSessionId(userId: string, options: TokenOptions = {}): Promise<string> {
  return joseToken(userId, await sessionKeyBytes(), options)
}

/**
 * `token` with one bit flipped in the middle of one part (the ciphertext unless told). AES-GCM
 * authenticates the header, IV, ciphertext and tag, so the result opens with no key: `invalid`.
 */
function tamper(token: string, part: JwePart = 'ciphertext'): string {
  const parts = token.split('.')
  const bytes = Buffer.from(parts[JWE_PARTS[part]] ?? '', 'base64url')
  if (bytes.length === 0) throw new Error(`tamper: the ${part} of this token is empty`)
  const middle = Math.floor(bytes.length / 2)
  bytes[middle] = (bytes[middle] ?? 0) ^ 0x01
  parts[JWE_PARTS[part]] = bytes.toString('base64url')
  return parts.join('.')
}

/** A valid token with its ciphertext tampered with (see `tamper`). */
async function tamperedToken(userId: string, options: TokenOptions = {}): Promise<string> {
  return tamper(await validToken(userId, options))
}

/**
 * A well-formed token (dir + A256GCM, every claim the kit wants) sealed with a random key the kit
 * never derives, as another app or a removed secret would make it: `invalid` whatever its times,
 * since expiry is only read once a token authenticates.
 */
function foreignKeyToken(userId: string, options: TokenOptions = {}): Promise<string> {
  return joseToken(userId, crypto.getRandomValues(new Uint8Array(32)), options) // an A256GCM key
}

/** A token jose seals with `key`: the kit's header and `sub`, `iat`, `exp`, but no `sid`. */
function joseToken(
  userId: string,
  key: Uint8Array,
  { now = Date.now(), maxAgeSeconds = TOKEN_SECONDS }: TokenOptions = {},
): Promise<string> {
  const issuedAt = Math.floor(now / 1000) // JWT times are whole seconds
  return new EncryptJWT({})
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setSubject(userId)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + maxAgeSeconds)
    .encrypt(key)
}

export {
  expiredToken,
  foreignKeyToken,
  sessionKeyBytes,
  tamper,
  tamperedToken,
  TOKEN_SECONDS,
  tokenWithoutSessionId,
  validToken,
}
export type { JwePart, TokenOptions }
