import 'server-only'
// Server entry: re-exports only. Every file it names starts with import 'server-only'.
export { signOut } from './server/actions'
export { createSessionDal } from './server/dal'
export type {
  SessionDal,
  SessionDalOptions,
  VerifiedSession,
  VerifySessionOptions,
} from './server/dal'
export { createSessionProxy } from './server/proxy'
export type { SessionProxyOptions } from './server/proxy'
export { REQUEST_PATH_HEADER } from './server/request-path-header'
export { resolveSession } from './server/resolve-session'
export type { LoadUser, ResolveSessionOptions } from './server/resolve-session'
export { createSessionRoute } from './server/route'
export type { SessionRoute, SessionRouteOptions } from './server/route'
export { CLOCK_TOLERANCE_SECONDS, decryptSession, encryptSession } from './server/session'
export type { DecryptOptions, DecryptResult, EncryptOptions, SessionData } from './server/session'
export {
  createSession,
  deleteSession,
  MAX_COOKIE_BYTES,
  SessionCookieTooLargeError,
} from './server/cookie'
export type { CreateSessionOptions } from './server/cookie'
export {
  clearedSessionCookieOptions,
  serializeSessionCookie,
  sessionCookieOptions,
} from './server/cookie-options'
export type { SessionCookieOptions } from './server/cookie-options'
export { SessionConfigError } from './server/session-config-error'
