import 'server-only'
import { sessionCookieName } from '../shared/constants'

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
  /** Seconds; only set (to 0) when clearing. */
  maxAge?: number
}

/**
 * Whether the session cookie is `Secure`: in production (HTTPS), not in development, tests or
 * Storybook (http://localhost). Read per call, not at import: the same module serves all of them.
 */
function isSessionCookieSecure(): boolean {
  return process.env.NODE_ENV === 'production'
}

/**
 * The one name readers accept now: `__Host-session` when the cookie is `Secure`, `session`
 * otherwise (see `sessionCookieName`). Writers name their cookie from their own options' `secure`.
 */
function currentSessionCookieName(): string {
  return sessionCookieName(isSessionCookieSecure())
}

/** Attributes for a live session cookie that expires when its token does. */
function sessionCookieOptions(expires: Date): SessionCookieOptions {
  return { httpOnly: true, secure: isSessionCookieSecure(), sameSite: 'lax', path: '/', expires }
}

/** The same attributes, expired: sent with an empty value, this deletes the cookie. */
function clearedSessionCookieOptions(): SessionCookieOptions {
  return { ...sessionCookieOptions(new Date(0)), maxAge: 0 }
}

/** `Set-Cookie` header value for plain `Response`s (the route handler has no `cookies()`). */
function serializeSessionCookie(
  name: string,
  value: string,
  options: SessionCookieOptions,
): string {
  const parts = [
    `${name}=${value}`,
    `Path=${options.path}`,
    `Expires=${options.expires.toUTCString()}`,
  ]
  if (options.maxAge !== undefined) parts.push(`Max-Age=${options.maxAge}`)
  if (options.secure) parts.push('Secure')
  parts.push('HttpOnly', 'SameSite=Lax')
  return parts.join('; ')
}

export {
  clearedSessionCookieOptions,
  currentSessionCookieName,
  isSessionCookieSecure,
  serializeSessionCookie,
  sessionCookieOptions,
}
export type { SessionCookieOptions }
