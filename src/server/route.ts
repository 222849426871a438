import 'server-only'
import type { SessionPayload, UnauthenticatedReason } from '../shared/types'
import { resolveSession, type LoadUser } from './resolve-session'
import { sessionCookieCandidates } from './cookie-candidates'
import { clearedSessionCookie } from './cookie'

// Every answer depends on the caller's cookie: no browser, CDN or proxy may store it.
const NO_STORE = { 'Cache-Control': 'no-store' }

/** What `createSessionRoute` needs from the app. */
type SessionRouteOptions = {
  /** The app's user lookup; null means revoked. */
  loadUser: LoadUser
  /** Clock in epoch ms; defaults to `Date.now`. Tests pass a controlled one. */
  now?: () => number
  /**
   * Other origins allowed to sign users out, exact (`https://admin.example.com`): the app's own
   * host, as the browser used it, always is.
   */
  allowedOrigins?: readonly string[]
}

/** The handlers to export from `app/api/session/route.ts`. */
type SessionRoute = {
  /** 200 + `SessionPayload`; clears a stale cookie; 500 when the check itself failed. */
  GET: (request: Request) => Promise<Response>
  /** Signs out: clears the cookie, 204; 403 from another origin (see `isSameOrigin`). */
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

/** Each entry must be an exact origin: a typo would silently refuse (or allow) the wrong site. */
function parseAllowedOrigins(origins: readonly string[]): ReadonlySet<string> {
  for (const entry of origins) {
    // `*` parses as a host character: `https://*.example` would be accepted and match nothing.
    if (entry.includes('*')) {
      throw new TypeError(
        `createSessionRoute: allowedOrigins takes exact origins, not patterns; list each one instead of ${JSON.stringify(entry)}`,
      )
    }
    const origin = URL.canParse(entry) ? new URL(entry).origin : 'null'
    if (origin !== entry) {
      const hint = origin === 'null' ? '' : ` (did you mean ${JSON.stringify(origin)}?)`
      throw new TypeError(
        `createSessionRoute: allowedOrigins entries must be origins like "https://admin.example.com" (scheme and host, no path), got ${JSON.stringify(entry)}${hint}`,
      )
    }
  }
  return new Set(origins)
}

/**
 * The host the browser addressed: the first `X-Forwarded-Host` (a reverse proxy's; it must drop
 * any client-sent one), else `Host`. Never `request.url` alone: `next start` builds it from its
 * own hostname (`localhost`), whatever the browser used. The URL is the fallback only for a
 * Request without a Host header (tests, other runtimes).
 */
function addressedHost(request: Request): string {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim()
  return forwarded || request.headers.get('host') || new URL(request.url).host
}

/** `Origin`'s host against the addressed one, both through the URL parser (case, default port). */
function isSameHost(origin: URL, request: Request): boolean {
  const addressed = addressedHost(request)
  const host = URL.canParse(`${origin.protocol}//${addressed}`)
    ? new URL(`${origin.protocol}//${addressed}`).host
    : null
  return host === origin.host
}

/**
 * Whether a state-changing request comes from the app's own pages (what Next's Server Action
 * check does): a form or fetch from another site must not sign anyone out.
 */
function isSameOrigin(request: Request, allowedOrigins: ReadonlySet<string>): boolean {
  const fetchSite = request.headers.get('sec-fetch-site')
  // Set by the browser itself, never by page scripts: the strongest signal when present.
  if (fetchSite === 'same-origin') return true
  if (fetchSite === 'cross-site') return false
  const origin = request.headers.get('origin')
  // Browsers send Origin on every DELETE: without it and without Sec-Fetch-Site, this is not a
  // browser's cross-site request (curl, a server-side call), which CSRF cannot forge.
  if (origin === null) return fetchSite === null
  if (allowedOrigins.has(origin)) return true
  // `null` (sandboxed frames, some redirects) and anything unparsable name no site we know.
  if (!URL.canParse(origin) || new URL(origin).origin === 'null') return false
  // Left: `same-site` (a sibling host must match too), `none`, or a browser without the header.
  return isSameHost(new URL(origin), request)
}

/**
 * The GET and DELETE handlers of /api/session, as plain `Request -> Response` functions: they
 * read the cookie from the `Cookie` header (no `next/headers`), so tests call them directly.
 */
function createSessionRoute({
  loadUser,
  now = Date.now,
  allowedOrigins = [],
}: SessionRouteOptions): SessionRoute {
  const extraOrigins = parseAllowedOrigins(allowedOrigins)

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
    if (isSameOrigin(request, extraOrigins)) {
      return new Response(null, { status: 204, headers: clearCookieHeaders() })
    }
    const refused = { error: 'Cross-origin request refused' }
    return Response.json(refused, { status: 403, headers: NO_STORE })
  }

  return { GET, DELETE }
}

export { createSessionRoute }
export type { SessionRoute, SessionRouteOptions }
