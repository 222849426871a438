import { expect, test } from './support/fixtures'
import { recordUrls, sessionCookie, signIn, submitSignIn, toasts } from './support/session'
import { E2E_BASE_URL, E2E_HOST } from './support/server-env'

const SIGN_IN_SECONDS = 2 * 60 // the "2 minutes" choice

test('1. sign in: the dashboard shows the user; the cookie is httpOnly, SameSite=Lax, path=/, expires with the session', async ({
  page,
  context,
}) => {
  const before = Date.now() / 1000
  await signIn(page, 'max@example.com', '2m')

  await expect(page.getByText('Welcome, Max Member')).toBeVisible()
  await expect(page.getByRole('banner')).toContainText('Signed in as Max Member (member)')
  const cookie = await sessionCookie(context)
  // Host-only for the app's own name (a `__Host-` cookie has no Domain attribute).
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', domain: E2E_HOST })
  // `next start` is production: Secure, over the proxy's real HTTPS.
  expect(cookie?.secure).toBe(true)
  expect(cookie?.expires).toBeGreaterThanOrEqual(Math.floor(before) + SIGN_IN_SECONDS - 1)
  expect(cookie?.expires).toBeLessThanOrEqual(Date.now() / 1000 + SIGN_IN_SECONDS + 1)
  await expect(toasts(page)).toHaveCount(0)
})

test('sign in with a wrong password: one message for both cases, no cookie', async ({
  page,
  context,
}) => {
  await page.goto('/auth')
  await page.getByLabel('Email').fill('max@example.com')
  await page.getByLabel('Password').fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('main').getByRole('alert')).toHaveText('Wrong email or password.')
  await expect(page).toHaveURL('/auth')
  expect(await sessionCookie(context)).toBeUndefined()
})

test('a session over 4 KB (the oversize demo user): a clear error at sign-in, not a silently missing cookie', async ({
  page,
  context,
}) => {
  await submitSignIn(page, 'olga@example.com', { length: '2m' })
  await expect(page.getByRole('main').getByRole('alert')).toContainText(
    'Could not start your session',
  )
  await expect(page.getByRole('main').getByRole('alert')).toContainText('4096')
  await expect(page).toHaveURL('/auth')
  expect(await sessionCookie(context)).toBeUndefined()
  await expect(page.getByRole('banner')).toContainText('Signed out')
})

for (const next of ['//evil.com', 'https://evil.com', '/\\evil.com']) {
  test(`6. open redirect: after sign-in with ?next=${next} the browser stays on the app (dashboard)`, async ({
    page,
    context,
  }) => {
    const offsite: string[] = []
    await context.route(
      (url) => url.origin !== E2E_BASE_URL,
      (route) => {
        offsite.push(route.request().url())
        return route.abort()
      },
    )
    const urls = recordUrls(page)
    await submitSignIn(page, 'max@example.com', { next })
    await expect(page).toHaveURL(`${E2E_BASE_URL}/dashboard`)
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible()
    expect(urls.every((url) => url.startsWith(`${E2E_BASE_URL}/`))).toBe(true)
    expect(offsite).toEqual([])
  })
}

test('6. a safe ?next=/settings is honoured after sign-in (the guard is not just "always home")', async ({
  page,
}) => {
  await submitSignIn(page, 'ada@example.com', { next: '/settings' })
  await expect(page).toHaveURL('/settings')
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible()
})

test('8. guest-only /auth: a signed-in user lands on the dashboard (or a safe next); no redirect loop anywhere', async ({
  memberPage: page,
}) => {
  const cases: Array<[string, string]> = [
    ['/auth', '/dashboard'],
    ['/auth?next=%2Fsettings', '/settings'],
    ['/auth?next=%2Fauth', '/dashboard'], // next pointing back at a guest-only page
    ['/auth?next=%2F%2Fevil.com', '/dashboard'],
  ]
  for (const [from, to] of cases) {
    const response = await page.goto(from)
    expect(response?.url(), `${from} redirects once`).toBe(`${E2E_BASE_URL}${to}`)
    expect(response?.request().redirectedFrom()?.redirectedFrom() ?? null).toBeNull()
    await page.waitForLoadState('networkidle')
    await expect(page).toHaveURL(to) // and the client does not move it again
  }
})

test('8. signed out: protected pages redirect once to /auth with next; /auth itself does not redirect', async ({
  page,
}) => {
  for (const path of ['/dashboard', '/settings']) {
    const response = await page.goto(path)
    expect(response?.url()).toBe(`${E2E_BASE_URL}/auth?next=${encodeURIComponent(path)}`)
    expect(response?.request().redirectedFrom()?.redirectedFrom() ?? null).toBeNull()
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible()
    await expect(toasts(page)).toHaveCount(0) // a plain visitor (`missing`) gets no expiry toast
  }
  const response = await page.goto('/auth')
  expect(response?.request().redirectedFrom() ?? null).toBeNull()
  await page.waitForLoadState('networkidle')
  await expect(page).toHaveURL('/auth')
})

// `/dashboard` is dynamic through verifySession(); `/` only through the layout's getSession(),
// so it is the page a layout that swallowed Next's dynamic-rendering signal would prerender.
for (const path of ['/', '/dashboard']) {
  test(`first paint: a signed-in load of ${path} arrives with the user in the server HTML and asks /api/session nothing`, async ({
    page,
    signInFast,
  }) => {
    await signInFast(page, 'max@example.com')
    const sessionRequests: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/session') sessionRequests.push(request.method())
    })

    const response = await page.goto(path)
    // The layout's getSession() rendered the header on the server: no loading flash.
    expect(await response?.text()).toContain('Signed in as <strong>Max Member</strong>')
    await expect(page.getByRole('banner')).toContainText('Signed in as Max Member (member)')
    // Hydrated from initialSession: the provider has nothing to ask on mount.
    await page.waitForLoadState('networkidle')
    expect(sessionRequests).toEqual([])
  })
}
