import 'server-only'
import { SESSION_COOKIE_NAME } from '../shared/constants'
import type { SessionPayload, SessionUser, UnauthenticatedReason } from '../shared/types'
import { parseSessionUser } from '../shared/user'
import { decryptSession, type DecryptOptions, type DecryptResult } from './session'

/**
 * At most this many `session` values are opened per request. A sibling subdomain can plant extra
 * `session` cookies (cookie tossing), and a header stuffed with hundreds of them must not make the
 * server decrypt hundreds of tokens. The LAST ones are kept: browsers list longer cookie paths
 * first, and the kit's cookie is on `/`, so it is always among the last few (one per `/`-path
 * cookie of this host and each parent domain); a planted cookie on a longer path, which an
 * attacker can repeat once per path prefix, is what gets dropped.
 */
const MAX_SESSION_COOKIE_CANDIDATES = 4

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
 * Every `session` value in a `Cookie` header, in header order. Parsed as Next's `cookies()` parses
 * it (split on `; `, values URI-decoded, a bare `session` reads as `true`), so the one value
 * `cookies()` keeps (the last) is always among these: `getSession()` relies on that.
 */
function sessionCookieCandidates(cookieHeader: string | null | undefined): string[] {
  const values: string[] = []
  for (const pair of (cookieHeader ?? '').split(/; */)) {
    const separator = pair.indexOf('=')
    const name = separator === -1 ? pair : pair.slice(0, separator)
    if (name !== SESSION_COOKIE_NAME) continue
    if (separator === -1) {
      values.push('true')
      continue
    }
    const raw = pair.slice(separator + 1)
    try {
      values.push(decodeURIComponent(raw))
    } catch {
      // A broken %-escape (Next skips the pair): kept raw, so it reads as `invalid`, not `missing`.
      values.push(raw)
    }
  }
  return values
}

/** The last `MAX_SESSION_COOKIE_CANDIDATES` values (see there); `[undefined]` when there are none. */
function boundedCandidates(token: unknown): ReadonlyArray<unknown> {
  if (!Array.isArray(token)) return [token]
  // One call even with no candidates, so a SESSION_SECRET problem still surfaces (decryptSession).
  return token.length === 0 ? [undefined] : token.slice(-MAX_SESSION_COOKIE_CANDIDATES)
}

// Which verdict to give when no candidate is a session: the one that says most about a real
// session. A planted junk cookie next to an expired real one must still say `expired`.
const FAILURE_RANK: Record<UnauthenticatedReason, number> = {
  missing: 0,
  invalid: 1,
  expired: 2,
  revoked: 3,
}

function worse<Reason extends UnauthenticatedReason>(a: Reason, b: Reason): Reason {
  return FAILURE_RANK[b] > FAILURE_RANK[a] ? b : a
}

type DecryptFailure = Extract<DecryptResult, { ok: false }>['reason']

/**
 * `decryptSession` over several cookie values (from `sessionCookieCandidates`): the first that
 * opens wins; otherwise the most telling failure (`expired` over `invalid` over `missing`). A
 * planted junk cookie therefore cannot hide the real one.
 */
async function decryptFirstValid(
  candidates: ReadonlyArray<string>,
  options: DecryptOptions = {},
): Promise<DecryptResult> {
  let reason: DecryptFailure = 'missing'
  for (const candidate of boundedCandidates(candidates)) {
    const result = await decryptSession(candidate, options)
    if (result.ok) return result
    reason = worse(reason, result.reason)
  }
  return { ok: false, reason }
}

/**
 * The one function that turns the session cookie into a `SessionPayload`. GET /api/session
 * answers with it and the layout's `initialSession` comes from it (via `getSession()`), so the
 * first client state is exactly what the endpoint would say. `token` is one cookie value, or every
 * candidate value (`sessionCookieCandidates`): the first that opens AND whose user `loadUser`
 * returns wins, so neither planted junk nor a planted token of a deleted account signs anyone
 * out. Lets `loadUser` errors and `SessionConfigError` propagate: a failure must become a 5xx,
 * not an "unauthenticated".
 */
async function resolveSession(
  token: unknown,
  loadUser: LoadUser,
  { now }: ResolveSessionOptions = {},
): Promise<SessionPayload> {
  let reason: UnauthenticatedReason = 'missing'
  for (const candidate of boundedCandidates(token)) {
    const result = await decryptSession(candidate, { now })
    if (!result.ok) {
      reason = worse(reason, result.reason)
      continue
    }
    const { userId, expiresAt } = result.session
    const loaded = await loadUser(userId)
    if (loaded === null) {
      reason = worse(reason, 'revoked')
      continue
    }
    // Keep only the SessionUser fields: a database row passed as a user (TypeScript allows extra
    // properties) must not send its password hash to the browser.
    const user = parseSessionUser(loaded)
    if (!user) {
      throw new TypeError(
        `loadUser returned something that is not a SessionUser for user ${userId}`,
      )
    }
    return { status: 'authenticated', user, expiresAt: new Date(expiresAt).toISOString() }
  }
  return { status: 'unauthenticated', reason }
}

export { decryptFirstValid, MAX_SESSION_COOKIE_CANDIDATES, resolveSession, sessionCookieCandidates }
export type { LoadUser, ResolveSessionOptions }
