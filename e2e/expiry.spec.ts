import { expect, test } from '@playwright/test'
import { expiredToken, recordUrls, sessionCookie, setSessionCookie, signIn, toasts } from './support/session'
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
  await expect(page).toHaveURL(/\/auth\?next=%2Fdashboard/)
  expect(urls).toContain(`${E2E_BASE_URL}/auth?next=%2Fdashboard&reason=expired`)
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Signed out')
  expect(await sessionCookie(context)).toBeUndefined()
  expect(documentLoads).toBe(0)
  await page.waitForLoadState('networkidle')
  await expect(toasts(page)).toHaveCount(1)
})

test('3. direct navigation with an expired cookie: the proxy redirects with reason=expired; /auth toasts once and strips it; a reload shows no second toast', async ({
  page,
  context,
  request,
}) => {
  const token = await expiredToken(page, request, 'max@example.com')
  await setSessionCookie(context, token)

  const response = await page.goto('/dashboard')
  expect(response?.request().redirectedFrom()?.url()).toBe(`${E2E_BASE_URL}/dashboard`)
  expect(response?.url()).toBe(`${E2E_BASE_URL}/auth?next=%2Fdashboard&reason=expired`)
  await expect(toasts(page)).toHaveCount(1)
  await expect(page).toHaveURL(`${E2E_BASE_URL}/auth?next=%2Fdashboard`) // reason stripped
  expect(await sessionCookie(context)).toBeUndefined() // the proxy deleted it

  await page.reload()
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
  await page.waitForLoadState('networkidle')
  await expect(toasts(page)).toHaveCount(0)
})
