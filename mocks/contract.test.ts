import { afterEach, describe, expect, it, vi } from 'vitest'
import { memoryRevocationStore } from '@/lib/session/server/memory-revocation-store'
import type { LoadUser } from '@/lib/session/server/resolve-session'
import type { RevocationOptions } from '@/lib/session/server/revocation-check'
import type { RevocationStore } from '@/lib/session/server/revocation-store'
import { createSessionRoute } from '@/lib/session/server/route'
import { SESSION_COOKIE_NAME, SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import { LOST_SESSION_REASONS, UNAUTHENTICATED_REASONS } from '@/lib/session/shared/reasons'
import { parseSessionPayload } from '@/lib/session/shared/schema'
import { tamper, validToken } from '@/test/support/tokens'
import type { UnauthenticatedReason } from '@/lib/session/shared/types'
import { DEFAULT_SESSION_MS, EXPIRING_SOON_MS, MINUTE_MS, SECOND_MS } from './fixtures/sessions'
import { alice, usersById } from './fixtures/users'
import {
  AUTHENTICATED_SCENARIO,
  sessionResolvers,
  signOutResolvers,
  UNAUTHENTICATED_SCENARIOS,
  type SessionScenario,
} from './handlers/session-resolvers'

// The server is the source of truth: each mocked response must equal what the real route handler
// answers in the same state, or the stories test a backend that does not exist.

/** The server's clock in these tests, epoch ms: fixed, so "expired" does not depend on the date. */
const NOW = Date.parse('2030-01-01T12:00:00.000Z')
const ORIGIN = 'http://localhost:3000'
const SESSION_URL = `${ORIGIN}${SESSION_ENDPOINT}`
/** Headers the client reads; the rest (Content-Length, Date) may differ between runtimes. */
const COMPARED_HEADERS = ['content-type', 'cache-control', 'retry-after'] as const
/** Stands in for a dynamic `expiresAt` or `serverTime` that is a valid ISO 8601 instant. */
const VALID_INSTANT = '<valid ISO 8601 instant>'
/** The instants of a body: they depend on when it was made, so only their form is compared. */
const INSTANT_FIELDS = ['expiresAt', 'serverTime'] as const

const loadFixtureUser: LoadUser = async (userId) => usersById.get(userId) ?? null
/** Headers of a sign-out from the app's own page: the route refuses other origins. */
const SAME_ORIGIN = { origin: ORIGIN, 'sec-fetch-site': 'same-origin' }

/**
 * The memory store (src/server/memory-revocation-store.ts) behind a switch: while `down`, every
 * call fails as a Redis that stopped does, and the route sees a store that is down.
 */
function switchableStore() {
  const store = memoryRevocationStore()
  let down = false
  const guarded =
    <Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) =>
    (...args: Args): Promise<Result> =>
      down ? Promise.reject(new Error('ECONNREFUSED')) : call(...args)
  const switchable: RevocationStore = {
    isRevoked: guarded(store.isRevoked),
    revokeSession: guarded(store.revokeSession),
    revokeUser: guarded(store.revokeUser),
  }
  return {
    revocation: { store: switchable } satisfies RevocationOptions,
    setDown: (value: boolean) => {
      down = value
    },
  }
}

/** A token of `lifetimeMs` issued at `issuedAt` (epoch ms), as the server sealed it. */
function tokenFor(userId: string, lifetimeMs: number, issuedAt: number): Promise<string> {
  return validToken(userId, { maxAgeSeconds: lifetimeMs / SECOND_MS, now: issuedAt })
}

function sessionRequest(cookie?: string, init: RequestInit = {}): Request {
  const headers = new Headers(init.headers)
  if (cookie !== undefined) headers.set('cookie', cookie)
  return new Request(SESSION_URL, { ...init, headers })
}

function withCheckedInstants(body: unknown): unknown {
  if (typeof body !== 'object' || body === null) return body
  const checked: Record<string, unknown> = { ...body }
  for (const field of INSTANT_FIELDS) {
    const value = checked[field]
    if (typeof value !== 'string' || new Date(value).toISOString() !== value) continue
    checked[field] = VALID_INSTANT
  }
  return checked
}

/** What a client can observe of a response, with its instants reduced to "a valid instant". */
async function observe(response: Response) {
  const text = await response.text()
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false
  return {
    status: response.status,
    headers: Object.fromEntries(COMPARED_HEADERS.map((name) => [name, response.headers.get(name)])),
    setCookie: response.headers.getSetCookie(),
    body: isJson ? withCheckedInstants(JSON.parse(text)) : text,
  }
}

