// Sessions that end on the server: a sign-out or "Sign out of all devices" goes into the Redis both
// instances share, so a copy of the cookie is refused wherever it is played. Each test signs in
// sessions of its own: the shared `tokenFor` ones would stay revoked for the tests after.
import { expect, test } from './support/fixtures'
import { E2E_BASE_URL, E2E_INSTANCE_PORTS } from './support/server-env'
import {
  askSession,
  clickSignOut,
  sessionCookie,
  setSessionCookie,
  signIn,
  signInForCookie,
  toasts,
} from './support/session'

test('a signed-out cookie, replayed: both instances answer revoked, and /dashboard does not open', async ({
  page,
  context,
  request,
}) => {
  const cookie = await signInForCookie(page, 'max@example.com')
  await clickSignOut(page)
  await expect(page.getByRole('banner')).toContainText('Signed out')

  // Still well-formed and unexpired: only the store knows it was signed out.
  for (const port of E2E_INSTANCE_PORTS) {
    const payload = await askSession(request, cookie.value, `http://127.0.0.1:${port}`)
    expect(payload, `instance on ${port}`).toMatchObject({
      status: 'unauthenticated',
      reason: 'revoked',
    })
  }
  await setSessionCookie(context, cookie.value)
  const response = await page.goto('/dashboard')
  expect(response?.url()).toBe(`${E2E_BASE_URL}/auth?next=%2Fdashboard&reason=revoked`)
  await expect(page.getByText('Welcome,')).toHaveCount(0)
})

test('"Sign out of all devices" in one browser signs out another: one toast there at its next check, none here', async ({
  page,
  context,
  browser,
}) => {
  const otherContext = await browser.newContext()
  try {
    const other = await otherContext.newPage()
    // Dee is this test's alone: signing out of all devices ends every session she has.
    await signIn(other, 'dee@example.com')
    await signIn(page, 'dee@example.com')

    await page.goto('/settings')
    await page.getByRole('button', { name: 'Sign out of all devices' }).click()
    await expect(page).toHaveURL('/auth')
    await expect(page.getByRole('banner')).toContainText('Signed out')
    expect(await sessionCookie(context)).toBeUndefined()

    // The other browser has a cookie that still opens; its next check (here a client-side
    // navigation) asks the store, which says revoked.
    await other
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Settings' })
      .click()
    await expect(toasts(other)).toHaveCount(1)
    await expect(other).toHaveURL('/auth?next=%2Fsettings')
    await expect(other.getByRole('banner')).toContainText('Signed out')
    await expect.poll(async () => (await sessionCookie(otherContext)) ?? null).toBeNull()
    await other.waitForLoadState('networkidle')
    await expect(toasts(other)).toHaveCount(1)
    // Signing out on purpose is not a lost session: no toast where the button was pressed.
    await expect(toasts(page)).toHaveCount(0)
  } finally {
    await otherContext.close()
  }
})
