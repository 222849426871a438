import 'server-only'
import { sessionCookieCandidates } from './cookie-candidates'
import { checkMaxLifetime, type MaxLifetimeOption } from './max-lifetime'
import {
  pendingOf,
  pendingRevocationCookie,
  readPendingRevocations,
  settlePendingRevocations,
} from './pending-revocation'
import { decryptFirstValid, resolveOpenedSession, type LoadUser } from './resolve-session'
import { checkRevocationOptions, revokeSession, type RevocationOptions } from './revocation-check'
import { RevocationStoreError } from './revocation-store'
import { isSameOrigin, parseAllowedOrigins } from './same-origin'
import {
  clearingHeaders,
  errorAnswer,
  NO_STORE,
  sessionAnswer,
  storeDown,
} from './session-responses'
import { checkRenewalOptions, renewIfDue, type RenewalOption } from './session-renewal'

/** What `createSessionRoute` needs from the app. */
type SessionRouteOptions = MaxLifetimeOption &
  RenewalOption & {
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
  /**
   * 200 + `SessionPayload`; clears a stale cookie; renews a session that is due (with `renewal`);
   * 503 when the store is down, 500 on other failures.
   */
  GET: (request: Request) => Promise<Response>
  /**
   * Signs out: revokes the session, clears the cookie, 204; 403 from another origin (see
   * `isSameOrigin`). With the store down: still clears the cookie, answers 503 and keeps the
   * session in a pending-revocation cookie that the retried DELETE revokes (see
   * pending-revocation.ts); 400 when that cookie is not one this server made.
   */
  DELETE: (request: Request) => Promise<Response>
}

/**
 * The GET and DELETE handlers of /api/session, as plain `Request -> Response` functions: they
 * read the cookie from the `Cookie` header (no `next/headers`), so tests call them directly.
 */
function createSessionRoute(options: SessionRouteOptions): SessionRoute {
  const { loadUser, now = Date.now, allowedOrigins = [], revocation } = options
  const extraOrigins = parseAllowedOrigins(allowedOrigins)
  checkRevocationOptions(revocation)
  const maxLifetimeSeconds = checkMaxLifetime(options.maxLifetimeSeconds)
  // The store with how long its entries last: the renewal cap, so no renewed token outlives one.
  const entries = revocation && { ...revocation, maxLifetimeSeconds }
  const renewal = checkRenewalOptions(options.renewal)
  const policy = renewal && { renewal, maxLifetimeSeconds }

  async function GET(request: Request): Promise<Response> {
    const at = now()
    try {
      // Every session cookie value under the current name, not just one: a cookie planted by a
      // sibling subdomain (possible only for the plain `session` name of development) must not
      // hide the real one (and get it cleared below).
      const candidates = sessionCookieCandidates(request.headers.get('cookie'))
      const { payload, session } = await resolveOpenedSession(candidates, loadUser, {
        now: at,
        revocation,
      })
      // Only a session that passed the store and loadUser just now is renewed.
      const renewed = policy && session ? await renewIfDue(session, policy, at) : null
      const settled = await settlePendingRevocations(request, entries, at)
      return sessionAnswer(payload, renewed, settled)
    } catch (error) {
      // Not a sign-out: the client keeps the user and retries after Retry-After.
      if (error instanceof RevocationStoreError) return storeDown(NO_STORE)
      // loadUser failed or SESSION_SECRET is unusable: an error, never "unauthenticated", or a
      // database hiccup would sign everyone out. Details go to the server log, not the client.
      console.error('GET /api/session failed:', error)
      return errorAnswer(500, 'Session check failed')
    }
  }

  async function DELETE(request: Request): Promise<Response> {
    if (!isSameOrigin(request, extraOrigins)) {
      return errorAnswer(403, 'Cross-origin request refused')
    }
    const at = now()
    const path = new URL(request.url).pathname // the client retries here: the pending cookie's path
    const pending = await readPendingRevocations(request, at)
    const candidates = sessionCookieCandidates(request.headers.get('cookie'))
    const opened = await decryptFirstValid(candidates, { now: at })
    const sessions = [...pending.sessions, ...(opened.ok ? pendingOf(opened.session) : [])]
    const headers = clearingHeaders()
    try {
      if (entries) for (const session of sessions) await revokeSession(entries, session, at)
    } catch (error) {
      // The user asked to leave: the cookie goes anyway. The 503 makes the client retry, and the
      // pending cookie gives that retry the sessions to revoke.
      console.error('DELETE /api/session could not revoke the session:', error)
      if (!(error instanceof RevocationStoreError)) {
        return errorAnswer(500, 'Sign-out failed', headers)
      }
      headers.append('Set-Cookie', (await pendingRevocationCookie(sessions, path, at)).header)
      return storeDown(headers)
    }
    if (pending.status !== 'none') {
      headers.append('Set-Cookie', (await pendingRevocationCookie([], path, at)).header)
    }
    if (pending.status === 'refused') {
      console.warn('DELETE /api/session: cleared a pending-revocation cookie it did not seal')
      return errorAnswer(400, 'Pending revocation refused: not a cookie this server made', headers)
    }
    return new Response(null, { status: 204, headers })
  }

  return { GET, DELETE }
}

export { createSessionRoute }
export type { SessionRoute, SessionRouteOptions }
