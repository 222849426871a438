import 'server-only'
import { parseCompactJwe, utf8 } from './compact-jwe'
import { isSessionCookieSecure } from './cookie'
import { revokeSession, type RevocationWithLifetime } from './revocation-check'
import { RevocationStoreError } from './revocation-store'
import { sessionCookieCandidates } from './cookie-candidates'
import type { SessionData } from './session'
import { isDateMs } from './session-claims'
import { isSessionId } from './session-id'
import { sessionJwe } from './session-jwe'

// A sign-out whose revocation failed (store down) leaves the browser without its session cookie,
// so the client's retried DELETE would have nothing to revoke. The 503 therefore also sets this
// cookie, scoped to the route's path: the sessions still to revoke, sealed with the session key
// (no `sub`, so it never opens as a session), which the next DELETE revokes and then clears.

/** Sessions one pending cookie carries at most: more sign-outs while the store is down drop the oldest. */
const MAX_PENDING_REVOCATIONS = 8

/** A session still to revoke: what `revokeSession` needs. Times are epoch ms. */
type PendingRevocation = { sessionId: string; issuedAt: number; expiresAt: number }

/** What the request's pending cookie held: none, sessions to revoke, or a value we did not make. */
type PendingRead =
  | { status: 'none'; sessions: PendingRevocation[] }
  | { status: 'read'; sessions: PendingRevocation[] }
  | { status: 'refused'; sessions: PendingRevocation[] }

/** What a sign-out revokes of an opened session: none for a token from before session ids. */
function pendingOf({ sessionId, issuedAt, expiresAt }: SessionData): PendingRevocation[] {
  return sessionId === null ? [] : [{ sessionId, issuedAt, expiresAt }]
}

/** `__Secure-` in production: only a secure page may set it (a path-scoped cookie cannot be `__Host-`). */
function pendingRevocationCookieName(): string {
  return isSessionCookieSecure() ? '__Secure-session-revocation' : 'session-revocation'
}

/** One entry of a sealed list, or null: a session id and whole-second sign-in and `exp`. */
function entry(value: unknown): PendingRevocation | null {
  if (!Array.isArray(value) || value.length !== 3) return null
  const [sessionId, iat, exp] = value as unknown[]
  if (!isSessionId(sessionId) || !Number.isSafeInteger(iat) || !Number.isSafeInteger(exp)) {
    return null
  }
  const times = { issuedAt: Number(iat) * 1000, expiresAt: Number(exp) * 1000 }
  return isDateMs(times.issuedAt) && isDateMs(times.expiresAt) ? { sessionId, ...times } : null
}

/** The sessions in one cookie value, or null when it is not a list this server sealed. */
async function openPending(value: string): Promise<PendingRevocation[] | null> {
  const parts = parseCompactJwe(value)
  const plaintext = parts && (await (await sessionJwe.opener())(parts))
  if (!plaintext) return null
  try {
    const { pending } = JSON.parse(utf8.decode(plaintext)) as { pending?: unknown }
    const sessions = Array.isArray(pending) ? pending.map(entry) : [null]
    return sessions.includes(null) ? null : (sessions as PendingRevocation[])
  } catch {
    return null
  }
}

/**
 * The sessions the request's pending cookies still name, those that can still open at `now`
 * (epoch ms). `refused` when any value fails to open as a list sealed by this server (garbled,
 * forged, or sealed under a secret since removed): its sessions are unknown.
 */
async function readPendingRevocations(request: Request, now: number): Promise<PendingRead> {
  const cookieHeader = request.headers.get('cookie')
  const values = sessionCookieCandidates(cookieHeader, pendingRevocationCookieName())
  if (values.length === 0) return { status: 'none', sessions: [] }
  const opened = await Promise.all(values.slice(-MAX_PENDING_REVOCATIONS).map(openPending))
  const sessions = opened.flatMap((list) => list ?? []).filter((s) => s.expiresAt > now)
  return { status: opened.includes(null) ? 'refused' : 'read', sessions }
}

/** The pending cookie as `cookies().set(name, value, options)` takes it, and as a header. */
type PendingRevocationCookie = {
  name: string
  value: string
  options: {
    path: string
    expires: Date
    maxAge: number
    secure: boolean
    httpOnly: true
    sameSite: 'strict'
  }
  /** The same, as a `Set-Cookie` value for a plain `Response`. */
  header: string
}

/**
 * The cookie that keeps `sessions` pending on `path` until the last of them would have expired
 * (cleared when none is left): HttpOnly, `Secure` as the session cookie, `SameSite=Strict` (only
 * the app's own DELETE needs it).
 */
async function pendingRevocationCookie(
  sessions: ReadonlyArray<PendingRevocation>,
  path: string,
  now: number,
): Promise<PendingRevocationCookie> {
  const kept = sessions.filter((s) => s.expiresAt > now).slice(-MAX_PENDING_REVOCATIONS)
  const expires = new Date(Math.max(0, ...kept.map((s) => s.expiresAt)))
  const pending = kept.map((s) => [s.sessionId, s.issuedAt / 1000, s.expiresAt / 1000])
  const plaintext = new TextEncoder().encode(JSON.stringify({ pending }))
  const value = kept.length === 0 ? '' : await sessionJwe.seal(plaintext)
  const maxAge = Math.max(0, Math.floor((expires.getTime() - now) / 1000))
  const secure = isSessionCookieSecure()
  const name = pendingRevocationCookieName()
  const attributes = [`Path=${path}`, `Expires=${expires.toUTCString()}`, `Max-Age=${maxAge}`]
  if (secure) attributes.push('Secure')
  const header = [`${name}=${value}`, ...attributes, 'HttpOnly', 'SameSite=Strict'].join('; ')
  const options = { path, expires, maxAge, secure, httpOnly: true, sameSite: 'strict' } as const
  return { name, value, options, header }
}

/**
 * GET's share: a sign-out whose store was down (the DAL's `signOut()`, or a DELETE the client
 * stopped retrying) is revoked by the next GET that carries the cookie (the provider's check
 * after a sign-out). Best effort: a store still down keeps the cookie for a later request. Returns
 * the `Set-Cookie` that clears it once done (or refused), else null.
 */
async function settlePendingRevocations(
  request: Request,
  revocation: RevocationWithLifetime | undefined,
  now: number,
): Promise<string | null> {
  const pending = await readPendingRevocations(request, now)
  if (pending.status === 'none' || !revocation) return null
  try {
    for (const session of pending.sessions) await revokeSession(revocation, session, now)
  } catch (error) {
    if (error instanceof RevocationStoreError) return null
    throw error
  }
  const path = new URL(request.url).pathname
  return (await pendingRevocationCookie([], path, now)).header
}

export {
  MAX_PENDING_REVOCATIONS,
  pendingOf,
  pendingRevocationCookie,
  pendingRevocationCookieName,
  readPendingRevocations,
  settlePendingRevocations,
}
export type { PendingRead, PendingRevocation, PendingRevocationCookie }
