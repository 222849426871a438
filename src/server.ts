import 'server-only'
// Server entry: re-exports only. Every file it names starts with import 'server-only'.
export { signOut } from './server/actions'
export {
  clearedSessionCookie,
  createSession,
  deleteSession,
  MAX_COOKIE_BYTES,
  serializeSessionCookie,
  sessionCookie,
  sessionCookieOptions,
  SessionCookieTooLargeError,
} from './server/cookie'
export type { CreateSessionOptions, SessionCookie, SessionCookieOptions } from './server/cookie'
export { createSessionDal, REQUEST_PATH_HEADER } from './server/dal'
export type {
  SessionDal,
  SessionDalOptions,
  VerifiedSession,
  VerifySessionOptions,
} from './server/dal'
export { SessionConfigError } from './server/keys'
export { createSessionProxy } from './server/proxy'
export type { SessionProxyOptions } from './server/proxy'
export { DEFAULT_MAX_LIFETIME_SECONDS } from './server/max-lifetime'
export type { MaxLifetimeOption } from './server/max-lifetime'
export { memoryRevocationStore } from './server/memory-revocation-store'
export { REVOCATION_TIMEOUT_MS } from './server/revocation-check'
export type { RevocationOptions } from './server/revocation-check'
export { RevocationStoreError } from './server/revocation-store'
export type { RevocationQuery, RevocationStore } from './server/revocation-store'
export { resolveSession } from './server/resolve-session'
export type { LoadUser, ResolveSessionOptions, SessionContext } from './server/resolve-session'
export { createSessionRoute } from './server/route'
export type { RenewalOption, RenewalOptions } from './server/session-renewal'
export type { SignOuts } from './server/sign-out'
export type { SessionRoute, SessionRouteOptions } from './server/route'
export { decryptSession, encryptSession } from './server/session'
export type { DecryptOptions, DecryptResult, EncryptOptions, SessionData } from './server/session'
