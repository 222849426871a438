import { isRecord, parseIsoInstant } from './parse'
import { isUnauthenticatedReason } from './reasons'
import type { SessionPayload, SessionRequestError } from './types'
import { parseSessionUser } from './user'

type ParseResult = { ok: true; payload: SessionPayload } | { ok: false; error: SessionRequestError }

function malformed(message: string): ParseResult {
  return { ok: false, error: { kind: 'malformed', message } }
}

/**
 * Turns an unknown response body into a `SessionPayload`, or a `malformed` error that says
 * what was wrong. A malformed body never signs anyone out: it is an error, not a verdict.
 */
function parseSessionPayload(body: unknown): ParseResult {
  if (!isRecord(body)) return malformed('Session response is not a JSON object')
  if (body.status === 'authenticated') {
    const user = parseSessionUser(body.user)
    if (!user) return malformed('Session response has no valid user')
    const { expiresAt } = body
    if (typeof expiresAt !== 'string' || parseIsoInstant(expiresAt) === null) {
      return malformed(
        `Session response has no valid expiresAt (an ISO 8601 instant such as 2030-01-01T00:00:00.000Z): ${String(expiresAt)}`,
      )
    }
    return { ok: true, payload: { status: 'authenticated', user, expiresAt } }
  }
  if (body.status === 'unauthenticated') {
    if (!isUnauthenticatedReason(body.reason)) {
      return malformed(`Session response has an unknown reason: ${String(body.reason)}`)
    }
    return { ok: true, payload: { status: 'unauthenticated', reason: body.reason } }
  }
  return malformed(`Session response has an unknown status: ${String(body.status)}`)
}

export { parseSessionPayload }
export type { ParseResult }
