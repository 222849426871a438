import 'server-only'
import { sessionCookieName } from '../shared/constants'
import type { SessionPayload, UnauthenticatedReason } from '../shared/types'
import { resolveSession, type LoadUser } from './resolve-session'
import { sessionCookieCandidates } from './session-cookie-candidates'
import { clearedSessionCookieOptions, serializeSessionCookie } from './session-cookie-options'

// Every answer depends on the caller's cookie: no browser, CDN or proxy may store it.
const NO_STORE = { 'Cache-Control': 'no-store' }

/** What `createSessionRoute` needs from the app. */
type SessionRouteOptions = {
  /** The app's user lookup; null means revoked. */
  loadUser: LoadUser
  /** Clock in epoch ms; defaults to `Date.now`. Tests pass a controlled one. */
  now?: () => number
}

/** The handlers to export from `app/api/session/route.ts`. */
type SessionRoute = {
  /** 200 + `SessionPayload`; clears a stale cookie; 500 when the check itself failed. */
  GET: (request: Request) => Promise<Response>
  /** Signs out: clears the cookie, 204; 403 for a cross-site request. */
  DELETE: (request: Request) => Promise<Response>
}

/** Whether this reason means a cookie is still in the browser that must go. */
function clearsCookie(reason: UnauthenticatedReason): boolean {
  switch (reason) {
    case 'missing':
      return false // nothing to clear: answering with a Set-Cookie would only add noise
    case 'expired':
    case 'invalid':
    case 'revoked':
      return true
    default:
      return reason satisfies never
  }
}

function clearCookieHeaders(): HeadersInit {
  const options = clearedSessionCookieOptions()
  // The name that goes with these attributes: `__Host-session` when Secure, else `session`.
  const cleared = serializeSessionCookie(sessionCookieName(options.secure), '', options)
  return { ...NO_STORE, 'Set-Cookie': cleared }
}

/** A cross-site caller (a form or fetch from another origin) must not sign anyone out. */
function isCrossSite(request: Request): boolean {
  if (request.headers.get('sec-fetch-site') === 'cross-site') return true
  const origin = request.headers.get('origin')
  return origin !== null && origin !== new URL(request.url).origin
}

/**
 * The GET and DELETE handlers of /api/session, as plain `Request -> Response` functions: they
 * read the cookie from the `Cookie` header (no `next/headers`), so tests call them directly.
 */
function createSessionRoute({ loadUser, now = Date.now }: SessionRouteOptions): SessionRoute {
  async function GET(request: Request): Promise<Response> {
    let payload: SessionPayload
    try {
      // Every session cookie value under the current name, not just one: a cookie planted by a
      // sibling subdomain (possible only for the plain `session` name of development) must not
      // hide the real one (and get it cleared below).
      const candidates = sessionCookieCandidates(request.headers.get('cookie'))
      payload = await resolveSession(candidates, loadUser, { now: now() })
    } catch (error) {
      // loadUser failed or SESSION_SECRET is unusable: an error, never "unauthenticated", or a
      // database hiccup would sign everyone out. Details go to the server log, not the client.
      console.error('GET /api/session failed:', error)
      return Response.json({ error: 'Session check failed' }, { status: 500, headers: NO_STORE })
    }
    const stale = payload.status === 'unauthenticated' && clearsCookie(payload.reason)
    return Response.json(payload, { status: 200, headers: stale ? clearCookieHeaders() : NO_STORE })
  }

  async function DELETE(request: Request): Promise<Response> {
    if (isCrossSite(request)) {
      return Response.json(
        { error: 'Cross-origin request refused' },
        { status: 403, headers: NO_STORE },
      )
    }
    return new Response(null, { status: 204, headers: clearCookieHeaders() })
  }

  return { GET, DELETE }
}

export { createSessionRoute }
export type { SessionRoute, SessionRouteOptions }
