import type { LostSessionReason, UnauthenticatedReason } from './reasons'
import type { SessionUser } from './user'

/**
 * JSON body of GET /api/session: always 200 for these two; 5xx and network failures are errors.
 * `serverTime` (ISO 8601) is the server's clock when it checked the token: the client times the
 * expiry from `expiresAt - serverTime`, a span on one clock, never against its own clock.
 */
type SessionPayload =
  | { status: 'authenticated'; user: SessionUser; expiresAt: string; serverTime: string }
  | { status: 'unauthenticated'; reason: UnauthenticatedReason; serverTime: string }

/** Why a session request told us nothing. It never signs anyone out. */
type SessionRequestErrorKind = 'network' | 'http' | 'malformed' | 'timeout'

type SessionRequestError = {
  /** What failed: no answer, a non-2xx status, an unreadable body, or no answer in time. */
  kind: SessionRequestErrorKind
  /** A sentence for logs and error UIs. */
  message: string
  /** HTTP status, for kind `http`. */
  httpStatus?: number
  /** From a `Retry-After` header (429/503), in ms. */
  retryAfterMs?: number
}

/** The user asked to leave: not an expiry, so no toast. */
type ClientUnauthenticatedReason = UnauthenticatedReason | 'signed-out'

/** State held in the client (`sessionAtom`). */
type ClientSession =
  | { status: 'loading' }
  | {
      status: 'authenticated'
      user: SessionUser
      /** Epoch ms. */
      expiresAt: number
      error?: SessionRequestError
    }
  | { status: 'unauthenticated'; reason: ClientUnauthenticatedReason; error?: SessionRequestError }
  | { status: 'error'; error: SessionRequestError } // first check failed, nothing known

type SessionStatus = ClientSession['status']

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
}
