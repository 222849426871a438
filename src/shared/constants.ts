import type { UnauthenticatedReason } from './types'

/** Name of the session cookie. Prefix-free so it works on http://localhost in development. */
const SESSION_COOKIE_NAME = 'session'
/** The route handler made by `createSessionRoute()`. */
const SESSION_ENDPOINT = '/api/session'
/** Where unauthenticated users are sent. Never protected by the proxy (it would loop). */
const LOGIN_PATH = '/auth'
/** Where a signed-in user lands when there is no safe `next`. */
const HOME_PATH = '/dashboard'
/** sonner toast id: the same id replaces instead of stacking, so there is only ever one. */
const SESSION_EXPIRED_TOAST_ID = 'session-expired'
/** BroadcastChannel name shared by every tab of the app. */
const SESSION_CHANNEL_NAME = 'next-session-kit'

// A record, not a list: adding a reason to the `UnauthenticatedReason` type without adding it
// here fails to compile, so runtime checks (schema, mocks, contract test) cannot miss one.
const REASONS_PRESENT = {
  missing: true,
  expired: true,
  invalid: true,
  revoked: true,
} as const satisfies Record<UnauthenticatedReason, true>

const UNAUTHENTICATED_REASONS = Object.keys(REASONS_PRESENT) as ReadonlyArray<UnauthenticatedReason>

/** Reasons that mean "you had a session and lost it": these toast and travel in `?reason=`. */
const LOST_SESSION_REASONS: ReadonlyArray<UnauthenticatedReason> = ['expired', 'invalid', 'revoked']

export {
  HOME_PATH,
  LOGIN_PATH,
  LOST_SESSION_REASONS,
  SESSION_CHANNEL_NAME,
  SESSION_COOKIE_NAME,
  SESSION_ENDPOINT,
  SESSION_EXPIRED_TOAST_ID,
  UNAUTHENTICATED_REASONS,
}
