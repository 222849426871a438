import {
  expect,
  type APIRequestContext,
  type BrowserContext,
  type Cookie,
  type Page,
} from '@playwright/test'
import { SESSION_LENGTHS, type SessionLengthId } from '../../app/auth/session-lengths'
import { DEMO_ACCOUNTS } from '../../app/lib/demo-accounts'
import { SECURE_SESSION_COOKIE_NAME, SESSION_ENDPOINT } from '@/lib/session/shared/constants'
import type { SessionPayload } from '@/lib/session/shared/types'
import { E2E_BASE_URL } from './server-env'

type DemoEmail =
  'ada@example.com' | 'dee@example.com' | 'max@example.com' | 'olga@example.com' | 'sam@example.com'

function account(email: DemoEmail) {
  const found = DEMO_ACCOUNTS.find((demo) => demo.email === email)
  if (!found) throw new Error(`No demo account ${email} in app/lib/demo-accounts.ts`)
  return found
}

/** Fills and submits the sign-in form on /auth (optionally with `?next=`); does not wait for the result. */
async function submitSignIn(
  page: Page,
  email: DemoEmail,
  { length = '2m', next }: { length?: SessionLengthId; next?: string } = {},
): Promise<void> {
  await page.goto(next === undefined ? '/auth' : `/auth?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(account(email).password)
  await page.getByLabel(SESSION_LENGTHS[length].label).check()
  await page.getByRole('button', { name: 'Sign in' }).click()
}

/** Signs in and waits for the dashboard to show the user. */
async function signIn(page: Page, email: DemoEmail, length: SessionLengthId = '2m'): Promise<void> {
  await submitSignIn(page, email, { length })
  await expect(page).toHaveURL('/dashboard')
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible()
}

// The e2e servers are `next start` (NODE_ENV=production) behind HTTPS: the cookie is Secure, so
// it is named `__Host-session`, as in a deployment.
const E2E_SESSION_COOKIE_NAME = SECURE_SESSION_COOKIE_NAME

/**
 * Signs in (as `signIn` does) and returns the session cookie the browser got, for the origin the
 * page signed in on: a session of the caller's own, to sign out or revoke.
 */
async function signInForCookie(
  page: Page,
  email: DemoEmail,
  length: SessionLengthId = '2m',
): Promise<Cookie> {
  await signIn(page, email, length)
  const origin = new URL(page.url()).origin
  const cookie = await sessionCookie(page.context(), origin)
  if (!cookie) throw new Error(`signing in ${email} set no session cookie for ${origin}`)
  return cookie
}

/** The session cookie the browser would send to `url` (the app, through the proxy), or undefined. */
async function sessionCookie(
  context: BrowserContext,
  url: string = E2E_BASE_URL,
): Promise<Cookie | undefined> {
  const cookies = await context.cookies(url)
  return cookies.find((cookie) => cookie.name === E2E_SESSION_COOKIE_NAME)
}

/** Puts `value` in the jar as the app's session cookie for `url`, valid for the browser for an hour. */
async function setSessionCookie(
  context: BrowserContext,
  value: string,
  url: string = E2E_BASE_URL,
): Promise<void> {
  await context.addCookies([
    {
      name: E2E_SESSION_COOKIE_NAME,
      value,
      // `url` (not `domain`) makes it host-only, Path=/, as `__Host-` demands.
      url,
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      expires: Math.floor(Date.now() / 1000) + 3600,
    },
  ])
}

/**
 * What GET /api/session says for this cookie value (sent by hand, outside any jar): through the
 * proxy, or from the instance at `baseUrl` (`http://127.0.0.1:<port>`).
 */
async function askSession(
  request: APIRequestContext,
  token: string,
  baseUrl = '',
): Promise<SessionPayload> {
  const response = await request.get(`${baseUrl}${SESSION_ENDPOINT}`, {
    headers: { cookie: `${E2E_SESSION_COOKIE_NAME}=${token}` },
  })
  expect(response.status()).toBe(200)
  return (await response.json()) as SessionPayload
}

/**
 * Waits (polling, not sleeping) until the server calls `token` expired: its `exp` has passed on
 * the server's clock. The browser drops such a cookie itself (its `Max-Age` ends at or before
 * `exp`), so tests that play a stale cookie put it back in the jar by hand.
 */
async function waitUntilExpired(request: APIRequestContext, token: string): Promise<string> {
  await expect
    .poll(
      async () => {
        const payload = await askSession(request, token)
        return payload.status === 'unauthenticated' ? payload.reason : payload.status
      },
      { timeout: 20_000, intervals: [500] },
    )
    .toBe('expired')
  return token
}

/** Clicks the header's "Sign out" and waits for its DELETE /api/session (which revokes): 204. */
async function clickSignOut(page: Page): Promise<void> {
  const deleted = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === SESSION_ENDPOINT &&
      response.request().method() === 'DELETE',
  )
  // Exact: /settings also has "Sign out of all devices".
  await page.getByRole('button', { name: 'Sign out', exact: true }).click()
  expect((await deleted).status(), 'DELETE /api/session').toBe(204)
}

/** sonner's toasts (rendered in document.body). */
function toasts(page: Page) {
  return page.locator('[data-sonner-toast]')
}

/** Every URL the page's main frame showed, including client-side replaces. */
function recordUrls(page: Page): string[] {
  const urls: string[] = []
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) urls.push(frame.url())
  })
  return urls
}

export {
  askSession,
  clickSignOut,
  E2E_SESSION_COOKIE_NAME,
  recordUrls,
  sessionCookie,
  setSessionCookie,
  signIn,
  signInForCookie,
  submitSignIn,
  toasts,
  waitUntilExpired,
}
export type { DemoEmail }