/** Time left on an authenticated body, in ms: `expiresAt - serverTime`, what the client counts. */
async function remainingMs(response: Response): Promise<number> {
  const body: { expiresAt?: unknown; serverTime?: unknown } = await response.json()
  const { expiresAt, serverTime } = body
  if (typeof expiresAt !== 'string' || typeof serverTime !== 'string') return Number.NaN
  return Date.parse(expiresAt) - Date.parse(serverTime)
}

type Situation = {
  /** The real state, in words (the test title). */
  state: string
  /** The mock scenario that must answer exactly like the server does here. */
  scenario: SessionScenario
  /** The cookie the browser sends, or undefined for none. */
  cookie: () => Promise<string | undefined>
  loadUser?: LoadUser
  /** The route's revocation store, when the situation needs one. */
  revocation?: RevocationOptions
}

const cookie = (token: string) => `${SESSION_COOKIE_NAME}=${token}`

/** A cookie of alice's that signed out in another browser: its DELETE is in the store. */
function signedOutElsewhere(): Situation {
  const { revocation } = switchableStore()
  return {
    state: 'a token whose session signed out in another browser (replayed: the store says revoked)',
    scenario: 'revoked',
    revocation,
    cookie: async () => {
      const signedIn = cookie(await tokenFor(alice.id, DEFAULT_SESSION_MS, NOW))
      const { DELETE } = createSessionRoute({
        loadUser: loadFixtureUser,
        now: () => NOW,
        revocation,
      })
      const signOut = await DELETE(
        sessionRequest(signedIn, { method: 'DELETE', headers: SAME_ORIGIN }),
      )
      if (signOut.status !== 204) throw new Error(`sign-out answered ${signOut.status}`)
      return signedIn
    },
  }
}

/** A cookie of alice's from before "sign out of all devices" (every session before then revoked). */
function signedOutEverywhere(): Situation {
  const { revocation } = switchableStore()
  return {
    state: 'a token signed in before the user signed out of all devices',
    scenario: 'revoked',
    revocation,
    cookie: async () => {
      const signedIn = cookie(await tokenFor(alice.id, DEFAULT_SESSION_MS, NOW - MINUTE_MS))
      await revocation.store.revokeUser(alice.id, NOW, NOW + 2 * DEFAULT_SESSION_MS, NOW)
      return signedIn
    },
  }
}

/** A fresh cookie of alice's while the revocation store is down. */
function storeDown(): Situation {
  const { revocation, setDown } = switchableStore()
  setDown(true)
  return {
    state: 'a valid token while the revocation store is down',
    scenario: 'storeUnavailable',
    revocation,
    cookie: async () => cookie(await tokenFor(alice.id, DEFAULT_SESSION_MS, NOW)),
  }
}

const SITUATIONS: ReadonlyArray<Situation> = [
  {
    state: 'a fresh token for alice',
    scenario: 'authenticated',
    cookie: async () => cookie(await tokenFor(alice.id, DEFAULT_SESSION_MS, NOW)),
  },
  {
    state: 'a token with EXPIRING_SOON_MS left',
    scenario: 'expiringSoon',
    cookie: async () => cookie(await tokenFor(alice.id, EXPIRING_SOON_MS, NOW)),
  },
  {
    state: 'a token that expired a minute ago',
    scenario: 'expired',
    cookie: async () =>
      cookie(await tokenFor(alice.id, DEFAULT_SESSION_MS, NOW - DEFAULT_SESSION_MS - MINUTE_MS)),
  },
  { state: 'no Cookie header', scenario: 'anonymous', cookie: async () => undefined },
  {
    state: 'other cookies but no session cookie',
    scenario: 'anonymous',
    cookie: async () => 'theme=dark; locale=en',
  },
  {
    state: 'an empty session cookie (what clearing leaves)',
    scenario: 'anonymous',
    cookie: async () => cookie(''),
  },
  {
    state: 'a token with tampered ciphertext',
    scenario: 'invalid',
    cookie: async () =>
      cookie(tamper(await tokenFor(alice.id, DEFAULT_SESSION_MS, NOW), 'ciphertext')),
  },
  {
    state: 'a token with a tampered authentication tag',
    scenario: 'invalid',
    cookie: async () => cookie(tamper(await tokenFor(alice.id, DEFAULT_SESSION_MS, NOW), 'tag')),
  },
  { state: 'a junk cookie value', scenario: 'invalid', cookie: async () => cookie('not-a-token') },
  {
    state: 'a valid token whose user loadUser no longer finds (null)',
    scenario: 'revoked',
    cookie: async () => cookie(await tokenFor('user_deleted', DEFAULT_SESSION_MS, NOW)),
  },
  {
    state: 'a valid token while loadUser throws (database down)',
    scenario: 'serverError',
    cookie: async () => cookie(await tokenFor(alice.id, DEFAULT_SESSION_MS, NOW)),
    loadUser: async () => {
      throw new Error('database unavailable')
    },
  },
  signedOutElsewhere(),
  signedOutEverywhere(),
  storeDown(),
]

