import 'server-only'
import { decodeBase64url, encodeBase64url } from './compact-jwe'

/** Random bytes in a session id: 16 bytes = 128 bits, OWASP's minimum for a session identifier. */
const SESSION_ID_BYTES = 16
/** Characters of a session id: 16 bytes in unpadded base64url are 22 characters. */
const SESSION_ID_LENGTH = 22

/**
 * Whether `value` is a session id as `newSessionId` makes them: 22 characters of strict base64url
 * (see `decodeBase64url`: one spelling per id, so a revocation keyed by an id cannot be dodged by
 * respelling it).
 */
function isSessionId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length === SESSION_ID_LENGTH &&
    decodeBase64url(value) !== null
  )
}

/** A new random session id (the token's `sid` claim): 16 bytes from `crypto.getRandomValues`. */
function newSessionId(): string {
  return encodeBase64url(crypto.getRandomValues(new Uint8Array(SESSION_ID_BYTES)))
}

export { isSessionId, newSessionId, SESSION_ID_LENGTH }
