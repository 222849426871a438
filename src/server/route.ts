import 'server-only'
import type { SessionPayload, UnauthenticatedReason } from '../shared/types'
import { sessionCookieCandidates } from './cookie-candidates'
import { clearedSessionCookie } from './cookie'
import { decryptFirstValid, resolveSession, type LoadUser } from './resolve-session'
import { checkMaxLifetime, type MaxLifetimeOption } from './max-lifetime'
import {
  checkRevocationOptions,
  revokeSession,
  type RevocationOptions,
  type RevocationWithLifetime,
} from './revocation-check'
import { RevocationStoreError } from './revocation-store'
import { isSameOrigin, parseAllowedOrigins } from './same-origin'

// Every answer depends on the caller's cookie: no browser, CDN or proxy may store it.
const NO_STORE = { 'Cache-Control': 'no-store' }
/**
 * Seconds a client waits before asking again while the revocation store is down: the client's
 * backoff grows past it on its own, and a store back within a few seconds is seen soon.
 */
const STORE_DOWN_RETRY_SECONDS = 5

/** What `createSessionRoute` needs from the app. */
type SessionRouteOptions = MaxLifetimeOption & {
  /** The app's user lookup; null means revoked. */
  loadUser: LoadUser
  /** Clock in epoch ms; defaults to `Date.now`. Tests pass a controlled one. */
  now?: () => number
  /**
   * Other origins allowed to sign users out, exact (`https://admin.example.com`): the app's own
   * host, as the browser used it, always is.
   */
  allowedOrigins?: readonly string[]
  /** Where sessions are revoked: GET checks it, DELETE revokes the session. None: not revocable. */
  revocation?: RevocationOptions
}

/** The handlers to export from `app/api/session/route.ts`. */
type SessionRoute = {
  /** 200 + `SessionPayload`; clears a stale cookie; 503 when the store is down, 500 on other failures. */
  GET: (request: Request) => Promise<Response>
  /**
   * Signs out: revokes the session, clears the cookie, 204; 403 from another origin (see
   * `isSameOrigin`); with the store down, still clears the cookie but answers 503 (retry it).
   */
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
  return { ...NO_STORE, 'Set-Cookie': clearedSessionCookie().header }
}

/** 503 + Retry-After: the store could not tell, so the client keeps its state and asks again. */
function storeDown(headers: HeadersInit): Response {
  const retry = { ...headers, 'Retry-After': String(STORE_DOWN_RETRY_SECONDS) }
  return Response.json({ error: 'Session store unavailable' }, { status: 503, headers: retry })
}

/** Revokes the session of the request's cookie, if one opens (the one GET would have used). */
async function revokeRequestSession(
  request: Request,
  revocation: RevocationWithLifetime,
  now: number,
) {
  const candidates = sessionCookieCandidates(request.headers.get('cookie'))
  const opened = await decryptFirstValid(candidates, { now })
  if (opened.ok) await revokeSession(revocation, opened.session, now)
}

/**
 * The GET and DELETE handlers of /api/session, as plain `Request -> Response` functions: they
 * read the cookie from the `Cookie` header (no `next/headers`), so tests call them directly.
 */
function createSessionRoute({
  loadUser,
  now = Date.now,
  allowedOrigins = [],
  revocation,
  maxLifetimeSeconds,
}: SessionRouteOptions): SessionRoute {
  const extraOrigins = parseAllowedOrigins(allowedOrigins)
  checkRevocationOptions(revocation)
  const lifetime = checkMaxLifetime(maxLifetimeSeconds)

  async function GET(request: Request): Promise<Response> {
    let payload: SessionPayload
    try {
      // Every session cookie value under the current name, not just one: a cookie planted by a
      // sibling subdomain (possible only for the plain `session` name of development) must not
      // hide the real one (and get it cleared below).
      const candidates = sessionCookieCandidates(request.headers.get('cookie'))
      payload = await resolveSession(candidates, loadUser, { now: now(), revocation })
    } catch (error) {
      // Not a sign-out: the client keeps the user and retries after Retry-After.
      if (error instanceof RevocationStoreError) return storeDown(NO_STORE)
      // loadUser failed or SESSION_SECRET is unusable: an error, never "unauthenticated", or a
      // database hiccup would sign everyone out. Details go to the server log, not the client.
      console.error('GET /api/session failed:', error)
      return Response.json({ error: 'Session check failed' }, { status: 500, headers: NO_STORE })
    }
    const stale = payload.status === 'unauthenticated' && clearsCookie(payload.reason)
    return Response.json(payload, { status: 200, headers: stale ? clearCookieHeaders() : NO_STORE })
  }

  async function DELETE(request: Request): Promise<Response> {
    if (!isSameOrigin(request, extraOrigins)) {
      const refused = { error: 'Cross-origin request refused' }
      return Response.json(refused, { status: 403, headers: NO_STORE })
    }
    try {
      if (revocation) {
        await revokeRequestSession(request, { ...revocation, maxLifetimeSeconds: lifetime }, now())
      }
    } catch (error) {
      // The user asked to leave: the cookie goes anyway; the 503 makes the client retry the revocation.
      console.error('DELETE /api/session could not revoke the session:', error)
      if (error instanceof RevocationStoreError) return storeDown(clearCookieHeaders())
      return Response.json(
        { error: 'Sign-out failed' },
        { status: 500, headers: clearCookieHeaders() },
      )
    }
    return new Response(null, { status: 204, headers: clearCookieHeaders() })
  }

  return { GET, DELETE }
}

export { createSessionRoute }
export type { SessionRoute, SessionRouteOptions }
