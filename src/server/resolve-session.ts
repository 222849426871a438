import 'server-only'
import type { SessionPayload, SessionUser, UnauthenticatedReason } from '../shared/types'
import { parseSessionUser } from '../shared/user'
import { isSessionRevoked, type RevocationOptions } from './revocation-check'
import { decryptSession, type DecryptOptions, type DecryptResult } from './session'
import type { SessionData } from './session'

/**
 * At most this many session cookie values are opened per request, so a header stuffed with
 * hundreds of them cannot make the server decrypt hundreds of tokens. Node refuses request headers
 * over 16 KB, so at most ~1,500 tiny pairs ever arrive, and 16 decrypts bound the work per request.
 * The LAST 16 are kept, and tried last to first: browsers list cookies with longer paths first, and
 * the kit's cookie is on `/`, so it is among the last, behind any planted `Path=/dashboard` copy.
 * 16, not fewer, because more than one `/` value can legitimately or cheaply sit at the end (a
 * parent domain's `session`, a nameless cookie whose value is `session=x`, a CHIPS partitioned
 * copy). This matters only for the plain `session` name (development): in production the name is
 * `__Host-session`, which no other host can set.
 */
const MAX_SESSION_COOKIE_CANDIDATES = 16

/** What `loadUser` learns about the session besides its user. Times are epoch ms. */
type SessionContext = {
  /** The session's id; null for a token made before session ids existed. */
  sessionId: string | null
  /** When the user signed in (renewal keeps it): lets an app void sessions from before a time. */
  issuedAt: number
  /** When this token stops opening. */
  expiresAt: number
}

/**
 * The app's lookup: the user for an id from a valid session, or null when that user no longer
 * may sign in (deleted, banned). Throwing means "could not tell" (database down): it is an error,
 * never a sign-out. A one-argument `(userId) => ...` is one too: the context is extra.
 */
type LoadUser = (userId: string, session: SessionContext) => Promise<SessionUser | null>

/** How `resolveSession` checks the token. */
type ResolveSessionOptions = {
  /** Current time, epoch ms; defaults to `Date.now()`. */
  now?: number
  /** Where revoked sessions are looked up, once per opened token; none: tokens are not revocable. */
  revocation?: RevocationOptions
}

/**
 * The values to try, in order: the last `MAX_SESSION_COOKIE_CANDIDATES`, reversed (`/`-path values
 * come last in the header, so they beat a planted longer-path one); `[undefined]` for none.
 */
function boundedCandidates(token: unknown): ReadonlyArray<unknown> {
  if (!Array.isArray(token)) return [token]
  // One call even with no candidates, so a SESSION_SECRET problem still surfaces (decryptSession).
  return token.length === 0 ? [undefined] : token.slice(-MAX_SESSION_COOKIE_CANDIDATES).reverse()
}

// Which verdict to give when no candidate is a session: the one that says most about a real
// session (a planted junk cookie next to an expired real one must still say `expired`). Only the
// plain development name can have several candidates: nobody else can add a planted `revoked`.
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
 * `decryptSession` over several cookie values (from `sessionCookieCandidates`, in header order), tried last to
 * first: the first that opens wins; otherwise the most telling failure (`expired` over `invalid`
 * over `missing`). A planted junk cookie therefore cannot hide the real one.
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

/** What `resolveSession` found, with the opened session behind an authenticated payload. */
type ResolvedSession = { payload: SessionPayload; session: SessionData | null }

/**
 * The one function that turns the session cookie into a `SessionPayload`. GET /api/session
 * answers with it and the layout's `initialSession` comes from it (via `getSession()`), so the
 * first client state is exactly what the endpoint would say. `token` is one cookie value, or every
 * candidate value (`sessionCookieCandidates`), tried last to first: the first that opens AND whose
 * user `loadUser` returns wins, so neither planted junk nor a planted token of a deleted account
 * signs anyone out. A session the revocation store lists is `revoked`, as is one whose user
 * `loadUser` no longer returns. Lets `loadUser` errors, `RevocationStoreError` and
 * `SessionConfigError` propagate: a failure must become a 5xx, not an "unauthenticated".
 */
async function resolveSession(
  token: unknown,
  loadUser: LoadUser,
  options: ResolveSessionOptions = {},
): Promise<SessionPayload> {
  return (await resolveOpenedSession(token, loadUser, options)).payload
}

/** `resolveSession`, with the session that passed every check (for renewal: see route.ts). */
async function resolveOpenedSession(
  token: unknown,
  loadUser: LoadUser,
  { now = Date.now(), revocation }: ResolveSessionOptions = {},
): Promise<ResolvedSession> {
  // The instant every token is checked against, sent as `serverTime`: the client times the
  // expiry from `expiresAt - serverTime`, so both must come from this one reading of the clock.
  const serverTime = new Date(now).toISOString()
  let reason: UnauthenticatedReason = 'missing'
  for (const candidate of boundedCandidates(token)) {
    const result = await decryptSession(candidate, { now })
    if (!result.ok) {
      reason = worse(reason, result.reason)
      continue
    }
    const { userId, sessionId, issuedAt, expiresAt } = result.session
    // The store before loadUser: a revoked session costs no database lookup. Its errors propagate.
    const revoked = revocation && (await isSessionRevoked(revocation, result.session, now))
    const loaded = revoked ? null : await loadUser(userId, { sessionId, issuedAt, expiresAt })
    if (loaded === null) {
      reason = worse(reason, 'revoked')
      continue
    }
    // Only the SessionUser fields: a database row passed as a user must not send its password hash.
    const user = parseSessionUser(loaded)
    if (!user) {
      throw new TypeError(
        `loadUser returned something that is not a SessionUser for user ${userId}`,
      )
    }
    const expires = new Date(expiresAt).toISOString()
    const payload = { status: 'authenticated', user, expiresAt: expires, serverTime } as const
    return { payload, session: result.session }
  }
  return { payload: { status: 'unauthenticated', reason, serverTime }, session: null }
}

export { decryptFirstValid, MAX_SESSION_COOKIE_CANDIDATES, resolveOpenedSession, resolveSession }
export type { LoadUser, ResolvedSession, ResolveSessionOptions, SessionContext }
