import { isRecord, parseIsoInstant } from './parse'
import { isUnauthenticatedReason } from './reasons'
import type { SessionPayload, SessionRequestError } from './types'
import { parseSessionUser } from './user'

type ParseResult = { ok: true; payload: SessionPayload } | { ok: false; error: SessionRequestError }

function malformed(message: string): ParseResult {
  return { ok: false, error: { kind: 'malformed', message } }
}

function isInstant(value: unknown): value is string {
  return typeof value === 'string' && parseIsoInstant(value) !== null
}

function malformedInstant(field: string, value: unknown): ParseResult {
  return malformed(
    `Session response has no valid ${field} (an ISO 8601 instant such as 2030-01-01T00:00:00.000Z): ${String(value)}`,
  )
}

/**
 * Turns an unknown response body into a `SessionPayload`, or a `malformed` error that says
 * what was wrong. A malformed body never signs anyone out: it is an error, not a verdict.
 */
function parseSessionPayload(body: unknown): ParseResult {
  if (!isRecord(body)) return malformed('Session response is not a JSON object')
  const { status, serverTime, expiresAt } = body
  if (status !== 'authenticated' && status !== 'unauthenticated') {
    return malformed(`Session response has an unknown status: ${String(status)}`)
  }
  // Both variants carry the server's clock: without it the client cannot time the expiry.
  if (!isInstant(serverTime)) return malformedInstant('serverTime', serverTime)
  if (status === 'authenticated') {
    const user = parseSessionUser(body.user)
    if (!user) return malformed('Session response has no valid user')
    if (!isInstant(expiresAt)) return malformedInstant('expiresAt', expiresAt)
    return { ok: true, payload: { status, user, expiresAt, serverTime } }
  }
  if (!isUnauthenticatedReason(body.reason)) {
    return malformed(`Session response has an unknown reason: ${String(body.reason)}`)
  }
  return { ok: true, payload: { status, reason: body.reason, serverTime } }
}

/** The layout's `initialSession`, checked as the endpoint's answers are: a bad one is a clear error. */
function checkedInitialSession(payload: SessionPayload): SessionPayload {
  const parsed = parseSessionPayload(payload)
  if (!parsed.ok) throw new TypeError(`SessionProvider initialSession: ${parsed.error.message}`)
  return parsed.payload
}

export { checkedInitialSession, parseSessionPayload }
export type { ParseResult }
