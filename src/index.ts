export {
  HOME_PATH,
  LOGIN_PATH,
  LOST_SESSION_REASONS,
  SECURE_SESSION_COOKIE_NAME,
  SESSION_CHANNEL_NAME,
  SESSION_COOKIE_NAME,
  SESSION_ENDPOINT,
  SESSION_EXPIRED_TOAST_ID,
  sessionCookieName,
  UNAUTHENTICATED_REASONS,
} from './shared/constants'
export { toClientSession } from './shared/client-session'
export { isSafeNextPath, loginHref, safeNextPath } from './shared/redirect'
export { isLostSessionReason, isUnauthenticatedReason, parseSessionPayload } from './shared/schema'
export { parseSessionUser } from './shared/user'
export type { LoginHrefOptions } from './shared/redirect'
export type { ParseResult } from './shared/schema'
export type {
  ClientSession,
  ClientUnauthenticatedReason,
  LostSessionReason,
  SessionPayload,
  SessionRequestError,
  SessionRequestErrorKind,
  SessionStatus,
  SessionUser,
  UnauthenticatedReason,
} from './shared/types'

// Shared entry: re-exports only. Plain TypeScript, safe to import from server and client code.
