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

// The installed route and DAL use lib/session/revocation.ts as installed: the SQLite file under
// the app's .data/, through better-sqlite3 as npm installed it. A sign-out revokes the session, so
// its cookie, replayed, is refused on the server (verifySession) and by GET /api/session.
test('installed kit: sign out revokes the session in SQLite, a replayed cookie is refused as revoked', async ({
  page,
  context,
}) => {
  await page.goto('/auth?next=%2Fdashboard')
  await page.getByLabel('Email').fill('dana@example.com')
  await page.getByLabel('Keep me signed in').check()
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByText('Signed in as Dana Demo')).toBeVisible()
  const session = (await context.cookies()).find(
    (cookie) => cookie.name === SECURE_SESSION_COOKIE_NAME,
  )
  expect(session, 'the session cookie after sign-in').toBeDefined()

  const signOut = page.waitForResponse((response) => response.request().method() === 'DELETE')
  await page.getByRole('button', { name: 'Sign out' }).click()
  // 204: revoked in the store (a store that failed to open would answer 503).
  expect((await signOut).status()).toBe(204)
  await expect(page).toHaveURL(/\/auth(\?|$)/)

  // The signed-out cookie, replayed: an hour of life left, yet refused as revoked. First by the
  // server render (verifySession), then by the route handler, which also clears it.
  await context.addCookies([session!])
  // verifySession redirects with reason=revoked; ExpiryToast says so once and strips the reason.
  await page.goto('/dashboard')
  await expect(page.locator('[data-sonner-toast]')).toContainText('Your access has been revoked')
  await expect(page).toHaveURL(`${INSTALL_BASE_URL}/auth?next=%2Fdashboard`)
  await context.addCookies([session!])
  const replayed = await page.request.get('/api/session')
  expect(replayed.status()).toBe(200)
  expect(await replayed.json()).toMatchObject({ status: 'unauthenticated', reason: 'revoked' })
})