afterEach(() => {
  vi.restoreAllMocks()
})

const AUTHENTICATED = 'authenticated'
/** The route's 500: loadUser threw or SESSION_SECRET is unusable. */
const SERVER_ERROR = 'error'
/** The route's 503: the revocation store is down. */
const STORE_DOWN = 'store-down'
/** Every state the real GET /api/session can answer with. */
type ServerState =
  typeof AUTHENTICATED | UnauthenticatedReason | typeof SERVER_ERROR | typeof STORE_DOWN

function scenarioFor(state: ServerState): SessionScenario {
  if (state === AUTHENTICATED) return AUTHENTICATED_SCENARIO
  if (state === SERVER_ERROR) return 'serverError'
  if (state === STORE_DOWN) return 'storeUnavailable'
  return UNAUTHENTICATED_SCENARIOS[state]
}

/** The state the real route handler answers with in this situation. */
async function realState({
  cookie: makeCookie,
  loadUser = loadFixtureUser,
  revocation,
}: Situation) {
  vi.spyOn(console, 'error').mockImplementation(() => undefined) // the 500's server-side log
  const { GET } = createSessionRoute({ loadUser, now: () => NOW, revocation })
  const response = await GET(sessionRequest(await makeCookie()))
  if (response.status === 503) return STORE_DOWN
  const parsed = parseSessionPayload(await response.json())
  if (!parsed.ok) return SERVER_ERROR
  const { payload } = parsed
  return payload.status === AUTHENTICATED ? AUTHENTICATED : payload.reason
}

describe('contract: each mocked GET /api/session equals the real route handler', () => {
  it.each(SITUATIONS)(
    '$scenario mock equals the server for $state',
    async ({ scenario, cookie: makeCookie, loadUser = loadFixtureUser, revocation }) => {
      // The server logs the cause of a 500; keep the test output clean, but check it did.
      const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined)
      const { GET } = createSessionRoute({ loadUser, now: () => NOW, revocation })
      const real = await GET(sessionRequest(await makeCookie()))
      const mocked = await sessionResolvers[scenario]()
      expect(await observe(mocked)).toEqual(await observe(real))
      expect(logged).toHaveBeenCalledTimes(scenario === 'serverError' ? 1 : 0)
    },
  )

  it.each<[SessionScenario, (ms: number) => boolean]>([
    ['authenticated', (ms) => ms > EXPIRING_SOON_MS],
    ['expiringSoon', (ms) => ms > 0 && ms <= EXPIRING_SOON_MS],
  ])(
    '%s: the mock and the server leave a comparable time before expiresAt',
    async (scenario, fits) => {
      const { GET } = createSessionRoute({ loadUser: loadFixtureUser, now: () => NOW })
      const lifetime = scenario === 'authenticated' ? DEFAULT_SESSION_MS : EXPIRING_SOON_MS
      const real = await GET(sessionRequest(cookie(await tokenFor(alice.id, lifetime, NOW))))
      expect(fits(await remainingMs(real))).toBe(true)
      const mocked = await sessionResolvers[scenario]()
      expect(fits(await remainingMs(mocked))).toBe(true)
    },
  )

  it.each<SessionScenario>(['authenticated', 'anonymous', 'expired'])(
    '%s: serverTime is the clock the answer was made at, as the server sends the one it checked with',
    async (scenario) => {
      const { GET } = createSessionRoute({ loadUser: loadFixtureUser, now: () => NOW })
      const real: { serverTime: string } = await (await GET(sessionRequest())).json()
      expect(real.serverTime).toBe(new Date(NOW).toISOString())
      const before = Date.now()
      const mocked: { serverTime: string } = await (await sessionResolvers[scenario]()).json()
      expect(Date.parse(mocked.serverTime)).toBeGreaterThanOrEqual(before)
      expect(Date.parse(mocked.serverTime)).toBeLessThanOrEqual(Date.now())
    },
  )

  it('UNAUTHENTICATED_SCENARIOS maps exactly the reasons in UNAUTHENTICATED_REASONS', () => {
    expect(Object.keys(UNAUTHENTICATED_SCENARIOS).sort()).toEqual(
      [...UNAUTHENTICATED_REASONS].sort(),
    )
  })

  it.each<ServerState>([AUTHENTICATED, ...UNAUTHENTICATED_REASONS, SERVER_ERROR, STORE_DOWN])(
    'every server state has a situation: %s, mocked by its scenario',
    async (state) => {
      const scenario = scenarioFor(state)
      const situations = SITUATIONS.filter((situation) => situation.scenario === scenario)
      const reached = await Promise.all(situations.map(realState))
      // Not just "the scenario is listed": the real server, fed that situation, is in this state.
      expect(reached).toContain(state)
    },
  )
})

