import 'server-only'
import type { SessionPayload, SessionUser } from '../shared/types'
import { parseSessionUser } from '../shared/user'
import { decryptSession } from './session'

/**
 * The app's lookup: the user for an id from a valid session, or null when that user no longer
 * may sign in (deleted, banned). Throwing means "could not tell" (database down): it is an error,
 * never a sign-out.
 */
type LoadUser = (userId: string) => Promise<SessionUser | null>

/** How `resolveSession` checks the token. */
type ResolveSessionOptions = {
  /** Current time, epoch ms; defaults to `Date.now()`. */
  now?: number
}

/**
 * The one function that turns a cookie value into a `SessionPayload`. GET /api/session answers
 * with it and the layout's `initialSession` comes from it (via `getSession()`), so the first
 * client state is exactly what the endpoint would say. Lets `loadUser` errors and
 * `SessionConfigError` propagate: a failure must become a 5xx, not an "unauthenticated".
 */
async function resolveSession(
  token: unknown,
  loadUser: LoadUser,
  { now }: ResolveSessionOptions = {},
): Promise<SessionPayload> {
  const result = await decryptSession(token, { now })
  if (!result.ok) return { status: 'unauthenticated', reason: result.reason }
  const { userId, expiresAt } = result.session
  const loaded = await loadUser(userId)
  if (loaded === null) return { status: 'unauthenticated', reason: 'revoked' }
  // Keep only the SessionUser fields: a database row passed as a user (TypeScript allows extra
  // properties) must not send its password hash to the browser.
  const user = parseSessionUser(loaded)
  if (!user) {
    throw new TypeError(`loadUser returned something that is not a SessionUser for user ${userId}`)
  }
  return { status: 'authenticated', user, expiresAt: new Date(expiresAt).toISOString() }
}

export { resolveSession }
export type { LoadUser, ResolveSessionOptions }
