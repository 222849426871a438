import 'server-only'
import { NextResponse, type NextRequest } from 'next/server'
import { HOME_PATH, LOGIN_PATH } from '../shared/constants'
import { loginHref, safeNextPath } from '../shared/redirect'
import { isLostSessionReason } from '../shared/reasons'
import { decryptFirstValid } from './resolve-session'
import { sessionCookieCandidates } from './cookie-candidates'
import { REQUEST_PATH_HEADER } from './dal'
import { clearedSessionCookie } from './cookie'

/** Which paths `createSessionProxy` guards, and where it sends visitors. */
type SessionProxyOptions = {
  /** Paths (and everything below them) that need a valid session cookie. */
  protectedPaths: ReadonlyArray<string>
  /** Paths (and everything below them) for signed-out visitors only, such as the login page. */
  guestOnlyPaths: ReadonlyArray<string>
  /** Where visitors without a valid cookie are sent. Never protected. Defaults to `LOGIN_PATH`. */
  loginPath?: string
  /** Where signed-in visitors of a guest-only path go without a safe `next`. Defaults to `HOME_PATH`. */
  homePath?: string
}

// A plain absolute path: `/`, or `/segment/segment` with no query, hash, empty, `.` or `..`
// segment, trailing slash, backslash, whitespace or control character.
const PLAIN_PATH = /^\/(?:[^/?#\\\s\p{Cc}]+(?:\/[^/?#\\\s\p{Cc}]+)*)?$/u
const DOT_SEGMENT = /\/\.\.?(?:\/|$)/

function assertPlainPath(path: unknown, option: string): asserts path is string {
  if (typeof path !== 'string' || !PLAIN_PATH.test(path) || DOT_SEGMENT.test(path)) {
    throw new TypeError(
      `createSessionProxy: ${option} must be a plain absolute path like '/dashboard', got ${JSON.stringify(path)}`,
    )
  }
}

/** Segment-boundary match: `/dashboard` covers `/dashboard` and `/dashboard/x`, not `/dashboards`. */
function isUnder(pathname: string, base: string): boolean {
  return base === '/' || pathname === base || pathname.startsWith(`${base}/`)
}

function matchesAny(pathname: string, bases: ReadonlyArray<string>): boolean {
  return bases.some((base) => isUnder(pathname, base))
}

/** `/%64ashboard` is `/dashboard` to the router, so it must be to the guard too. */
function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname // broken escapes: match the raw form, the router will 400 it anyway
  }
}

/**
 * The optimistic check for Next 16's `proxy.ts`: cookie only (no `loadUser`, no database), so it
 * is cheap on every navigation; `verifySession()` stays the real check. Throws at creation for a
 * config that could loop: a protected login path, or a guest-only home path.
 */
function createSessionProxy({
  protectedPaths,
  guestOnlyPaths,
  loginPath = LOGIN_PATH,
  homePath = HOME_PATH,
}: SessionProxyOptions): (request: NextRequest) => Promise<NextResponse> {
  protectedPaths.forEach((path, index) => assertPlainPath(path, `protectedPaths[${index}]`))
  guestOnlyPaths.forEach((path, index) => assertPlainPath(path, `guestOnlyPaths[${index}]`))
  assertPlainPath(loginPath, 'loginPath')
  assertPlainPath(homePath, 'homePath')
  if (matchesAny(loginPath, protectedPaths)) {
    throw new Error(
      `createSessionProxy: loginPath ${loginPath} is protected: every visit would redirect to itself`,
    )
  }
  if (matchesAny(homePath, guestOnlyPaths)) {
    throw new Error(
      `createSessionProxy: homePath ${homePath} is guest-only: signed-in users would loop`,
    )
  }
  const overlap =
    guestOnlyPaths.find((path) => matchesAny(path, protectedPaths)) ??
    protectedPaths.find((path) => matchesAny(path, guestOnlyPaths))
  if (overlap !== undefined) {
    throw new Error(
      `createSessionProxy: ${overlap} is both protected and guest-only: nobody could see it`,
    )
  }

  return async function sessionProxy(request: NextRequest): Promise<NextResponse> {
    const { pathname, search, searchParams } = request.nextUrl
    const path = decodePath(pathname)
    // Every session cookie value (current name) from the raw header, as the route handler reads
    // them: `request.cookies` keeps only the last, so a planted cookie could make the two disagree.
    const candidates = sessionCookieCandidates(request.headers.get('cookie'))

    if (matchesAny(path, protectedPaths)) {
      const result = await decryptFirstValid(candidates)
      if (!result.ok) {
        // loginHref keeps `reason` only for lost sessions: a plain visitor (`missing`) sees no toast.
        const href = loginHref(loginPath, { next: pathname + search, reason: result.reason })
        const response = NextResponse.redirect(new URL(href, request.url))
        if (result.reason !== 'missing') {
          const { name, options } = clearedSessionCookie()
          response.cookies.set(name, '', options)
        }
        return response
      }
    } else if (matchesAny(path, guestOnlyPaths)) {
      const result = await decryptFirstValid(candidates)
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
    return NextResponse.next({ request: { headers } })
  }
}

export { createSessionProxy }
export type { SessionProxyOptions }
