import 'server-only'
import { formatCompactJwe, IV_BYTES, SESSION_HEADER_AAD, TAG_BYTES } from './compact-jwe'
import type { CompactJwe, SessionJwe } from './compact-jwe'
import { HKDF_INFO, HKDF_SALT, sessionKeyring } from './keys'

/** The `node:crypto` module, as a type only: it is handed in at run time (see session-jwe.ts). */
type NodeCrypto = typeof import('node:crypto')
type KeyObject = ReturnType<NodeCrypto['createSecretKey']>

/** node:crypto's name for JWE's A256GCM: AES with a 256-bit key in GCM mode. */
const CIPHER = 'aes-256-gcm'
const KEY_BYTES = 32 // 256 bits: an A256GCM key

/**
 * Tokens through `node:crypto`'s AES-256-GCM: a synchronous call on the request's own thread,
 * where WebCrypto's `decrypt` waits on a threadpool round trip (72% of an open, measured). Same
 * key (the same HKDF inputs as the WebCrypto path), same tokens: each path opens the other's.
 * `crypto` is passed in, never imported, so no bundler sees `node:crypto` (see session-jwe.ts).
 */
function nodeSessionJwe(crypto: NodeCrypto): SessionJwe {
  const getSessionKeys = sessionKeyring((secret) => {
    const bytes = crypto.hkdfSync('sha256', secret, HKDF_SALT, HKDF_INFO, KEY_BYTES)
    // A KeyObject keeps the key bytes out of the JS heap once this ArrayBuffer is collected.
    return Promise.resolve(crypto.createSecretKey(new Uint8Array(bytes)))
  })

  function openWith(key: KeyObject, jwe: CompactJwe): Uint8Array | null {
    const decipher = crypto.createDecipheriv(CIPHER, key, jwe.iv, { authTagLength: TAG_BYTES })
    decipher.setAAD(jwe.aad)
    decipher.setAuthTag(jwe.tag)
    const plaintext = decipher.update(jwe.ciphertext)
    try {
      // Throws unless the tag authenticates header, IV and ciphertext; `plaintext` is not read
      // before it returns. GCM's `final` adds no bytes.
      decipher.final()
      return plaintext
    } catch {
      return null
    }
  }

  return {
    runtime: 'node:crypto',
    async opener() {
      const { decryptionKeys } = await getSessionKeys()
      return async (jwe) => {
        for (const key of decryptionKeys) {
          const plaintext = openWith(key, jwe)
          if (plaintext) return plaintext
        }
        return null
      }
    },
    async seal(plaintext) {
      const { encryptionKey } = await getSessionKeys()
      const iv = crypto.randomBytes(IV_BYTES)
      const cipher = crypto.createCipheriv(CIPHER, encryptionKey, iv, { authTagLength: TAG_BYTES })
      cipher.setAAD(SESSION_HEADER_AAD)
      const ciphertext = cipher.update(plaintext)
      cipher.final() // GCM adds no bytes here; it computes the tag
      return formatCompactJwe(iv, ciphertext, cipher.getAuthTag())
    },
  }
}

export { nodeSessionJwe }
export type { NodeCrypto }
