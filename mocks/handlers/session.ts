import { delay, http, HttpResponse, type HttpHandler } from 'msw'
import { clearedSessionCookieHeader, SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import type {
  LostSessionReason,
  SessionPayload,
  UnauthenticatedReason,
} from '@/lib/session/shared/types'
import {
  authenticatedPayload,
  DEFAULT_SESSION_MS,
  EXPIRING_SOON_MS,
  RATE_LIMIT_RETRY_AFTER_SECONDS,
  SLOW_RESPONSE_MS,
  unauthenticatedPayload,
} from '../fixtures/sessions'
import { alice } from '../fixtures/users'
import { countCalls, type CallLog, type Resolver } from './counted'

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
  | 'rateLimited'
  | 'networkError'
  | 'slow'
  | 'malformed'

type SignOutScenario = 'signOutSucceeds' | 'signOutFails'

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

// `*` matches any origin: in the browser requests go to the page's origin, in Node
// (setupServer, no `location`) a bare path would never match an absolute request URL.
// It also matches an app served under a basePath (`/app/api/session`).
const SESSION_URL_PATTERN = `*${SESSION_ENDPOINT}`

// What the real route handler sends to drop the cookie, from the contract it takes it from. Not
// Secure: the mocks stand in for a server on http://localhost (the dev server, Storybook, Node
// tests), where the cookie is the plain `session` one; mocks/contract.test.ts compares the two.
const CLEARED_SESSION_COOKIE = clearedSessionCookieHeader(false)
// Every answer of the real route handler: a session must never come from a cache.
const NO_STORE = { 'Cache-Control': 'no-store' } as const
const MALFORMED_HTML = '<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>'

function sessionJson(payload: SessionPayload): Response {
  return HttpResponse.json(payload, { status: 200, headers: NO_STORE })
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
  authenticated: () => sessionJson(authenticatedPayload(alice, DEFAULT_SESSION_MS)),
  expiringSoon: () => sessionJson(authenticatedPayload(alice, EXPIRING_SOON_MS)),
  expired: () => lostSession('expired'),
  anonymous: () => sessionJson(unauthenticatedPayload('missing')),
  invalid: () => lostSession('invalid'),
  revoked: () => lostSession('revoked'),
  // What the route handler answers when loadUser throws or SESSION_SECRET is unusable.
  serverError: () =>
    HttpResponse.json({ error: 'Session check failed' }, { status: 500, headers: NO_STORE }),
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
} satisfies Record<SignOutScenario, Resolver>

const sessionHandler = (resolver: Resolver): HttpHandler => http.get(SESSION_URL_PATTERN, resolver)
const signOutHandler = (resolver: Resolver): HttpHandler =>
  http.delete(SESSION_URL_PATTERN, resolver)

/** GET /api/session handlers, one per scenario: `msw.use(sessionScenarios.expired)`. */
const sessionScenarios = {
  authenticated: sessionHandler(sessionResolvers.authenticated),
  expiringSoon: sessionHandler(sessionResolvers.expiringSoon),
  expired: sessionHandler(sessionResolvers.expired),
  anonymous: sessionHandler(sessionResolvers.anonymous),
  invalid: sessionHandler(sessionResolvers.invalid),
  revoked: sessionHandler(sessionResolvers.revoked),
  serverError: sessionHandler(sessionResolvers.serverError),
  rateLimited: sessionHandler(sessionResolvers.rateLimited),
  networkError: sessionHandler(sessionResolvers.networkError),
  slow: sessionHandler(sessionResolvers.slow),
  malformed: sessionHandler(sessionResolvers.malformed),
} satisfies Record<SessionScenario, HttpHandler>

/** DELETE /api/session handlers: sign-out works (204) or the server fails (500). */
const signOutScenarios = {
  signOutSucceeds: signOutHandler(signOutResolvers.signOutSucceeds),
  signOutFails: signOutHandler(signOutResolvers.signOutFails),
} satisfies Record<SignOutScenario, HttpHandler>

/** The baseline (preview.tsx, setupServer): signed in as `alice`, and sign-out works. */
const sessionHandlers: HttpHandler[] = [
  sessionScenarios.authenticated,
  signOutScenarios.signOutSucceeds,
]

/** A GET scenario that also logs the requests it answered (revalidation, dedupe tests). */
function countedSessionScenario(scenario: SessionScenario): CallLog & { handler: HttpHandler } {
  const { resolver, ...log } = countCalls(sessionResolvers[scenario])
  return { handler: sessionHandler(resolver), ...log }
}

/** A DELETE scenario that also logs the requests it answered. */
function countedSignOutScenario(scenario: SignOutScenario): CallLog & { handler: HttpHandler } {
  const { resolver, ...log } = countCalls(signOutResolvers[scenario])
  return { handler: signOutHandler(resolver), ...log }
}

export {
  AUTHENTICATED_SCENARIO,
  CLEARED_SESSION_COOKIE,
  countedSessionScenario,
  countedSignOutScenario,
  SESSION_URL_PATTERN,
  sessionHandlers,
  sessionResolvers,
  sessionScenarios,
  signOutResolvers,
  signOutScenarios,
  UNAUTHENTICATED_SCENARIOS,
}
export type { SessionScenario, SignOutScenario }
