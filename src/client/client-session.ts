'use client'
import { COOKIE_EARLY_MS } from './expiry-timing'
import { isLostSessionReason } from '../shared/reasons'
import type {
  ClientSession,
  LostSessionReason,
  SessionPayload,
  SessionRequestError,
  SessionUser,
} from '../shared/types'

/** The client state a payload from GET /api/session (or the layout) stands for. */
function toClientSession(payload: SessionPayload): ClientSession {
  const { status } = payload
  switch (status) {
    case 'authenticated': {
      // Checked already: by the schema (the endpoint's answers), checkedInitialSession (the layout's).
      const expiresAt = Date.parse(payload.expiresAt)
      return { status: 'authenticated', user: payload.user, expiresAt }
    }
    case 'unauthenticated':
      return { status: 'unauthenticated', reason: payload.reason }
    default:
      throw new TypeError(`toClientSession: unknown status ${String(status satisfies never)}`)
  }
}

/**
 * The state after an answer from the server. A `missing` cookie at the end of a session we knew
 * about is an expiry: the browser deletes a cookie at its `Max-Age`, so the server never sees the
 * expired token and cannot say `expired` itself. "At the end" is decided on the server's clock
 * (`serverTime` against `expiresAt`): a client clock running slow must not lose the toast.
 */
function nextSession(previous: ClientSession, payload: SessionPayload): ClientSession {
  const next = toClientSession(payload)
  if (
    next.status === 'unauthenticated' &&
    next.reason === 'missing' &&
    previous.status === 'authenticated' &&
    Date.parse(payload.serverTime) >= previous.expiresAt - COOKIE_EARLY_MS
  ) {
    return { status: 'unauthenticated', reason: 'expired' }
  }
  return sameSession(previous, next) ? previous : next
}

/** A failed request keeps what we knew and says why; with nothing known it is the `error` state. */
function withError(session: ClientSession, error: SessionRequestError): ClientSession {
  const { status } = session
  switch (status) {
    case 'loading':
    case 'error':
      return { status: 'error', error }
    case 'authenticated':
    case 'unauthenticated':
      return { ...session, error }
    default:
      throw new TypeError(`withError: unknown status ${String(status satisfies never)}`)
  }
}

function sameUser(a: SessionUser, b: SessionUser): boolean {
  const keys = Object.keys(a) as Array<keyof SessionUser>
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]))
}

/** True when nothing a component shows would change (so the atom keeps its old object). */
function sameSession(a: ClientSession, b: ClientSession): boolean {
  if (a.status === 'authenticated' && b.status === 'authenticated') {
    return a.expiresAt === b.expiresAt && !a.error && !b.error && sameUser(a.user, b.user)
  }
  if (a.status === 'unauthenticated' && b.status === 'unauthenticated') {
    return a.reason === b.reason && !a.error && !b.error
  }
  return a.status === 'loading' && b.status === 'loading'
}

/** Whether two server answers say the same (two renders of one layout make equal objects). */
function samePayload(a: SessionPayload | null, b: SessionPayload | null): boolean {
  if (a === null || b === null) return a === b
  return sameSession(toClientSession(a), toClientSession(b))
}

function sessionUser(session: ClientSession): SessionUser | null {
  return session.status === 'authenticated' ? session.user : null
}

function sessionError(session: ClientSession): SessionRequestError | null {
  return session.status === 'loading' ? null : (session.error ?? null)
}

/** `expired` / `invalid` / `revoked`: the user had a session and lost it (toast, `?reason=`). */
function lostSessionReason(session: ClientSession): LostSessionReason | null {
  if (session.status !== 'unauthenticated') return null
  return isLostSessionReason(session.reason) ? session.reason : null
}

export {
  lostSessionReason,
  nextSession,
  samePayload,
  sessionError,
  sessionUser,
  toClientSession,
  withError,
}
