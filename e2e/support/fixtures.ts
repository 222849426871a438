import { writeFile } from 'node:fs/promises'
import { test as base, expect, type Page } from '@playwright/test'
import type { SessionLengthId } from '../../app/auth/session-lengths'
import { startRedisServer, type RedisServer } from '@/test/support/redis-server'
import { startExtraInstance, type ExtraInstance, type ExtraInstanceStore } from './extra-instance'
import { E2E_HOST_HEADER, E2E_PROXY_ADDRESS_URL } from './server-env'
import { serverLogsSince, serverLogSizes } from './server-logs'
import { setSessionCookie, signInForCookie, type DemoEmail } from './session'

type SessionTokens = {
  /**
   * A session cookie value for this user and length, made once per worker through the real
   * sign-in form and shared by the worker's tests. Never sign out or revoke with one: the store
   * would refuse it in every test after. A test that signs out or ends sessions makes its own
   * (`signIn` in ./session.ts). Always await it inside the test or hook that asks (see the note
   * in the fixture).
   */
  tokenFor: (email: DemoEmail, length?: SessionLengthId) => Promise<string>
}

type SignedIn = {
  /** Puts a shared session for `email` in this page's jar and opens the dashboard. */
  signInFast: (page: Page, email: DemoEmail) => Promise<void>
  /** This test's page, signed in as Max Member (a plain member, what most tests need) on /dashboard. */
  memberPage: Page
  /** On failure, attaches what the servers logged during the test (printed with the error). */
  serverLogsOnFailure: void
  /** Starts this test's own `next start` (one at a time), stopped after the test. */
  extraInstance: (store: ExtraInstanceStore) => Promise<ExtraInstance>
  /** A redis-server of this test's own (empty, on a free loopback port), which it may stop. */
  redisServer: RedisServer
  /** This test's own `next start` on its own `redisServer` (REDIS_URL). */
  onOwnRedis: { instance: ExtraInstance; redis: RedisServer }
}

const test = base.extend<SignedIn, SessionTokens>({
  tokenFor: [
    async ({ browser }, provide) => {
      const made = new Map<string, Promise<string>>()
      await provide((email, length = '7d') => {
        const key = `${email} ${length}`
        const existing = made.get(key)
        if (existing) return existing
        // The browser context below must open and close inside the test that awaits this. When
        // a test starts, Playwright's trace recorder starts a chunk on every open context; one
        // closing at that moment fails the next test before its body ("apiRequestContext.
        // _wrapApiCall: Target page, context or browser has been closed", in ~3 ms). That was
        // the stale-cookie flake: its beforeAll started a sign-in without awaiting it.
        const token = (async () => {
          const context = await browser.newContext()
          try {
            return (await signInForCookie(await context.newPage(), email, length)).value
          } finally {
            await context.close()
          }
        })()
        // A failed sign-in fails the test that asked; the next test asks afresh instead of being
        // handed the same rejection for a reason that is not its own.
        token.catch(() => made.delete(key))
        made.set(key, token)
        return token
      })
    },
    { scope: 'worker' },
  ],
  // Requests from Node go through the proxy too. Node cannot resolve app.test (only Chromium is
  // told where it is), so they go to the proxy's address with the app's name as Host, which is
  // what a browser's request carries.
  request: async ({ playwright }, provide) => {
    const request = await playwright.request.newContext({
      baseURL: E2E_PROXY_ADDRESS_URL,
      extraHTTPHeaders: { host: E2E_HOST_HEADER },
      ignoreHTTPSErrors: true,
    })
    await provide(request)
    await request.dispose()
  },
  signInFast: async ({ tokenFor }, provide) => {
    await provide(async (page, email) => {
      await setSessionCookie(page.context(), await tokenFor(email))
      await page.goto('/dashboard')
      await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible()
    })
  },
  memberPage: async ({ page, signInFast }, provide) => {
    await signInFast(page, 'max@example.com')
    await provide(page)
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none
  redisServer: async ({}, provide) => {
    const server = await startRedisServer()
    await provide(server)
    await server.dispose()
  },
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none
  extraInstance: async ({}, provide, testInfo) => {
    const started: ExtraInstance[] = []
    await provide(async (store) => {
      // One port per worker (server-env.ts): a second instance in one test would collide.
      if (started.length > 0) throw new Error('extraInstance: one per test')
      const instance = await startExtraInstance(testInfo.parallelIndex, store)
      started.push(instance)
      return instance
    })
    for (const instance of started) await instance.stop()
  },
  onOwnRedis: async ({ redisServer, extraInstance }, provide) => {
    await provide({
      instance: await extraInstance({ redisUrl: redisServer.url }),
      redis: redisServer,
    })
  },
  serverLogsOnFailure: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none
    async ({}, provide, testInfo) => {
      const sizes = serverLogSizes()
      await provide()
      if (testInfo.status === testInfo.expectedStatus) return
      const logs = serverLogsSince(sizes)
      // Printed whole (the list reporter shows a test's stderr as it comes; it would cut an
      // attachment's text to 300 characters), and kept beside the trace, whose path the
      // reporter prints under the error: enough to diagnose from the CI log alone.
      console.error(`[e2e] server logs during "${testInfo.titlePath.join(' > ')}":\n${logs}`)
      const file = testInfo.outputPath('server-logs.txt')
      await writeFile(file, logs)
      await testInfo.attach('server logs', { path: file, contentType: 'text/plain' })
    },
    { auto: true },
  ],
})

export { expect, test }
