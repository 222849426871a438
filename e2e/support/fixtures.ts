import { writeFile } from 'node:fs/promises'
import { test as base, expect, type Page } from '@playwright/test'
import type { SessionLengthId } from '../../app/auth/session-lengths'
import { E2E_HOST_HEADER, E2E_PROXY_ADDRESS_URL } from './server-env'
import { serverLogsSince, serverLogSizes } from './server-logs'
import { sessionCookie, setSessionCookie, signIn, type DemoEmail } from './session'

type SessionTokens = {
  /**
   * A session cookie value for this user and length, made once per worker through the real
   * sign-in form. Tokens are stateless (an encrypted user id and expiry), so tests that are not
   * about signing in can share them: signing out in one test only clears that test's jar.
   * Always await it inside the test or hook that asks (see the note in the fixture).
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
            const page = await context.newPage()
            await signIn(page, email, length)
            const cookie = await sessionCookie(context)
            if (!cookie) throw new Error(`signing in ${email} set no session cookie`)
            return cookie.value
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
