import type { Page } from '@playwright/test'
import { expect, test } from './support/fixtures'
import { sessionCookie, toasts } from './support/session'

const ERROR_NOTICE = 'Could not reach the session service; retrying.'

/** A client-side round trip (Home, then Dashboard): each navigation makes the provider re-check. */
async function navigateAround(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main' })
  await nav.getByRole('link', { name: 'Home' }).click()
  await expect(page).toHaveURL('/')
  await nav.getByRole('link', { name: 'Dashboard' }).click()
  await expect(page).toHaveURL('/dashboard')
}

async function expectStillSignedIn(page: Page): Promise<void> {
  await expect(page.getByRole('banner')).toContainText('Signed in as Max Member')
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible()
  await expect(toasts(page)).toHaveCount(0)
}

test('7. /api/session failing (500, then aborted) while signed in: the user stays, no toast; it recovers when the endpoint does', async ({
  memberPage: page,
  context,
}) => {
  const cookieBefore = await sessionCookie(context)

  let served500 = 0
  await page.route('**/api/session', (route) => {
    served500++
    return route.fulfill({ status: 500, contentType: 'application/json', body: '{"error":"boom"}' })
  })
  await navigateAround(page)
  await expect.poll(() => served500).toBeGreaterThan(0)
  await expect(page.getByRole('banner')).toContainText(ERROR_NOTICE)
  await expectStillSignedIn(page)

  await page.unroute('**/api/session')
  let aborted = 0
  await page.route('**/api/session', (route) => {
    aborted++
    return route.abort('connectionrefused')
  })
  await navigateAround(page)
  await expect.poll(() => aborted).toBeGreaterThan(0)
  await expect(page.getByRole('banner')).toContainText(ERROR_NOTICE)
  await expectStillSignedIn(page)

  await page.unroute('**/api/session')
  const recovered = page.waitForResponse(
    (response) => response.url().endsWith('/api/session') && response.ok(),
  )
  await navigateAround(page)
  await recovered
  await expect(page.getByRole('banner')).not.toContainText(ERROR_NOTICE)
  await expectStillSignedIn(page)
  expect(await sessionCookie(context)).toEqual(cookieBefore)
})
