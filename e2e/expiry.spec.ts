import { SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import { expect, test } from './support/fixtures'
import { askSession, recordUrls, sessionCookie, signIn, toasts } from './support/session'
import { E2E_BASE_URL } from './support/server-env'

/** A GET /api/session in the last this many ms before `expiresAt` would be polling for the end. */
const BEFORE_END_MS = 2_000
/** The cookie's Max-Age counts from when the browser got it, a few ms after the server's now. */
const COOKIE_TRIP_MS = 100
/** The deadline is expiresAt + 100 ms on the server's clock; 1 s leaves room for a loaded CI box. */
const DEADLINE_CHECK_WITHIN_MS = 1_000

test('2. a 5-second session left open on the dashboard: without reload, one toast, /auth?next=%2Fdashboard&reason=expired, no cookie, signed out', async ({
  page,
  context,
  request,
}) => {
  const urls = recordUrls(page)
  const checks: number[] = [] // when the page sent each GET /api/session, epoch ms
  page.on('request', (sent) => {
    const { pathname } = new URL(sent.url())
    if (sent.method() === 'GET' && pathname === SESSION_ENDPOINT) checks.push(Date.now())
  })
  await signIn(page, 'max@example.com', '5s')
  let documentLoads = 0
  page.on('load', () => documentLoads++)
  const cookie = await sessionCookie(context)
  if (!cookie) throw new Error('no session cookie after signing in')
  const session = await askSession(request, cookie.value)
  if (session.status !== 'authenticated') throw new Error(`signed in, yet ${session.status}`)
  const expiresAt = Date.parse(session.expiresAt)
  // Max-Age (whole seconds left, rounded down) ends the cookie at exp or before: with Expires
  // alone, Chromium dated it from the whole-second Date header and kept it up to ~1 s past exp.
  expect(cookie.expires * 1000).toBeLessThanOrEqual(expiresAt + COOKIE_TRIP_MS)

  // A real wait: the session has to run out. The provider's deadline, counted from the server's
  // clock, notices it with one request, at or after expiresAt (browser and server share a clock).
  await expect(toasts(page)).toHaveCount(1, { timeout: 15_000 })
  // (The redirect to /auth that follows makes a navigation check of its own, later.)
  const early = checks.filter((sentAt) => sentAt > expiresAt - BEFORE_END_MS && sentAt < expiresAt)
  expect(early).toEqual([])
  const deadlineCheck = checks.find((sentAt) => sentAt >= expiresAt)
  expect(deadlineCheck).toBeDefined()
  expect((deadlineCheck ?? Infinity) - expiresAt).toBeLessThan(DEADLINE_CHECK_WITHIN_MS)
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
