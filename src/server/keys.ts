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

/** The keys derived from `SESSION_SECRET`, of whichever type the JWE path uses. */
type SessionKeys<Key> = {
  /** Encrypts new tokens: derived from the first secret. */
  encryptionKey: Key
  /** Every key that may open a token, first secret first (rotation). */
  decryptionKeys: ReadonlyArray<Key>
}

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

/** Keeps `value` under `key` in `memo` until it rejects: the caller still sees the rejection. */
function remember<Value>(memo: Map<string, Promise<Value>>, key: string, value: Promise<Value>) {
  memo.set(key, value)
  value.catch(() => {
    if (memo.get(key) === value) memo.delete(key)
  })
  return value
}

/**
 * `getSessionKeys` for one JWE path: `deriveKey` turns a secret into that path's key (HKDF-SHA256
 * with `HKDF_SALT` and `HKDF_INFO`, 32 bytes for A256GCM). The result reads
 * `process.env.SESSION_SECRET` on every call, so a rotated secret takes effect without a code
 * change, and throws `SessionConfigError` when it is missing or malformed.
 */
function sessionKeyring<Key>(deriveKey: (secret: string) => Promise<Key>) {
  // Memo of a pure function (secret string -> derived key). It is not state anyone can observe:
  // an entry is written once, never changed, and holds a key that is the same for the same
  // secret, so a hit and a miss give identical results; it only skips the HKDF work per request.
  // It holds one entry per secret ever configured (a handful). A failed derivation is forgotten
  // again (see remember), so a passing crypto error is not remembered.
  const derivedKeys = new Map<string, Promise<Key>>()
  // One-entry memo for the current SESSION_SECRET value, so a request skips splitting and
  // checking the variable again (about 5 us a call). The same argument holds: a pure function of
  // the string, and its result is immutable. A new value (a rotation) replaces it. A config error
  // is thrown before anything is kept.
  const keysForSecret = new Map<string, Promise<SessionKeys<Key>>>()

  const cachedKey = (secret: string) =>
    derivedKeys.get(secret) ?? remember(derivedKeys, secret, deriveKey(secret))

  async function deriveKeys(secrets: ReadonlyArray<string>): Promise<SessionKeys<Key>> {
    const decryptionKeys = await Promise.all(secrets.map(cachedKey))
    const [encryptionKey] = decryptionKeys
    if (encryptionKey === undefined) throw configError('is not set')
    return { encryptionKey, decryptionKeys }
  }

  return async function getSessionKeys(): Promise<SessionKeys<Key>> {
    // Spelled out, not `process.env[name]`: bundlers and the edge runtime resolve the literal form.
    const raw = process.env.SESSION_SECRET ?? ''
    const hit = keysForSecret.get(raw)
    if (hit) return hit
    const keys = deriveKeys(parseSecrets(raw))
    keysForSecret.clear()
    return remember(keysForSecret, raw, keys)
  }
}

export { HKDF_INFO, HKDF_SALT, SessionConfigError, sessionKeyring }
export type { SessionKeys }
