import { expect, test } from '@playwright/test'
import { SECURE_SESSION_COOKIE_NAME } from '@/lib/session/shared/constants'
import { INSTALL_BASE_URL } from './install-env'

// The fixture app with every registry item added by `shadcn add` (see install-and-start.mjs):
// the kit works in an app that is not ours, wired the way the installation docs say.
test('installed kit: proxy redirect, sign in, the 3-second session expires, one toast, back on /auth, no cookie', async ({
  page,
  context,
}) => {
  // Signed out: the installed proxy.ts sends /dashboard to the login page, keeping `next`.
  await page.goto('/dashboard')
  await expect(page).toHaveURL(`${INSTALL_BASE_URL}/auth?next=%2Fdashboard`)

  await page.getByLabel('Email').fill('dana@example.com')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page).toHaveURL(`${INSTALL_BASE_URL}/dashboard`)
  // Server (verifySession via the installed get-session.ts) and client (useUser in SessionGate).
  await expect(page.getByText('Server: dana@example.com')).toBeVisible()
  await expect(page.getByText('Signed in as Dana Demo')).toBeVisible()
  const cookies = await context.cookies()
  expect(cookies.map((cookie) => cookie.name)).toContain(SECURE_SESSION_COOKIE_NAME)

  // No reload: the provider's timer notices the expiry, ExpiryToast shows one toast, and
  // SessionGate replaces the URL with the login page.
  const toasts = page.locator('[data-sonner-toast]')
  await expect(toasts).toHaveCount(1, { timeout: 15_000 })
  await expect(toasts).toContainText('Your session has expired')
  await expect(page).toHaveURL(/\/auth\?next=%2Fdashboard/)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(
    SECURE_SESSION_COOKIE_NAME,
  )
  await page.waitForLoadState('networkidle')
  await expect(toasts).toHaveCount(1)
})
