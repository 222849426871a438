import 'server-only'

/**
 * `SESSION_SECRET` is missing or unusable. A deployment bug, not a bad cookie: it is thrown
 * (never turned into "signed out"), and its message says how to fix it.
 */
class SessionConfigError extends Error {
  override name = 'SessionConfigError'
}

/** Each secret must carry at least 256 bits: the size of the A256GCM key derived from it. */
const MIN_SECRET_BYTES = 32
const SECRET_VARIABLE = 'SESSION_SECRET'
const HOW_TO_GENERATE = 'Generate one with `openssl rand -base64 32`'
// Fixed HKDF inputs: they bind the derived key to this use, so the same secret reused elsewhere
// (another app, another purpose) never yields this key. Changing them invalidates every session.
const HKDF_SALT = new TextEncoder().encode('next-session-kit')
const HKDF_INFO = new TextEncoder().encode('session cookie v1: JWE dir A256GCM')

/** The keys derived from `SESSION_SECRET`: non-extractable AES-GCM 256 CryptoKeys. */
type SessionKeys = {
  /** Encrypts new tokens: derived from the first secret. */
  encryptionKey: CryptoKey
  /** Every key that may open a token, first secret first (rotation). */
  decryptionKeys: ReadonlyArray<CryptoKey>
}

// Memo of a pure function (secret string -> derived key). It is not state anyone can observe:
// an entry is written once, never changed, and holds a non-extractable CryptoKey that is the
// same for the same secret, so a hit and a miss give identical results; it only skips the
// HKDF work per request. It holds one entry per secret ever configured (a handful). A failed
// derivation is removed again (see cachedKey), so a passing WebCrypto error is not remembered.
const derivedKeys = new Map<string, Promise<CryptoKey>>()

// One-entry memo of getSessionKeys for the current SESSION_SECRET value, so a request skips
// splitting and checking the variable again (about 5 us a call). The same argument as derivedKeys
// holds: a pure function of the string, and its result is immutable. Bounded to one entry: a new
// value (a rotation) replaces it. A config error is thrown before anything is kept, and a failed
// derivation is forgotten again, as in cachedKey.
const keysForSecret = new Map<string, Promise<SessionKeys>>()

function configError(problem: string): SessionConfigError {
  return new SessionConfigError(
    `${SECRET_VARIABLE} ${problem}. It must be one or more comma-separated secrets of at least ` +
      `${MIN_SECRET_BYTES} bytes each (the first encrypts, all decrypt). ${HOW_TO_GENERATE}.`,
  )
}

/** Splits and checks `SESSION_SECRET`; never echoes a secret in an error message. */
function parseSecrets(raw: string | undefined): ReadonlyArray<string> {
  if (raw === undefined || raw.trim() === '') throw configError('is not set')
  const secrets = raw.split(',')
  secrets.forEach((secret, index) => {
    const position = `entry ${index + 1} of ${secrets.length}`
    if (secret === '') throw configError(`has an empty ${position} (stray comma?)`)
    if (secret.trim() !== secret) throw configError(`has whitespace around ${position}`)
    const bytes = new TextEncoder().encode(secret).length
    if (bytes < MIN_SECRET_BYTES) {
      throw configError(`${position} is too short (${bytes} bytes, need ${MIN_SECRET_BYTES})`)
    }
  })
  return secrets
}

async function deriveKey(secret: string): Promise<CryptoKey> {
  // WebCrypto, not node:crypto: the same code runs in Node and in the proxy's edge runtime.
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(secret),
    'HKDF',
    false,
    ['deriveKey'],
  )
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: HKDF_SALT, info: HKDF_INFO },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

function cachedKey(secret: string): Promise<CryptoKey> {
  const hit = derivedKeys.get(secret)
  if (hit) return hit
  const key = deriveKey(secret)
  derivedKeys.set(secret, key)
  // Callers still see the rejection; only the memo forgets it, so the next request derives again
  // instead of failing forever with the same cached error.
  key.catch(() => {
    if (derivedKeys.get(secret) === key) derivedKeys.delete(secret)
  })
  return key
}

async function deriveKeys(secrets: ReadonlyArray<string>): Promise<SessionKeys> {
  const decryptionKeys = await Promise.all(secrets.map(cachedKey))
  const [encryptionKey] = decryptionKeys
  if (!encryptionKey) throw configError('is not set')
  return { encryptionKey, decryptionKeys }
}

/**
 * The keys for `process.env.SESSION_SECRET`, read on every call so a rotated secret takes effect
 * without a code change. Throws `SessionConfigError` when the variable is missing or malformed.
 */
async function getSessionKeys(): Promise<SessionKeys> {
  // Spelled out, not `process.env[name]`: bundlers and the edge runtime resolve the literal form.
  const raw = process.env.SESSION_SECRET ?? ''
  const hit = keysForSecret.get(raw)
  if (hit) return hit
  const keys = deriveKeys(parseSecrets(raw))
  keysForSecret.clear()
  keysForSecret.set(raw, keys)
  keys.catch(() => {
    if (keysForSecret.get(raw) === keys) keysForSecret.delete(raw)
  })
  return keys
}

export { getSessionKeys, SessionConfigError }
