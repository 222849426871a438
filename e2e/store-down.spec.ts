// A revocation store that is down is "could not tell", never a sign-out: the signed-in user keeps
// the page, sees the retry notice and no toast, and is back to normal once the store returns.
// On an instance of its own with a Redis of its own: stopping the shared one would fail the
// tests running beside this one.
import { SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import { extraInstanceUrl } from './support/extra-instance'
import { expect, test } from './support/fixtures'
import {
  askSession,
  E2E_SESSION_COOKIE_NAME,
  sessionCookie,
  signInForCookie,
  toasts,
} from './support/session'

const ERROR_NOTICE = 'Could not reach the session service; retrying.'
// The client retries after the route's Retry-After (5 s); a slow machine gets the time twice over.
const RECOVERY_TIMEOUT_MS = 20_000

// The page and its sign-in go to this test's own instance (plain http on 127.0.0.1). Signing in
// there rather than planting a cookie: Chromium takes a Secure `__Host-` cookie over http from
// the server, but refuses one added through the DevTools protocol for an http URL.
test.use({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none
  baseURL: async ({}, provide, testInfo) => provide(extraInstanceUrl(testInfo.parallelIndex)),
})

test('Redis stops mid-session: the user stays signed in, no toast (GET answers 503); it recovers by itself when Redis returns', async ({
  page,
  context,
  request,
  onOwnRedis: { instance, redis },
}) => {
  const cookieBefore = await signInForCookie(page, 'max@example.com', '7d')
  const token = cookieBefore.value
  const banner = page.getByRole('banner')
  const nav = page.getByRole('navigation', { name: 'Main' })

  await redis.stop()
  const down = await request.get(`${instance.baseUrl}${SESSION_ENDPOINT}`, {
    headers: { cookie: `${E2E_SESSION_COOKIE_NAME}=${token}` },
  })
  expect(down.status()).toBe(503)
  expect(down.headers()['retry-after']).toBe('5')
  // A client-side navigation makes the provider check: it gets the 503 and keeps the user.
  await nav.getByRole('link', { name: 'Home' }).click()
  await expect(page).toHaveURL('/')
  await expect(banner).toContainText(ERROR_NOTICE)
  await expect(banner).toContainText('Signed in as Max Member')
  await expect(toasts(page)).toHaveCount(0)

  await redis.start()
  // No click, no reload: the provider's own retry finds the store back.
  await expect(banner).not.toContainText(ERROR_NOTICE, { timeout: RECOVERY_TIMEOUT_MS })
  await expect(banner).toContainText('Signed in as Max Member')
  expect(await askSession(request, token, instance.baseUrl)).toMatchObject({
    status: 'authenticated',
  })
  await nav.getByRole('link', { name: 'Dashboard' }).click()
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible()
  await expect(toasts(page)).toHaveCount(0)
  expect(await sessionCookie(context, instance.baseUrl)).toEqual(cookieBefore)
})
