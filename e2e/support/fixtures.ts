import { test as base, expect, type Page } from '@playwright/test'
import type { SessionLengthId } from '../../app/auth/session-lengths'
import { sessionCookie, setSessionCookie, signIn, type DemoEmail } from './session'

type SessionTokens = {
  /**
   * A session cookie value for this user and length, made once per worker through the real
   * sign-in form. Tokens are stateless (an encrypted user id and expiry), so tests that are not
   * about signing in can share them: signing out in one test only clears that test's jar.
   */
  tokenFor: (email: DemoEmail, length?: SessionLengthId) => Promise<string>
}

type SignedIn = {
  /** Puts a shared session for `email` in this page's jar and opens the dashboard. */
  signInFast: (page: Page, email: DemoEmail) => Promise<void>
}

const test = base.extend<SignedIn, SessionTokens>({
  tokenFor: [
    async ({ browser }, provide) => {
      const made = new Map<string, Promise<string>>()
      await provide((email, length = '7d') => {
        const key = `${email} ${length}`
        const existing = made.get(key)
        if (existing) return existing
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
        made.set(key, token)
        return token
      })
    },
    { scope: 'worker' },
  ],
  signInFast: async ({ tokenFor }, provide) => {
    await provide(async (page, email) => {
      await setSessionCookie(page.context(), await tokenFor(email))
      await page.goto('/dashboard')
      await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible()
    })
  },
})

export { expect, test }
