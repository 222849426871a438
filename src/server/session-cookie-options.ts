import 'server-only'

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

/** Attributes for a live session cookie that expires when its token does. */
function sessionCookieOptions(expires: Date): SessionCookieOptions {
  // Read per call, not at import: the same module serves tests, development and production.
  const secure = process.env.NODE_ENV === 'production'
  return { httpOnly: true, secure, sameSite: 'lax', path: '/', expires }
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

export { clearedSessionCookieOptions, serializeSessionCookie, sessionCookieOptions }
export type { SessionCookieOptions }