describe('contract: DELETE /api/session', () => {
  it('signOutSucceeds mock equals the server for a same-origin sign-out', async () => {
    const { DELETE } = createSessionRoute({ loadUser: loadFixtureUser, now: () => NOW })
    const real = await DELETE(
      sessionRequest(cookie(await tokenFor(alice.id, DEFAULT_SESSION_MS, NOW)), {
        method: 'DELETE',
        headers: { origin: ORIGIN, 'sec-fetch-site': 'same-origin' },
      }),
    )
    const mocked = await signOutResolvers.signOutSucceeds()
    expect(await observe(mocked)).toEqual(await observe(real))
  })

  it('signOutStoreUnavailable mock equals the server whose revocation store is down (503, cookie cleared)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined) // the server logs the failure
    const { revocation, setDown } = switchableStore()
    setDown(true)
    const { DELETE } = createSessionRoute({ loadUser: loadFixtureUser, now: () => NOW, revocation })
    const signedIn = cookie(await tokenFor(alice.id, DEFAULT_SESSION_MS, NOW))
    const real = await observe(
      await DELETE(sessionRequest(signedIn, { method: 'DELETE', headers: SAME_ORIGIN })),
    )
    const mocked = await observe(await signOutResolvers.signOutStoreUnavailable())
    expect(real.status).toBe(503)
    // The server may add cookies of its own for the retried DELETE (a pending revocation, read
    // only by the server): the mock sends the cookie clearing the client depends on, exactly.
    expect(real.setCookie).toEqual(expect.arrayContaining(mocked.setCookie))
    expect({ ...mocked, setCookie: [] }).toEqual({ ...real, setCookie: [] })
  })
})

describe('contract: the revocation store goes down, then comes back', () => {
  it('storeUnavailable then authenticated, as the real route answers the same cookie', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { revocation, setDown } = switchableStore()
    const { GET } = createSessionRoute({ loadUser: loadFixtureUser, now: () => NOW, revocation })
    const signedIn = cookie(await tokenFor(alice.id, DEFAULT_SESSION_MS, NOW))
    setDown(true)
    const down = await observe(await GET(sessionRequest(signedIn)))
    expect(await observe(await sessionResolvers.storeUnavailable())).toEqual(down)
    setDown(false)
    const back = await observe(await GET(sessionRequest(signedIn)))
    expect(await observe(await sessionResolvers.authenticated())).toEqual(back)
  })
})

describe('contract: mocked bodies and the client-side schema', () => {
  it.each<SessionScenario>([
    'authenticated',
    'expiringSoon',
    'anonymous',
    'slow',
    ...LOST_SESSION_REASONS,
  ])('the %s body passes parseSessionPayload', async (scenario) => {
    const response = await sessionResolvers[scenario]()
    expect(response.status).toBe(200)
    expect(parseSessionPayload(await response.json()).ok).toBe(true)
  })

  it.each<[SessionScenario, number]>([
    ['serverError', 500],
    ['storeUnavailable', 503],
    ['rateLimited', 429],
    ['malformed', 200],
  ])('the %s body does not pass parseSessionPayload', async (scenario, status) => {
    const response = await sessionResolvers[scenario]()
    expect(response.status).toBe(status)
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      // Not JSON (the HTML page): checked as the raw text a lenient client might pass on.
    }
    expect(parseSessionPayload(body).ok).toBe(false)
  })

  it('the malformed scenario is an HTML page served with 200', async () => {
    const response = await sessionResolvers.malformed()
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    await expect(response.clone().json()).rejects.toThrow(SyntaxError)
  })

  it('the networkError scenario is a network failure, not an HTTP answer', async () => {
    const response = await sessionResolvers.networkError()
    expect(response.type).toBe('error')
    expect(response.status).toBe(0)
  })
})
