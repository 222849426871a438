import { http, type HttpHandler } from 'msw'
import { SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import { countCalls, type CallLog, type Resolver } from './counted'
import type { SessionUser } from '@/lib/session/shared/types'
import {
  sessionResolvers,
  signedInAs,
  signOutResolvers,
  type SessionScenario,
  type SignOutScenario,
} from './session-resolvers'

// `*` matches any origin: in the browser requests go to the page's origin, in Node
// (setupServer, no `location`) a bare path would never match an absolute request URL.
// It also matches an app served under a basePath (`/app/api/session`).
const SESSION_URL_PATTERN = `*${SESSION_ENDPOINT}`

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
  storeUnavailable: sessionHandler(sessionResolvers.storeUnavailable),
  rateLimited: sessionHandler(sessionResolvers.rateLimited),
  networkError: sessionHandler(sessionResolvers.networkError),
  slow: sessionHandler(sessionResolvers.slow),
  malformed: sessionHandler(sessionResolvers.malformed),
} satisfies Record<SessionScenario, HttpHandler>

/**
 * DELETE /api/session handlers: sign-out works (204), the server fails (500), or its revocation
 * store is down (503: the cookie is cleared, the client retries the revocation).
 */
const signOutScenarios = {
  signOutSucceeds: signOutHandler(signOutResolvers.signOutSucceeds),
  signOutFails: signOutHandler(signOutResolvers.signOutFails),
  signOutStoreUnavailable: signOutHandler(signOutResolvers.signOutStoreUnavailable),
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

/**
 * GET answers `user` signed in with `expiresInMs` left, and logs the requests: a story's server
 * after a change it makes mid-story (another user, a renewal), used with `msw.use`.
 */
function countedSignedInAs(
  user: SessionUser,
  expiresInMs?: number,
): CallLog & { handler: HttpHandler } {
  const { resolver, ...log } = countCalls(signedInAs(user, expiresInMs))
  return { handler: sessionHandler(resolver), ...log }
}

/** A DELETE scenario that also logs the requests it answered. */
function countedSignOutScenario(scenario: SignOutScenario): CallLog & { handler: HttpHandler } {
  const { resolver, ...log } = countCalls(signOutResolvers[scenario])
  return { handler: signOutHandler(resolver), ...log }
}

export {
  countedSessionScenario,
  countedSignedInAs,
  countedSignOutScenario,
  SESSION_URL_PATTERN,
  sessionHandlers,
  sessionScenarios,
  signOutScenarios,
}
