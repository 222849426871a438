// Signing out where users run the app: through a TLS proxy on its own name, and on an address
// that is not localhost. Both used to get 403 from DELETE /api/session, whose origin check
// compared the browser's Origin with request.url, which `next start` builds as localhost.
import type { BrowserContext, Page } from '@playwright/test'
import { SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import { expect, test } from './support/fixtures'
import { E2E_BASE_URL, E2E_DIRECT_BASE_URL, E2E_INSTANCE_ADDRESSES } from './support/server-env'
import { sessionCookie, signIn, toasts } from './support/session'

/** Clicks "Sign out" and checks the whole of it: 204, signed out, cookie gone, no toast. */
async function signOut(page: Page, context: BrowserContext, origin: string) {
  const deleted = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === SESSION_ENDPOINT &&
      response.request().method() === 'DELETE',
  )
  await page.getByRole('button', { name: 'Sign out' }).click()
  const response = await deleted
  expect(response.status(), 'DELETE /api/session').toBe(204)
  await expect(page).toHaveURL(/\/auth/)
  await expect(page.getByRole('banner')).toContainText('Signed out')
  expect(await sessionCookie(context, origin)).toBeUndefined()
  await expect(toasts(page)).toHaveCount(0) // signing out is not an expiry
  return response
}

test('sign out through the proxy (https://app.test, either instance): 204, the cookie is gone', async ({
  page,
  context,
}) => {
  await signIn(page, 'max@example.com') // a session of its own: signing out revokes it
  const response = await signOut(page, context, E2E_BASE_URL)
  expect(E2E_INSTANCE_ADDRESSES).toContain(response.headers()['x-instance'])
})

test.describe('one instance directly, without the proxy', () => {
  test.use({ baseURL: E2E_DIRECT_BASE_URL })

  test('sign in and sign out on http://127.0.0.1:PORT (not localhost): 204, the cookie is gone', async ({
    page,
    context,
  }) => {
    await signIn(page, 'max@example.com')
    expect(await sessionCookie(context, E2E_DIRECT_BASE_URL)).toBeDefined()
    await signOut(page, context, E2E_DIRECT_BASE_URL)
  })
})
