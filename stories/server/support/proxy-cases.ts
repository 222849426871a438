import { serverNextRequest } from './server-next-request'
import { createSessionProxy } from '@/lib/session/server/proxy'
import { REQUEST_PATH_HEADER } from '@/lib/session/server/dal'
import { currentSessionCookieName } from '@/lib/session/server/cookie'
import { HOME_PATH, LOGIN_PATH } from '@/lib/session/shared/constants'
import { sessionCookieHeader } from './session-cookie-header'
import { expiredToken, tamperedToken, validToken } from './story-tokens'

/** The app's origin in these stories. */
const APP_ORIGIN = 'https://app.example'

/** The same options as the reference app's proxy.ts. */
const PROXY_OPTIONS = {
  protectedPaths: ['/dashboard', '/settings'],
  guestOnlyPaths: [LOGIN_PATH],
  loginPath: LOGIN_PATH,
  homePath: HOME_PATH,
} as const

/** What the browser sends: the proxy only reads the cookie, it never calls `loadUser`. */
type CookieState = 'valid' | 'none' | 'expired' | 'invalid'

type ProxyCase = {
  /** Path and query the browser asks for. */
  path: string
  cookie: CookieState
}

const COOKIE_LABELS: Record<CookieState, string> = {
  valid: 'valid cookie',
  none: 'no cookie',
  expired: 'expired cookie',
  invalid: 'tampered cookie',
}

const TOKENS: Record<CookieState, () => Promise<string | null>> = {
  valid: () => validToken(),
  none: async () => null,
  expired: () => expiredToken(),
  invalid: () => tamperedToken(),
}

/** What the proxy decided, as shown in one table row. */
type ProxyResult = {
  label: string
  decision: string
  location: string
  sessionCookie: string
  forwardedPath: string
}

/** A row's header: the path and the cookie, e.g. `/dashboard (no cookie)`. */
function proxyCaseLabel({ path, cookie }: ProxyCase): string {
  return `${path} (${COOKIE_LABELS[cookie]})`
}

function describeLocation(location: string | null): string {
  if (location === null) return '(none)'
  const url = new URL(location)
  return url.origin === APP_ORIGIN ? url.pathname + url.search : url.href
}

/**
 * What happens to the session cookie. Read from the response's cookie jar, not its Set-Cookie
 * header: a browser drops that header from a Response made by page scripts, and the jar is what
 * Next.js writes into it on the server.
 */
function describeSessionCookie(
  cookie: { value: string; maxAge?: number; expires?: unknown } | undefined,
): string {
  if (cookie === undefined) return 'unchanged'
  return cookie.value === '' && cookie.maxAge === 0 ? 'deleted' : `set to ${cookie.value}`
}

/** Builds the request for `proxyCase`, runs the real proxy on it, reads its decision. */
async function runProxyCase(proxyCase: ProxyCase): Promise<ProxyResult> {
  const proxy = createSessionProxy(PROXY_OPTIONS)
  const token = await TOKENS[proxyCase.cookie]()
  const headers = token === null ? {} : sessionCookieHeader(token)
  const response = await proxy(serverNextRequest(`${APP_ORIGIN}${proxyCase.path}`, headers))
  const location = response.headers.get('location')
  const decision =
    response.headers.get('x-middleware-next') === '1'
      ? 'continue'
      : location !== null
        ? `redirect (${response.status})`
        : `other (${response.status})`
  return {
    label: proxyCaseLabel(proxyCase),
    decision,
    location: describeLocation(location),
    sessionCookie: describeSessionCookie(response.cookies.get(currentSessionCookieName())),
    // NextResponse.next({ request: { headers } }) passes request headers on this way.
    forwardedPath: response.headers.get(`x-middleware-request-${REQUEST_PATH_HEADER}`) ?? '(none)',
  }
}

export { APP_ORIGIN, COOKIE_LABELS, PROXY_OPTIONS, proxyCaseLabel, runProxyCase }
export type { CookieState, ProxyCase, ProxyResult }
