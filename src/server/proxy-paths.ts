import 'server-only'

// Which paths `createSessionProxy` guards: the options' checks at creation, and the matching of a
// request's path against them.

/** The paths a session proxy guards and the two it sends visitors to, as checked at creation. */
type ProxyPaths = {
  protectedPaths: ReadonlyArray<string>
  guestOnlyPaths: ReadonlyArray<string>
  loginPath: string
  homePath: string
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
 * Throws at creation for a path that is not plain, or a config that could loop: a protected login
 * path, a guest-only home path, or a path both protected and guest-only.
 */
function checkProxyPaths({ protectedPaths, guestOnlyPaths, loginPath, homePath }: ProxyPaths) {
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
}

export { checkProxyPaths, decodePath, matchesAny }
export type { ProxyPaths }
