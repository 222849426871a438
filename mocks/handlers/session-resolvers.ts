import { delay, HttpResponse } from 'msw'
import { clearedSessionCookieHeader } from '@/lib/session/shared/constants'
import type {
  LostSessionReason,
  SessionPayload,
  SessionUser,
  UnauthenticatedReason,
} from '@/lib/session/shared/types'
import {
  authenticatedPayload,
  DEFAULT_SESSION_MS,
  EXPIRING_SOON_MS,
  RATE_LIMIT_RETRY_AFTER_SECONDS,
  SLOW_RESPONSE_MS,
  STORE_DOWN_RETRY_AFTER_SECONDS,
  unauthenticatedPayload,
} from '../fixtures/sessions'
import { alice } from '../fixtures/users'
import type { Resolver } from './counted'

// The answers of /api/session, one plain response maker per scenario, apart from the MSW
// handlers (session.ts) that route requests to them: node tests and the contract test call them.

/**
 * One per state GET /api/session can be in; a state without a scenario does not compile. Each
 * lost-session reason is a scenario of its own name, so a new reason needs its resolver below.
 */
type SessionScenario =
  | LostSessionReason
  | 'authenticated'
  | 'expiringSoon'
  | 'anonymous'
  | 'serverError'
  | 'storeUnavailable'
  | 'rateLimited'
  | 'networkError'
  | 'slow'
  | 'malformed'

type SignOutScenario = 'signOutSucceeds' | 'signOutFails' | 'signOutStoreUnavailable'

/**
 * The scenario that mocks each reason the server gives for "no session". Typed against the
 * contract's `UnauthenticatedReason`: a new reason without a scenario here fails `tsc`, and the
 * scenario it names must exist (`sessionResolvers` covers every `SessionScenario`).
 */
const UNAUTHENTICATED_SCENARIOS = {
  missing: 'anonymous',
  expired: 'expired',
  invalid: 'invalid',
  revoked: 'revoked',
} as const satisfies Record<UnauthenticatedReason, SessionScenario>

/** The scenario that mocks a signed-in user: the server's one other 200 state. */
const AUTHENTICATED_SCENARIO = 'authenticated' satisfies SessionScenario

// What the real route handler sends to drop the cookie, from the contract it takes it from. Not
// Secure: the mocks stand in for a server on http://localhost (the dev server, Storybook, Node
// tests), where the cookie is the plain `session` one; mocks/contract.test.ts compares the two.
const CLEARED_SESSION_COOKIE = clearedSessionCookieHeader(false)
// Every answer of the real route handler: a session must never come from a cache.
const NO_STORE = { 'Cache-Control': 'no-store' } as const
const MALFORMED_HTML = '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>'

/**
 * 503 + Retry-After while the revocation store is down: "could not tell", never a verdict. A
 * DELETE answers it too, after clearing the cookie (`headers`): the user has left.
 */
function storeUnavailable(headers: Record<string, string> = NO_STORE): Response {
  return HttpResponse.json(
    { error: 'Session store unavailable' },
    {
      status: 503,
      headers: { ...headers, 'Retry-After': String(STORE_DOWN_RETRY_AFTER_SECONDS) },
    },
  )
}

function sessionJson(payload: SessionPayload): Response {
  return HttpResponse.json(payload, { status: 200, headers: NO_STORE })
}

/**
 * `user` signed in with `expiresInMs` left, computed per request: the baseline's answer, and a
 * story's server after a change (another user, a renewal).
 */
function signedInAs(user: SessionUser, expiresInMs: number = DEFAULT_SESSION_MS): Resolver {
  return () => sessionJson(authenticatedPayload(user, expiresInMs))
}

/** expired / invalid / revoked: the server answers 200 and deletes the stale cookie. */
function lostSession(reason: LostSessionReason): Response {
  return HttpResponse.json(unauthenticatedPayload(reason), {
    status: 200,
    headers: { ...NO_STORE, 'Set-Cookie': CLEARED_SESSION_COOKIE },
  })
}

/** Plain response makers, one per scenario; `expiresAt` is computed per request. */
const sessionResolvers = {
  authenticated: signedInAs(alice),
  expiringSoon: signedInAs(alice, EXPIRING_SOON_MS),
  expired: () => lostSession('expired'),
  anonymous: () => sessionJson(unauthenticatedPayload('missing')),
  invalid: () => lostSession('invalid'),
  // A session signed out elsewhere (a replayed cookie, another device, "sign out everywhere"):
  // the store says revoked, and the answer is the one a loadUser returning null gets.
  revoked: () => lostSession('revoked'),
  // What the route handler answers when loadUser throws or SESSION_SECRET is unusable.
  serverError: () =>
    HttpResponse.json({ error: 'Session check failed' }, { status: 500, headers: NO_STORE }),
  storeUnavailable: () => storeUnavailable(),
  rateLimited: () =>
    HttpResponse.json(
      { error: 'Too Many Requests' },
      {
        status: 429,
        headers: { ...NO_STORE, 'Retry-After': String(RATE_LIMIT_RETRY_AFTER_SECONDS) },
      },
    ),
  networkError: () => HttpResponse.error(),
  slow: async () => {
    await delay(SLOW_RESPONSE_MS)
    return sessionJson(authenticatedPayload(alice, DEFAULT_SESSION_MS))
  },
  // A proxy's error page served with 200: the client must call it malformed, not a verdict.
  malformed: () => HttpResponse.html(MALFORMED_HTML, { status: 200, headers: NO_STORE }),
} satisfies Record<SessionScenario, Resolver>

/** Plain response makers for DELETE /api/session (sign-out). */
const signOutResolvers = {
  signOutSucceeds: () =>
    new HttpResponse(null, {
      status: 204,
      headers: { ...NO_STORE, 'Set-Cookie': CLEARED_SESSION_COOKIE },
    }),
  signOutFails: () =>
    HttpResponse.json({ error: 'Internal Server Error' }, { status: 500, headers: NO_STORE }),
  // The cookie is cleared, the revocation is not recorded: the client retries the DELETE.
  signOutStoreUnavailable: () =>
    storeUnavailable({ ...NO_STORE, 'Set-Cookie': CLEARED_SESSION_COOKIE }),
} satisfies Record<SignOutScenario, Resolver>

export {
  AUTHENTICATED_SCENARIO,
  sessionResolvers,
  signedInAs,
  signOutResolvers,
  UNAUTHENTICATED_SCENARIOS,
}
export type { SessionScenario, SignOutScenario }
