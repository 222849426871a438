import type { Page } from '@playwright/test'
import { SESSION_ENDPOINT } from '@/lib/session/shared/constants'
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

/** Counts this page's own requests to the session endpoint (each tab is its own page). */
function countSessionRequests(page: Page): () => number {
  let count = 0
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === SESSION_ENDPOINT) count += 1
  })
  return () => count
}

test('sign in in one tab: the other open tab of the same browser follows with no request of its own', async ({
  context,
}) => {
  const other = await context.newPage()
  await other.goto('/auth')
  await expect(other.getByRole('banner')).toContainText('Signed out')
  const otherRequests = countSessionRequests(other)
  // The requests the other tab had made when its guest-only page sent it on to the dashboard.
  let beforeLeaving: number | null = null
  other.on('framenavigated', (frame) => {
    if (frame === other.mainFrame() && new URL(frame.url()).pathname === '/dashboard')
      beforeLeaving ??= otherRequests()
  })

  await signIn(await context.newPage(), 'max@example.com')

  await expect(other.getByRole('banner')).toContainText('Signed in as Max Member')
  await expect(other).toHaveURL('/dashboard')
  await expect(other.getByRole('heading', { name: 'Dashboard' })).toBeVisible()
  // The broadcast payload was applied with no request (the banner and the gate's redirect came
  // from it); arriving on the dashboard is a navigation, which re-checks once as
  // `revalidateOnNavigation` (on by default) does on every navigation.
  expect(beforeLeaving).toBe(0)
  await expect.poll(otherRequests).toBe(1)
})

test('sign out in one of 5 tabs: every tab is signed out, with requests 1,0,0,0,0 (the others ask nothing)', async ({
  context,
}) => {
  const tabs = [await context.newPage()]
  await signIn(tabs[0]!, 'max@example.com') // a session of its own: signing out revokes it
  for (let index = 1; index < 5; index += 1) {
    const tab = await context.newPage()
    await tab.goto('/dashboard')
    await expect(tab.getByRole('banner')).toContainText('Signed in as Max Member')
    tabs.push(tab)
  }
  const requests = tabs.map(countSessionRequests)

  await tabs[0]!.getByRole('button', { name: 'Sign out', exact: true }).click()

  for (const tab of tabs) {
    await expect(tab.getByRole('banner')).toContainText('Signed out')
    await expect(tab).toHaveURL(/\/auth/)
  }
  expect(requests.map((count) => count())).toEqual([1, 0, 0, 0, 0])
})
