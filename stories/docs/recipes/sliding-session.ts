import 'server-only'
import {
  encryptSession,
  sessionCookieOptions,
  type SessionCookieOptions,
} from '@/lib/session/server'
import { sessionTimes } from '@/lib/session/server/session'
import { sessionCookieName } from '@/lib/session/shared/constants'

/**
 * lib/session/sliding-session.ts: the part of a sliding session that the proxy and the route
 * handler share. A session lasts SESSION_MAX_AGE_SECONDS after the last request that renewed it.
 * Your sign-in action must use the same number: createSession(user.id, { maxAgeSeconds:
 * SESSION_MAX_AGE_SECONDS }).
 */
const SESSION_MAX_AGE_SECONDS = 30 * 60 // 30 minutes of inactivity end the session
/** Renew only when less than half the lifetime is left (ms): a Set-Cookie every ~15 minutes of activity, not one per request. */
const RENEW_WHEN_LEFT_MS = (SESSION_MAX_AGE_SECONDS * 1000) / 2

/** A renewed session cookie, ready for `response.cookies.set()` or `serializeSessionCookie()`. */
type RenewedSessionCookie = {
  /** `__Host-session` in production, `session` otherwise: the name the kit's readers expect. */
  name: string
  /** The new encrypted token. */
  value: string
  /** The kit's cookie attributes, expiring with the new token. */
  options: SessionCookieOptions
  /** When the new token expires, epoch ms. */
  expiresAt: number
}

/**
 * A new cookie for `userId` if the session that ends at `expiresAt` (epoch ms) is past half its
 * life, else null. Call it only for a session the kit has already found valid.
 */
async function renewSession(
  userId: string,
  expiresAt: number,
  now: number = Date.now(),
): Promise<RenewedSessionCookie | null> {
  if (expiresAt - now > RENEW_WHEN_LEFT_MS) return null
  const value = await encryptSession({ userId }, { maxAgeSeconds: SESSION_MAX_AGE_SECONDS, now })
  // The same clock as the token's own `exp`, so the cookie and the token die together.
  const renewed = sessionTimes(SESSION_MAX_AGE_SECONDS, now)
  const options = sessionCookieOptions(new Date(renewed.expiresAt), now)
  return { name: sessionCookieName(options.secure), value, options, expiresAt: renewed.expiresAt }
}

export { renewSession, SESSION_MAX_AGE_SECONDS }
export type { RenewedSessionCookie }
