import 'server-only'
import { cookies, headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { cache } from 'react'
import { LOGIN_PATH } from '../shared/constants'
import { loginHref } from '../shared/redirect'
import type { SessionPayload, SessionUser } from '../shared/types'
import { decryptFirstValid, resolveOpenedSession, type LoadUser } from './resolve-session'
import { cookieValueNextReads, sessionCookieCandidates } from './cookie-candidates'
import { currentSessionCookieName } from './cookie'
import { checkMaxLifetime, type MaxLifetimeOption } from './max-lifetime'
import { checkRevocationOptions, type RevocationOptions } from './revocation-check'
import { checkRenewalOptions, renewalDue, type RenewalOption } from './session-renewal'
import { createSignOuts, type SignOuts } from './sign-out'

/**
 * Request header the session proxy sets on every request it lets through: the path and query
 * the browser asked for. Server Components do not know their own URL, so `verifySession()` reads
 * it to send users back where they were after sign-in. The proxy overwrites any value a client
 * sends, and the value still goes through `safeNextPath` before it is used. Defined here, where it
 * is read, not in proxy.ts: that one imports next/server, which the DAL must not load in a browser
 * (Storybook).
 */
const REQUEST_PATH_HEADER = 'x-session-kit-path'

/** What `createSessionDal` needs from the app. */
type SessionDalOptions = MaxLifetimeOption &
  RenewalOption & {
    /** The app's user lookup; null means revoked. */
    loadUser: LoadUser
    /** Where `verifySession()` sends users without a session. Defaults to `LOGIN_PATH`. */
    loginPath?: string
    /** Where sessions are revoked; checked once per request. None: sessions are not revocable. */
    revocation?: RevocationOptions
  }

/** Per-call options of `verifySession()`. */
type VerifySessionOptions = {
  /** Where to come back after sign-in; defaults to the path the session proxy saw. */
  next?: string
}

/** What `verifySession()` returns: only ever a signed-in session (otherwise it redirects). */
type VerifiedSession = {
  /** The signed-in user, as `loadUser` returned it. */
  user: SessionUser
  /** When the session ends, ISO 8601. */
  expiresAt: string
  /**
   * With `renewal`: the session is due a new cookie, which a Server Component cannot set. The
   * route handler's GET (the provider asks it on navigation and focus) and the proxy renew it.
   */
  renewalDue: boolean
}

/** The data access layer for one app: the two checks are cached per request. */
type SessionDal = SignOuts & {
  /** The session for this request, as GET /api/session would answer it. Never redirects. */
  getSession: () => Promise<SessionPayload>
  /** The signed-in user, or a redirect to the login path; throws when the store is down. */
  verifySession: (options?: VerifySessionOptions) => Promise<VerifiedSession>
}

/**
 * The cookie values to try for this request. `cookies()` keeps one value (the one Next reads from
 * the header) but also sees a cookie written earlier in this request (a Server Action's
 * `createSession`/`deleteSession`, a proxy's Set-Cookie), which the raw header does not. So when
 * `cookies()` differs from what Next reads from the header, the value was written now and it alone
 * counts (none at all if it was deleted), or a sign-out in a Server Action would fall back to the
 * old cookie still in the header. Asking "is it somewhere in the header?" is not enough: a planted
 * empty `session=` would make the cleared value look like one the browser sent. Otherwise every
 * header value, exactly as GET /api/session and the proxy read them.
 */
function requestSessionCandidates(
  fromCookies: string | undefined,
  cookieHeader: string | null,
  name: string,
): string[] {
  if (fromCookies !== cookieValueNextReads(cookieHeader, name)) {
    return fromCookies === undefined ? [] : [fromCookies]
  }
  return sessionCookieCandidates(cookieHeader, name)
}

/**
 * The authoritative check for pages, actions and route handlers. A factory, not two plain
 * functions, because only the app knows how to load its users (`loadUser`). Both functions are
 * wrapped in React `cache`: within one request the cookie is opened and `loadUser` runs once
 * however many components ask. Server Components cannot delete cookies, so a stale cookie stays
 * until the route handler or the proxy clears it.
 */
function createSessionDal({
  loadUser,
  loginPath = LOGIN_PATH,
  revocation,
  ...options
}: SessionDalOptions): SessionDal {
  loginHref(loginPath) // throws now, at startup, for a login path that is not a plain path
  checkRevocationOptions(revocation)
  const maxLifetimeSeconds = checkMaxLifetime(options.maxLifetimeSeconds)
  const renewal = checkRenewalOptions(options.renewal)

  async function candidates(): Promise<string[]> {
    const [store, requestHeaders] = await Promise.all([cookies(), headers()])
    // `__Host-session` in production, `session` otherwise; the other name is never read.
    const name = currentSessionCookieName()
    return requestSessionCandidates(store.get(name)?.value, requestHeaders.get('cookie'), name)
  }

  // One clock reading per request: the payload and `renewalDue` must agree.
  const resolved = cache(async () => {
    const now = Date.now()
    return {
      now,
      ...(await resolveOpenedSession(await candidates(), loadUser, { now, revocation })),
    }
  })
  const getSession = async (): Promise<SessionPayload> => (await resolved()).payload

  // Keyed by the `next` string, not the options object: React `cache` compares arguments by
  // identity, and two `{ next: '/x' }` literals are different objects.
  const verify = cache(async (next: string | undefined): Promise<VerifiedSession> => {
    const { payload: session, session: opened, now } = await resolved()
    if (session.status === 'authenticated') {
      const due = renewal && opened && renewalDue(opened, { renewal, maxLifetimeSeconds }, now)
      return {
        user: session.user,
        expiresAt: session.expiresAt,
        renewalDue: typeof due === 'number',
      }
    }
    const requestPath = next ?? (await headers()).get(REQUEST_PATH_HEADER) ?? undefined
    // loginHref drops an unsafe `next` and keeps only lost-session reasons (no toast on `missing`).
    redirect(loginHref(loginPath, { next: requestPath, reason: session.reason }))
  })

  const openCookie = async () => decryptFirstValid(await candidates())
  const revocations = revocation && { ...revocation, maxLifetimeSeconds }
  const signOuts = createSignOuts({ revocation: revocations, loginPath, getSession, openCookie })
  return { getSession, verifySession: (options = {}) => verify(options.next), ...signOuts }
}

export { createSessionDal, REQUEST_PATH_HEADER }
export type { SessionDal, SessionDalOptions, VerifiedSession, VerifySessionOptions }
