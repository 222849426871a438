import 'server-only'
import { cookies } from 'next/headers'
import { clearedSessionCookieHeader, sessionCookieName } from '../shared/constants'
import { encryptSession, sessionTimes } from './session'

/** Browsers drop a cookie whose name and value pass 4096 bytes, silently: we refuse loudly. */
const MAX_COOKIE_BYTES = 4096

/**
 * The session cookie's attributes, in the shape `cookies().set()` and `NextResponse.cookies.set()`
 * take. `createSession`, the route handler and the proxy all build them here, so setting and
 * clearing use identical attributes (a browser only replaces a cookie with the same name, path
 * and domain, and refuses to overwrite a `Secure` cookie from a non-secure response).
 */
type SessionCookieOptions = {
  /** Not readable by page scripts: XSS cannot steal the session. */
  httpOnly: true
  /** HTTPS only, in production; http://localhost works in development. */
  secure: boolean
  /** Sent on top-level navigations from other sites (links in) but not on their POSTs or fetches. */
  sameSite: 'lax'
  /** Every route sees the cookie. */
  path: '/'
  /** The token's own `exp`: the cookie and the token die together. */
  expires: Date
  /**
   * Whole seconds left until `expires`, rounded down (0 clears it): `Expires` alone outlives `exp`
   * by up to 1 s (Chromium dates it from the whole-second `Date` header); `Max-Age` wins over it.
   */
  maxAge: number
}

/** The session cookie as this server writes it: a name and the attributes that go with it. */
type SessionCookie = {
  /** `__Host-session` when `options.secure`, `session` otherwise (see `sessionCookieName`). */
  name: string
  /** What to pass to `cookies().set(name, value, options)`. */
  options: SessionCookieOptions
}

/** How `createSession` makes the session. */
type CreateSessionOptions = {
  /** Lifetime of the session (token and cookie), in whole seconds; at most 400 days. */
  maxAgeSeconds: number
}

/** The encrypted session would not fit in a cookie; the browser would have dropped it. */
class SessionCookieTooLargeError extends Error {
  override name = 'SessionCookieTooLargeError'
}

/**
 * Whether the session cookie is `Secure`: in production (HTTPS), not in development, tests or
 * Storybook (http://localhost). Read per call, not at import: the same module serves all of them.
 */
function isSessionCookieSecure(): boolean {
  return process.env.NODE_ENV === 'production'
}

/** A live session cookie's attributes: it ends with its token; `now` (epoch ms) gives `maxAge`. */
function sessionCookieOptions(expires: Date, now: number = Date.now()): SessionCookieOptions {
  const maxAge = Math.max(0, Math.floor((expires.getTime() - now) / 1000))
  const secure = isSessionCookieSecure()
  return { httpOnly: true, secure, sameSite: 'lax', path: '/', expires, maxAge }
}

/**
 * The name and the attributes from one `secure` decision: readers and writers all come here, so
 * none can pair `__Host-session` with a non-Secure cookie or read the name the other mode writes.
 */
function sessionCookie(expires: Date, now?: number): SessionCookie {
  const options = sessionCookieOptions(expires, now)
  return { name: sessionCookieName(options.secure), options }
}

/** The one name readers accept now: a plain `session` cookie is never read in production. */
function currentSessionCookieName(): string {
  return sessionCookie(new Date(0)).name // the name does not depend on the expiry
}

/**
 * The same cookie, empty and expired: setting it deletes the cookie. `header` is the contract's
 * `Set-Cookie` value for it, for plain `Response`s (the route handler has no `cookies()`).
 */
function clearedSessionCookie(): SessionCookie & { header: string } {
  const { name, options } = sessionCookie(new Date(0))
  return {
    name,
    options: { ...options, maxAge: 0 },
    header: clearedSessionCookieHeader(options.secure),
  }
}

/** `Set-Cookie` header value for plain `Response`s: `name=value` and `options`, as a browser reads them. */
function serializeSessionCookie(
  name: string,
  value: string,
  options: SessionCookieOptions,
): string {
  const { path, expires, maxAge, secure } = options
  const attributes = [`Path=${path}`, `Expires=${expires.toUTCString()}`, `Max-Age=${maxAge}`]
  if (secure) attributes.push('Secure')
  return [`${name}=${value}`, ...attributes, 'HttpOnly', 'SameSite=Lax'].join('; ')
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
  // One clock for the token and the cookie: `expires` is exactly the token's `exp`.
  const { expiresAt } = sessionTimes(maxAgeSeconds, now)
  const token = await encryptSession({ userId }, { maxAgeSeconds, now })
  const { name, options } = sessionCookie(new Date(expiresAt), now)
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
  const { name, options } = clearedSessionCookie()
  const store = await cookies()
  store.set(name, '', options)
}

export {
  clearedSessionCookie,
  createSession,
  currentSessionCookieName,
  deleteSession,
  isSessionCookieSecure,
  MAX_COOKIE_BYTES,
  serializeSessionCookie,
  sessionCookie,
  sessionCookieOptions,
  SessionCookieTooLargeError,
}
export type { CreateSessionOptions, SessionCookie, SessionCookieOptions }
