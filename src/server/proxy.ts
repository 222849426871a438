import 'server-only'
import { NextResponse, type NextRequest } from 'next/server'
import { HOME_PATH, LOGIN_PATH } from '../shared/constants'
import { loginHref, safeNextPath } from '../shared/redirect'
import { isLostSessionReason } from '../shared/reasons'
import { decryptFirstValid } from './resolve-session'
import { sessionCookieCandidates } from './cookie-candidates'
import { REQUEST_PATH_HEADER } from './dal'
import { clearedSessionCookie } from './cookie'
import { checkMaxLifetime, type MaxLifetimeOption } from './max-lifetime'
import { checkProxyPaths, decodePath, matchesAny } from './proxy-paths'
import {
  checkRevocationOptions,
  isSessionRevoked,
  type RevocationOptions,
} from './revocation-check'
import { RevocationStoreError } from './revocation-store'
import type { DecryptResult, SessionData } from './session'
import {
  checkRenewalOptions,
  renewalDue,
  renewIfDue,
  type RenewalOption,
  type RenewalPolicy,
} from './session-renewal'

/** Which paths `createSessionProxy` guards, where it sends visitors, and whether it renews. */
type SessionProxyOptions = MaxLifetimeOption &
  RenewalOption & {
    /** Paths (and everything below them) that need a valid session cookie. */
    protectedPaths: ReadonlyArray<string>
    /** Paths (and everything below them) for signed-out visitors only, such as the login page. */
    guestOnlyPaths: ReadonlyArray<string>
    /** Where visitors without a valid cookie are sent. Never protected. Defaults to `LOGIN_PATH`. */
    loginPath?: string
    /** Where signed-in visitors of a guest-only path go without a safe `next`. Defaults to `HOME_PATH`. */
    homePath?: string
    /** With `renewal`: a session due renewal is renewed only if this store says it is not revoked. */
    revocation?: RevocationOptions
    /** Clock in epoch ms; defaults to `Date.now`. Tests pass a controlled one. */
    now?: () => number
  }

/**
 * Sets a renewed session cookie on a response the proxy lets through, when one is due. With a
 * store, a revoked session is not renewed, and nor is any while the store is down (the page's own
 * check decides). Without one, the proxy cannot tell; a renewed revoked token still opens nowhere,
 * since its entry lasts until sign-in + the maximum lifetime, past any renewal.
 */
async function renewOnResponse(
  response: NextResponse,
  session: SessionData,
  policy: RenewalPolicy & { revocation: RevocationOptions | undefined },
  now: number,
): Promise<void> {
  if (renewalDue(session, policy, now) === null) return // most requests: no store call
  try {
    if (policy.revocation && (await isSessionRevoked(policy.revocation, session, now))) return
  } catch (error) {
    if (error instanceof RevocationStoreError) return
    throw error
  }
  const renewed = await renewIfDue(session, policy, now)
  if (renewed) response.cookies.set(renewed.cookie.name, renewed.token, renewed.cookie.options)
}

/**
 * The optimistic check for Next 16's `proxy.ts`: cookie only (no `loadUser`, no database), so it
 * is cheap on every navigation; `verifySession()` stays the real check. Throws at creation for a
 * config that could loop: a protected login path, or a guest-only home path. With `renewal`, a
 * request it lets through also renews a session that is due.
 */
function createSessionProxy(
  options: SessionProxyOptions,
): (request: NextRequest) => Promise<NextResponse> {
  const { protectedPaths, guestOnlyPaths, revocation, now = Date.now } = options
  const { loginPath = LOGIN_PATH, homePath = HOME_PATH } = options
  checkProxyPaths({ protectedPaths, guestOnlyPaths, loginPath, homePath })
  checkRevocationOptions(revocation)
  const maxLifetimeSeconds = checkMaxLifetime(options.maxLifetimeSeconds)
  const renewal = checkRenewalOptions(options.renewal)
  const policy = renewal && { renewal, maxLifetimeSeconds, revocation }

  return async function sessionProxy(request: NextRequest): Promise<NextResponse> {
    const { pathname, search, searchParams } = request.nextUrl
    const path = decodePath(pathname)
    // Every session cookie value (current name) from the raw header, as the route handler reads
    // them: `request.cookies` keeps only the last, so a planted cookie could make the two disagree.
    const candidates = sessionCookieCandidates(request.headers.get('cookie'))
    const at = now() // one clock for the checks and a renewal
    let opened: DecryptResult | undefined
    const open = async () => (opened ??= await decryptFirstValid(candidates, { now: at }))

    if (matchesAny(path, protectedPaths)) {
      const result = await open()
      if (!result.ok) {
        // loginHref keeps `reason` only for lost sessions: a plain visitor (`missing`) sees no toast.
        const href = loginHref(loginPath, { next: pathname + search, reason: result.reason })
        const response = NextResponse.redirect(new URL(href, request.url))
        if (result.reason !== 'missing') {
          const { name, options: cleared } = clearedSessionCookie()
          response.cookies.set(name, '', cleared)
        }
        return response
      }
    } else if (matchesAny(path, guestOnlyPaths)) {
      const result = await open()
      // A lost-session `reason` means the authoritative check (verifySession: revoked user) just
      // sent this visitor here while the cookie still decrypts. Bouncing them home would loop
      // (home -> login -> home); let the page load so its provider's GET clears the cookie.
      if (result.ok && !isLostSessionReason(searchParams.get('reason'))) {
        const next = safeNextPath(searchParams.get('next'), homePath)
        // `/auth?next=/auth` must not bounce a signed-in user back onto a guest-only path.
        const target = matchesAny(decodePath(new URL(next, request.url).pathname), guestOnlyPaths)
          ? homePath
          : next
        return NextResponse.redirect(new URL(target, request.url))
      }
    }

    // Passing through: tell Server Components which path was asked for (see REQUEST_PATH_HEADER).
    const headers = new Headers(request.headers)
    headers.set(REQUEST_PATH_HEADER, pathname + search)
    const response = NextResponse.next({ request: { headers } })
    // Not on a guest-only path: one let through carries a session verifySession just refused.
    const renews = policy && !matchesAny(path, guestOnlyPaths)
    const result = renews && (await open())
    if (renews && result && result.ok) {
      await renewOnResponse(response, result.session, policy, at)
    }
    return response
  }
}

export { createSessionProxy }
export type { SessionProxyOptions }
