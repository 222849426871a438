import 'server-only'
import { CompactEncrypt, compactDecrypt, errors } from 'jose'
import { CONTENT_ENCRYPTION_ALGORITHM, KEY_MANAGEMENT_ALGORITHM } from './compact-jwe'
import type { SessionJwe } from './compact-jwe'
import { HKDF_INFO, HKDF_SALT, sessionKeyring } from './keys'

/**
 * jose's own pins, behind the shared parse (which already refuses any other header): only `dir`
 * + `A256GCM`, and nothing inflated should a `zip` header ever get past it.
 */
const DECRYPT_OPTIONS = {
  keyManagementAlgorithms: [KEY_MANAGEMENT_ALGORITHM],
  contentEncryptionAlgorithms: [CONTENT_ENCRYPTION_ALGORITHM],
  maxDecompressedLength: 0,
}

/** A non-extractable AES-GCM 256 CryptoKey: its bytes never leave WebCrypto. */
async function deriveKey(secret: string): Promise<CryptoKey> {
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

// Module-level only as a memo of a pure function of SESSION_SECRET (see sessionKeyring).
const getSessionKeys = sessionKeyring(deriveKey)

/**
 * Tokens through jose and WebCrypto, where `node:crypto` is not available: the edge runtime, and
 * the browser where the server stories run. The same tokens as `nodeSessionJwe` makes.
 */
const webSessionJwe: SessionJwe = {
  runtime: 'webcrypto',
  async opener() {
    const { decryptionKeys } = await getSessionKeys()
    return async (jwe) => {
      for (const key of decryptionKeys) {
        try {
          return (await compactDecrypt(jwe.compact, key, DECRYPT_OPTIONS)).plaintext
        } catch (error) {
          // Wrong key for this token: the next (older) secret may open it. Anything else: junk.
          if (!(error instanceof errors.JWEDecryptionFailed)) return null
        }
      }
      return null
    }
  },
  async seal(plaintext) {
    const { encryptionKey } = await getSessionKeys()
    return new CompactEncrypt(plaintext)
      .setProtectedHeader({ alg: KEY_MANAGEMENT_ALGORITHM, enc: CONTENT_ENCRYPTION_ALGORITHM })
      .encrypt(encryptionKey)
  },
}

export { getSessionKeys as getWebCryptoKeys, webSessionJwe }
