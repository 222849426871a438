import { memoryRevocationStore } from '@/lib/session/server/memory-revocation-store'
import type { RevocationStore } from '@/lib/session/server/revocation-store'
import { createSessionRoute } from '@/lib/session/server/route'
import { SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import { serverRequest, type ServerHeaders } from './server-request'
import { sessionCookieHeader } from './session-cookie-header'
import { shownSetCookies } from './shortened-token'
import { withServerResponses } from './server-responses'
import {
  DELETED_USER_ID,
  expiredToken,
  loadFixtureUser,
  tamperedToken,
  validToken,
} from './story-tokens'
import { unavailableRevocationStore } from './unavailable-revocation-store'

/** The app's origin in these stories; a foreign origin is anything else. */
const APP_ORIGIN = 'https://app.example'
const FOREIGN_ORIGIN = 'https://evil.example'
const ENDPOINT_URL = `${APP_ORIGIN}${SESSION_ENDPOINT}`
/** The route's clock: a fixed instant (epoch ms), so expiry dates in the table never change. */
const ROUTE_NOW = Date.UTC(2030, 0, 1, 12, 0, 0)

/** Every situation the route handler is shown in, one row each. */
type RouteState =
  | 'authenticated'
  | 'expired'
  | 'invalid'
  | 'revoked'
  | 'missing'
  | 'loadUserFails'
  | 'signOut'
  | 'signOutWithoutOrigin'
  | 'signOutFromForeignOrigin'
  | 'signOutCrossSite'
  | 'revokedElsewhere'
  | 'storeUnavailable'
  | 'signOutStoreUnavailable'

type RouteCall = {
  /** What is being tried, for the table's row header. */
  label: string
  method: 'GET' | 'DELETE'
  /** The request as the server receives it; cookie values shortened for display. */
  shown: string
  headers: () => Promise<ServerHeaders>
  /** The `loadUser` the route is created with. */
  loadUser: typeof loadFixtureUser
  /**
   * The revocation store the route is created with, made for the request's headers (the cookie
   * it carries); none: a route without revocation, as before issue 14.
   */
  store?: (headers: ServerHeaders) => Promise<RevocationStore>
}

async function failingLoadUser(): Promise<never> {
  throw new Error('user database unavailable')
}

/** The headers of a sign-out from the app's own page. */
const SAME_ORIGIN = { origin: APP_ORIGIN, 'sec-fetch-site': 'same-origin' }

/**
 * A memory store in which this cookie's session was signed out elsewhere (another tab or device
 * holding the same cookie): the real DELETE handler on the same store, at the same instant.
 */
async function signedOutElsewhere(headers: ServerHeaders): Promise<RevocationStore> {
  const store = memoryRevocationStore()
  const route = createSessionRoute({
    loadUser: loadFixtureUser,
    now: () => ROUTE_NOW,
    revocation: { store },
  })
  const signOut = serverRequest(ENDPOINT_URL, 'DELETE', { ...headers, ...SAME_ORIGIN })
  const answer = await withServerResponses(() => route.DELETE(signOut))
  if (answer.status !== 204) throw new Error(`The sign-out elsewhere answered ${answer.status}`)
  return store
}

const ROUTE_CALLS: Record<RouteState, RouteCall> = {
  authenticated: {
    label: 'Authenticated',
    method: 'GET',
    shown: 'cookie: valid token for user_alice',
    headers: async () => sessionCookieHeader(await validToken(undefined, ROUTE_NOW)),
    loadUser: loadFixtureUser,
  },
  expired: {
    label: 'Expired',
    method: 'GET',
    shown: 'cookie: token that ran out an hour ago',
    headers: async () => sessionCookieHeader(await expiredToken(undefined, ROUTE_NOW)),
    loadUser: loadFixtureUser,
  },
  invalid: {
    label: 'Invalid',
    method: 'GET',
    shown: 'cookie: valid token with one ciphertext character changed',
    headers: async () => sessionCookieHeader(await tamperedToken(ROUTE_NOW)),
    loadUser: loadFixtureUser,
  },
  revoked: {
    label: 'Revoked',
    method: 'GET',
    shown: `cookie: valid token for ${DELETED_USER_ID}, whom loadUser no longer finds`,
    headers: async () => sessionCookieHeader(await validToken(DELETED_USER_ID, ROUTE_NOW)),
    loadUser: loadFixtureUser,
  },
  missing: {
    label: 'Anonymous',
    method: 'GET',
    shown: 'no cookie',
    headers: async () => ({}),
    loadUser: loadFixtureUser,
  },
  loadUserFails: {
    label: 'Load user fails',
    method: 'GET',
    shown: 'cookie: valid token; loadUser throws',
    headers: async () => sessionCookieHeader(await validToken(undefined, ROUTE_NOW)),
    loadUser: failingLoadUser,
  },
  signOut: {
    label: 'Sign out',
    method: 'DELETE',
    shown: `origin: ${APP_ORIGIN}; sec-fetch-site: same-origin; cookie: valid token`,
    headers: async () => ({
      ...sessionCookieHeader(await validToken(undefined, ROUTE_NOW)),
      ...SAME_ORIGIN,
    }),
    loadUser: loadFixtureUser,
  },
  signOutWithoutOrigin: {
    label: 'Sign out without Origin',
    method: 'DELETE',
    shown: 'no origin header (an older client); cookie: valid token',
    headers: async () => sessionCookieHeader(await validToken(undefined, ROUTE_NOW)),
    loadUser: loadFixtureUser,
  },
  signOutFromForeignOrigin: {
    label: 'Sign out from a foreign origin',
    method: 'DELETE',
    shown: `origin: ${FOREIGN_ORIGIN}; cookie: valid token`,
    headers: async () => ({
      ...sessionCookieHeader(await validToken(undefined, ROUTE_NOW)),
      origin: FOREIGN_ORIGIN,
    }),
    loadUser: loadFixtureUser,
  },
  signOutCrossSite: {
    label: 'Sign out, cross-site',
    method: 'DELETE',
    shown: 'sec-fetch-site: cross-site (no origin); cookie: valid token',
    headers: async () => ({
      ...sessionCookieHeader(await validToken(undefined, ROUTE_NOW)),
      'sec-fetch-site': 'cross-site',
    }),
    loadUser: loadFixtureUser,
  },
  revokedElsewhere: {
    label: 'Revoked by a sign-out elsewhere',
    method: 'GET',
    shown: 'cookie: valid token whose session was signed out (DELETE) elsewhere; memory store',
    headers: async () => sessionCookieHeader(await validToken(undefined, ROUTE_NOW)),
    loadUser: loadFixtureUser,
    store: signedOutElsewhere,
  },
  storeUnavailable: {
    label: 'Store unavailable',
    method: 'GET',
    shown: 'cookie: valid token; the revocation store is down',
    headers: async () => sessionCookieHeader(await validToken(undefined, ROUTE_NOW)),
    loadUser: loadFixtureUser,
    store: async () => unavailableRevocationStore(),
  },
  signOutStoreUnavailable: {
    label: 'Sign out, store unavailable',
    method: 'DELETE',
    shown: `origin: ${APP_ORIGIN}; sec-fetch-site: same-origin; cookie: valid token; the revocation store is down`,
    headers: async () => ({
      ...sessionCookieHeader(await validToken(undefined, ROUTE_NOW)),
      ...SAME_ORIGIN,
    }),
    loadUser: loadFixtureUser,
    store: async () => unavailableRevocationStore(),
  },
}

/** What the real handler answered, as shown in one table row. */
type RouteResult = {
  state: RouteState
  label: string
  request: string
  status: number
  body: string
  setCookie: string | null
  cacheControl: string | null
  /** Seconds the client should wait before asking again (503 while the store is down). */
  retryAfter: string | null
}

/** Builds the situation for `state`, calls the real GET or DELETE handler, reads its answer. */
async function runRouteState(state: RouteState): Promise<RouteResult> {
  const call = ROUTE_CALLS[state]
  const headers = await call.headers()
  const store = await call.store?.(headers)
  const route = createSessionRoute({
    loadUser: call.loadUser,
    now: () => ROUTE_NOW,
    revocation: store && { store },
  })
  const request = serverRequest(ENDPOINT_URL, call.method, headers)
  const response = await withServerResponses(() => route[call.method](request))
  return {
    state,
    label: call.label,
    request: `${call.method} ${SESSION_ENDPOINT} (${call.shown})`,
    status: response.status,
    body: await response.text(),
    setCookie: shownSetCookies(response.headers.get('set-cookie')),
    cacheControl: response.headers.get('cache-control'),
    retryAfter: response.headers.get('retry-after'),
  }
}

export { APP_ORIGIN, FOREIGN_ORIGIN, ROUTE_CALLS, ROUTE_NOW, runRouteState }
export type { RouteResult, RouteState }
