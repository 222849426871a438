import 'server-only'
import type { SessionPayload, UnauthenticatedReason } from '../shared/types'
import { clearedSessionCookie, serializeSessionCookie } from './cookie'
import type { RenewedSession } from './session-renewal'

// The answers of /api/session (route.ts), one maker each, so GET and DELETE say the same thing the
// same way.

/** Every answer depends on the caller's cookie: no browser, CDN or proxy may store it. */
const NO_STORE = { 'Cache-Control': 'no-store' }
/**
 * Seconds a client waits before asking again while the revocation store is down: the client's
 * backoff grows past it on its own, and a store back within a few seconds is seen soon.
 */
const STORE_DOWN_RETRY_SECONDS = 5

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

/** No-store headers that also clear the session cookie. */
function clearingHeaders(): Headers {
  const headers = new Headers(NO_STORE)
  headers.append('Set-Cookie', clearedSessionCookie().header)
  return headers
}

/**
 * GET's 200: the payload; a stale cookie cleared; a renewed session's new cookie and its new
 * `expiresAt`, so the client's expiry timer moves with the cookie; and `alsoSet`, a further
 * `Set-Cookie` (a settled pending revocation's), if any.
 */
function sessionAnswer(
  payload: SessionPayload,
  renewed: RenewedSession | null,
  alsoSet: string | null = null,
): Response {
  const stale = payload.status === 'unauthenticated' && clearsCookie(payload.reason)
  const headers = stale ? clearingHeaders() : new Headers(NO_STORE)
  if (alsoSet !== null) headers.append('Set-Cookie', alsoSet)
  if (payload.status === 'unauthenticated' || !renewed) {
    return Response.json(payload, { status: 200, headers })
  }
  const { cookie, token, expiresAt } = renewed
  headers.append('Set-Cookie', serializeSessionCookie(cookie.name, token, cookie.options))
  const body = { ...payload, expiresAt: new Date(expiresAt).toISOString() }
  return Response.json(body, { status: 200, headers })
}

/** 503 + Retry-After: the store could not tell, so the client keeps its state and asks again. */
function storeDown(headers: HeadersInit): Response {
  const retry = new Headers(headers)
  retry.set('Retry-After', String(STORE_DOWN_RETRY_SECONDS))
  return Response.json({ error: 'Session store unavailable' }, { status: 503, headers: retry })
}

/** A JSON error with no-store headers (and whatever else `headers` sets). */
function errorAnswer(status: number, error: string, headers: HeadersInit = NO_STORE): Response {
  return Response.json({ error }, { status, headers })
}

export {
  clearingHeaders,
  errorAnswer,
  NO_STORE,
  sessionAnswer,
  STORE_DOWN_RETRY_SECONDS,
  storeDown,
}
