import 'server-only'

/** Pinned algorithms: direct encryption with a 256-bit key, AES-GCM. Nothing else is accepted. */
const KEY_MANAGEMENT_ALGORITHM = 'dir'
const CONTENT_ENCRYPTION_ALGORITHM = 'A256GCM'
/** A token is a few hundred bytes; anything past a cookie's size is junk, refused before parsing. */
const MAX_TOKEN_LENGTH = 4096
const IV_BYTES = 12 // 96 bits: the IV size of A256GCM (RFC 7518 section 5.3)
const TAG_BYTES = 16 // 128 bits: the full GCM tag; a shorter one would be easier to forge
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
// Each ASCII code's 6-bit value in base64url, or -1 when it is not in the alphabet.
const SEXTETS = Int8Array.from({ length: 128 }, (_, code) =>
  BASE64URL.indexOf(String.fromCharCode(code)),
)
const utf8 = new TextDecoder('utf-8', { fatal: true }) // stateless: each decode is a whole input

/** The parts of a compact JWE that passed `parseCompactJwe`; nothing here is authenticated yet. */
type CompactJwe = {
  /** The token as given (jose parses it again). */
  compact: string
  /** RFC 7516's AAD: the ASCII bytes of the protected header segment, exactly as sent. */
  aad: Uint8Array
  /** The IV (12 bytes), ciphertext and tag (16 bytes), decoded. */
  iv: Uint8Array
  ciphertext: Uint8Array
  tag: Uint8Array
}

/**
 * One way to open and make tokens (node:crypto, or jose + WebCrypto: see session-jwe.ts). Both
 * read `SESSION_SECRET` themselves and throw `SessionConfigError` when it is unusable.
 */
type SessionJwe = {
  /** Which implementation this is. */
  runtime: 'node:crypto' | 'webcrypto'
  /** Reads the keys, then tries each on a parsed token: its plaintext once one authenticates. */
  opener(): Promise<(jwe: CompactJwe) => Promise<Uint8Array | null>>
  /** Encrypts `plaintext` with the first secret's key under `SESSION_HEADER_SEGMENT`. */
  seal(plaintext: Uint8Array): Promise<string>
}

/** base64url without padding (RFC 7515 section 2). */
function encodeBase64url(bytes: Uint8Array): string {
  let text = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = ((buffer << 8) | byte) & 0xffff // at most 14 bits are ever pending
    bits += 8
    for (; bits >= 6; bits -= 6) text += BASE64URL.charAt((buffer >> (bits - 6)) & 63)
  }
  return bits > 0 ? text + BASE64URL.charAt((buffer << (6 - bits)) & 63) : text
}

/**
 * Strict base64url: the alphabet only (no `+/`, padding or whitespace) and canonical (no
 * leftover character, zero trailing bits), so each byte string has exactly one spelling. jose
 * decodes with `atob` on Node 20, which accepts all of those; both paths refuse them here.
 */
function decodeBase64url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null
  const bytes = new Uint8Array((text.length * 3) >> 2)
  let buffer = 0
  let bits = 0
  let out = 0
  for (let i = 0; i < text.length; i += 1) {
    const sextet = SEXTETS[text.charCodeAt(i)] ?? -1
    if (sextet < 0) return null
    buffer = ((buffer << 6) | sextet) & 0xfff // at most 12 bits are ever pending
    bits += 6
    if (bits >= 8) {
      bits -= 8
      bytes[out++] = buffer >> bits
      buffer &= (1 << bits) - 1
    }
  }
  return buffer === 0 ? bytes : null // non-zero trailing bits: a second spelling of these bytes
}

/** The protected header every token carries: `{"alg":"dir","enc":"A256GCM"}`. */
const SESSION_HEADER_SEGMENT = encodeBase64url(
  new TextEncoder().encode(
    JSON.stringify({ alg: KEY_MANAGEMENT_ALGORITHM, enc: CONTENT_ENCRYPTION_ALGORITHM }),
  ),
)
const SESSION_HEADER_AAD = new TextEncoder().encode(SESSION_HEADER_SEGMENT)

/**
 * Whether a header segment decodes (strict UTF-8, JSON) to exactly the header we write: `alg`
 * and `enc`, pinned, nothing else. So no `zip` (a 316-byte token inflates to 100 KB), no `crit`
 * (extensions we would have to understand), no replicated claims. Key order and spacing may
 * differ (jose accepts them too); the AAD is then that segment, as sent.
 */
function isSessionHeader(segment: string): boolean {
  if (segment === SESSION_HEADER_SEGMENT) return true
  const bytes = decodeBase64url(segment)
  if (!bytes) return false
  try {
    const header: unknown = JSON.parse(utf8.decode(bytes))
    if (typeof header !== 'object' || header === null || Array.isArray(header)) return false
    const { alg, enc, ...rest } = header as Record<string, unknown>
    const pinned = alg === KEY_MANAGEMENT_ALGORITHM && enc === CONTENT_ENCRYPTION_ALGORITHM
    return pinned && Object.keys(rest).length === 0
  } catch {
    return false // not UTF-8 or not JSON
  }
}

/**
 * The five parts of a compact JWE in the one shape `encryptSession` makes, or null: the exact
 * header, an empty encrypted key (`dir`), a 12-byte IV, a 16-byte tag, strict base64url. Both
 * paths call this before any key is used, so they refuse the same tokens.
 */
function parseCompactJwe(token: string): CompactJwe | null {
  if (token.length > MAX_TOKEN_LENGTH) return null
  const parts = token.split('.')
  if (parts.length !== 5) return null
  const [header = '', encryptedKey, ivPart = '', ciphertextPart = '', tagPart = ''] = parts
  if (encryptedKey !== '' || !isSessionHeader(header)) return null
  const iv = decodeBase64url(ivPart)
  const ciphertext = decodeBase64url(ciphertextPart)
  const tag = decodeBase64url(tagPart)
  if (!iv || !ciphertext || !tag || iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null
  const aad =
    header === SESSION_HEADER_SEGMENT ? SESSION_HEADER_AAD : new TextEncoder().encode(header)
  return { compact: token, aad, iv, ciphertext, tag }
}

/** A token under `SESSION_HEADER_SEGMENT` from its IV, ciphertext and tag. */
function formatCompactJwe(iv: Uint8Array, ciphertext: Uint8Array, tag: Uint8Array): string {
  const parts = [iv, ciphertext, tag].map(encodeBase64url)
  return `${SESSION_HEADER_SEGMENT}..${parts.join('.')}`
}

export {
  CONTENT_ENCRYPTION_ALGORITHM,
  decodeBase64url,
  encodeBase64url,
  formatCompactJwe,
  IV_BYTES,
  KEY_MANAGEMENT_ALGORITHM,
  MAX_TOKEN_LENGTH,
  parseCompactJwe,
  SESSION_HEADER_AAD,
  TAG_BYTES,
  utf8,
}
export type { CompactJwe, SessionJwe }
