import { expect, test } from './support/fixtures'
import { recordUrls, sessionCookie, signIn, toasts } from './support/session'
import { E2E_BASE_URL } from './support/server-env'

test('2. a 5-second session left open on the dashboard: without reload, one toast, /auth?next=%2Fdashboard&reason=expired, no cookie, signed out', async ({
  page,
  context,
}) => {
  const urls = recordUrls(page)
  await signIn(page, 'max@example.com', '5s')
  let documentLoads = 0
  page.on('load', () => documentLoads++)

  // A real wait: the session has to run out. The provider's timer at expiresAt notices it.
  await expect(toasts(page)).toHaveCount(1, { timeout: 15_000 })
  await expect(toasts(page)).toContainText('Your session has expired')
  await expect(page).toHaveURL(/\/auth\?next=%2Fdashboard/)
  expect(urls).toContain(`${E2E_BASE_URL}/auth?next=%2Fdashboard&reason=expired`)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Signed out')
  expect(await sessionCookie(context)).toBeUndefined()
  expect(documentLoads).toBe(0)
  await page.waitForLoadState('networkidle')
  await expect(toasts(page)).toHaveCount(1)
})
