import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import { parseSessionPayload } from '@/lib/session/shared/schema'
import {
  DEFAULT_SESSION_MS,
  EXPIRING_SOON_MS,
  RATE_LIMIT_RETRY_AFTER_SECONDS,
  SLOW_RESPONSE_MS,
  STORE_DOWN_RETRY_AFTER_SECONDS,
} from '../fixtures/sessions'
import { alice } from '../fixtures/users'
import { server } from '../node'
import {
  countedSessionScenario,
  countedSignOutScenario,
  sessionScenarios,
  signOutScenarios,
} from './session'

// In Node a request needs an absolute URL; the handlers must match it whatever the origin.
const ORIGIN = 'http://localhost:3000'
const SESSION_URL = `${ORIGIN}${SESSION_ENDPOINT}`

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterEach(() => server.resetHandlers())
afterAll(() => server.close())

async function getSession(): Promise<Response> {
  return fetch(SESSION_URL, { headers: { Accept: 'application/json' } })
}

describe('session handlers through setupServer (mocks/node.ts)', () => {
  it('answers the baseline: alice, authenticated, expiresAt about DEFAULT_SESSION_MS ahead', async () => {
    const before = Date.now()
    const response = await getSession()
    const body = await response.json()
    expect(response.status).toBe(200)
    expect(parseSessionPayload(body).ok).toBe(true)
    expect(body).toMatchObject({ status: 'authenticated', user: alice })
    const expiresAt = Date.parse(body.expiresAt)
    expect(expiresAt).toBeGreaterThanOrEqual(before + DEFAULT_SESSION_MS)
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + DEFAULT_SESSION_MS)
  })

  it('matches any origin and a basePath: https://app.example/app/api/session', async () => {
    const response = await fetch(`https://app.example/app${SESSION_ENDPOINT}?t=1`)
    expect(response.status).toBe(200)
  })

  it('computes expiresAt per request for expiringSoon, not once at import', async () => {
    server.use(sessionScenarios.expiringSoon)
    const first = await (await getSession()).json()
    await new Promise((resolve) => setTimeout(resolve, 20))
    const second = await (await getSession()).json()
    expect(Date.parse(second.expiresAt)).toBeGreaterThan(Date.parse(first.expiresAt))
    expect(Date.parse(second.expiresAt) - Date.now()).toBeLessThanOrEqual(EXPIRING_SOON_MS)
  })

  it('fails the fetch itself for networkError', async () => {
    server.use(sessionScenarios.networkError)
    await expect(getSession()).rejects.toThrow(TypeError)
  })

  it('answers 429 with Retry-After for rateLimited', async () => {
    server.use(sessionScenarios.rateLimited)
    const response = await getSession()
    expect(response.status).toBe(429)
    expect(response.headers.get('Retry-After')).toBe(String(RATE_LIMIT_RETRY_AFTER_SECONDS))
  })

  it('waits SLOW_RESPONSE_MS before answering for slow', async () => {
    server.use(sessionScenarios.slow)
    const started = performance.now()
    const response = await getSession()
    // A few ms of timer slack either way.
    expect(performance.now() - started).toBeGreaterThanOrEqual(SLOW_RESPONSE_MS - 50)
    expect(response.status).toBe(200)
  })

  it('answers DELETE with 204 (signOutSucceeds, the baseline) and 500 (signOutFails)', async () => {
    expect((await fetch(SESSION_URL, { method: 'DELETE' })).status).toBe(204)
    server.use(signOutScenarios.signOutFails)
    expect((await fetch(SESSION_URL, { method: 'DELETE' })).status).toBe(500)
  })

  it('answers 503 with Retry-After for storeUnavailable, GET and DELETE (which still clears the cookie)', async () => {
    server.use(sessionScenarios.storeUnavailable, signOutScenarios.signOutStoreUnavailable)
    const retryAfter = String(STORE_DOWN_RETRY_AFTER_SECONDS)
    const check = await getSession()
    expect(check.status).toBe(503)
    expect(check.headers.get('Retry-After')).toBe(retryAfter)
    const signOut = await fetch(SESSION_URL, { method: 'DELETE' })
    expect(signOut.status).toBe(503)
    expect(signOut.headers.get('Retry-After')).toBe(retryAfter)
    expect(signOut.headers.getSetCookie()).toEqual([expect.stringMatching(/Max-Age=0/)])
  })
})

describe('counted scenarios', () => {
  it('counts GET requests per handler, each counter on its own', async () => {
    const first = countedSessionScenario('anonymous')
    const second = countedSessionScenario('anonymous')
    server.use(first.handler)
    const before = Date.now()
    await getSession()
    await getSession()
    expect(first.count()).toBe(2)
    expect(second.count()).toBe(0)
    // When each arrived, in order: what "no request before expiresAt" stories compare against.
    const [firstAt, secondAt] = first.times()
    expect(first.times()).toHaveLength(2)
    expect(firstAt).toBeGreaterThanOrEqual(before)
    expect(secondAt).toBeGreaterThanOrEqual(firstAt ?? Infinity)
    expect(second.times()).toEqual([])
  })

  it('counts DELETE requests and still answers with the scenario', async () => {
    const counted = countedSignOutScenario('signOutFails')
    server.use(counted.handler)
    const response = await fetch(SESSION_URL, { method: 'DELETE' })
    expect(response.status).toBe(500)
    expect(counted.count()).toBe(1)
  })
})
