import 'server-only'
import { cookies } from 'next/headers'
import { sessionCookieName } from '../shared/constants'
import { encryptSession, sessionTimes } from './session'
import { clearedSessionCookieOptions, sessionCookieOptions } from './cookie-options'

/** Browsers drop a cookie whose name and value pass 4096 bytes, silently: we refuse loudly. */
const MAX_COOKIE_BYTES = 4096

/** The encrypted session would not fit in a cookie; the browser would have dropped it. */
class SessionCookieTooLargeError extends Error {
  override name = 'SessionCookieTooLargeError'
}

/** How `createSession` makes the session. */
type CreateSessionOptions = {
  /** Lifetime of the session (token and cookie), in whole seconds. */
  maxAgeSeconds: number
}

/**
 * Signs `userId` in: encrypts a session token and sets it as the session cookie. Call it from a
 * Server Action or route handler (where cookies can be set). Returns the expiry in epoch ms.
 */
async function createSession(
  userId: string,
  { maxAgeSeconds }: CreateSessionOptions,
): Promise<{ expiresAt: number }> {
  const now = Date.now()
  // The same clock for the token and the cookie: `expires` is exactly the token's `exp`.
  const { expiresAt } = sessionTimes(maxAgeSeconds, now)
  const token = await encryptSession({ userId }, { maxAgeSeconds, now })
  const options = sessionCookieOptions(new Date(expiresAt))
  // `__Host-session` when Secure (production), `session` otherwise: the name follows the options.
  const name = sessionCookieName(options.secure)
  const bytes = new TextEncoder().encode(`${name}=${token}`).length
  if (bytes > MAX_COOKIE_BYTES) {
    throw new SessionCookieTooLargeError(
      `The session cookie would be ${bytes} bytes; browsers drop cookies over ${MAX_COOKIE_BYTES}. ` +
        'Keep only the user id in the session and load the rest with loadUser.',
    )
  }
  const store = await cookies()
  store.set(name, token, options)
  return { expiresAt }
}

/** Signs out on this browser: clears the session cookie (same attributes, expired). */
async function deleteSession(): Promise<void> {
  const options = clearedSessionCookieOptions()
  const store = await cookies()
  store.set(sessionCookieName(options.secure), '', options)
}

export { createSession, deleteSession, MAX_COOKIE_BYTES, SessionCookieTooLargeError }
export type { CreateSessionOptions }
