import { expect, test } from './support/fixtures'
import { sessionCookie, signIn, toasts } from './support/session'

test('5. sign out in one tab: the other tab of the same browser becomes signed out without reload; Back shows no protected content', async ({
  context,
}) => {
  const first = await context.newPage()
  await signIn(first, 'max@example.com') // a session of its own: signing out revokes it
  // A client-side navigation, so the dashboard is in this tab's history behind the next page.
  await first
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await expect(first).toHaveURL('/settings')

  const second = await context.newPage()
  await second.goto('/dashboard')
  await expect(second.getByRole('banner')).toContainText('Signed in as Max Member')
  let secondLoads = 0
  second.on('load', () => secondLoads++)

  // Exact: /settings also has "Sign out of all devices".
  await first.getByRole('button', { name: 'Sign out', exact: true }).click()
  await expect(first).toHaveURL(/\/auth/)
  await expect(first.getByRole('banner')).toContainText('Signed out')
  expect(await sessionCookie(context)).toBeUndefined()

  await expect(second.getByRole('banner')).toContainText('Signed out')
  await expect(second).toHaveURL(/\/auth/)
  await expect(second.getByRole('heading', { name: 'Dashboard' })).toHaveCount(0)
  expect(secondLoads).toBe(0)
  // Signing out is not an expiry: no toast in either tab.
  await expect(toasts(first)).toHaveCount(0)
  await expect(toasts(second)).toHaveCount(0)

  await first.goBack()
  await expect(first).toHaveURL(/\/auth/)
  await expect(first.getByRole('heading', { name: 'Settings' })).toHaveCount(0)
  await expect(first.getByRole('heading', { name: 'Dashboard' })).toHaveCount(0)
  await expect(first.getByText('Welcome,')).toHaveCount(0)
})
