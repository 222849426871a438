const SESSION_ENDPOINT = '/api/session' // the route handler made by `createSessionRoute()`

/**
 * Name of the session cookie when it is not `Secure` (http://localhost in `next dev`, tests,
 * Storybook): a `__Host-` cookie must be `Secure`, so this one has no prefix.
 */
const SESSION_COOKIE_NAME = 'session'
/**
 * Name of the session cookie when it is `Secure` (production). Browsers accept a `__Host-` cookie
 * only if it is `Secure`, host-only (no `Domain`) and on `Path=/`, so a sibling subdomain cannot
 * plant one next to ours (cookie tossing): every value under this name was set by this host.
 */
const SECURE_SESSION_COOKIE_NAME = '__Host-session'
/** Where unauthenticated users are sent. Never protected by the proxy (it would loop). */
const LOGIN_PATH = '/auth'
/** Where a signed-in user lands when there is no safe `next`. */
const HOME_PATH = '/dashboard'
/** sonner toast id: the same id replaces instead of stacking, so there is only ever one. */
const SESSION_EXPIRED_TOAST_ID = 'session-expired'
/** BroadcastChannel name shared by every tab of the app. */
const SESSION_CHANNEL_NAME = 'next-session-kit'

/**
 * The session cookie's name for a cookie that is (`secure`) or is not `Secure`. Writers and readers
 * both take it from the same `secure` decision, so a reader never accepts the other name: in
 * production a plain `session` cookie is exactly what another subdomain could have planted.
 */
function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE_NAME : SESSION_COOKIE_NAME
}

/**
 * The `Set-Cookie` value that deletes the session cookie: GET /api/session answers a lost session
 * with it and DELETE /api/session signs out with it. Here, in the contract, because the mocks must
 * send exactly what the server sends (mocks/contract.test.ts) and cannot import server code. The
 * attributes are the ones the cookie is set with (src/server/cookie.test.ts pins the two), expired.
 */
function clearedSessionCookieHeader(secure: boolean): string {
  const expired = ['Path=/', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'Max-Age=0']
  const flags = [...(secure ? ['Secure'] : []), 'HttpOnly', 'SameSite=Lax']
  return [`${sessionCookieName(secure)}=`, ...expired, ...flags].join('; ')
}

export {
  clearedSessionCookieHeader,
  HOME_PATH,
  LOGIN_PATH,
  SECURE_SESSION_COOKIE_NAME,
  SESSION_CHANNEL_NAME,
  SESSION_COOKIE_NAME,
  SESSION_ENDPOINT,
  SESSION_EXPIRED_TOAST_ID,
  sessionCookieName,
}
