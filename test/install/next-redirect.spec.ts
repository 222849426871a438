import { expect, test, type Page } from '@playwright/test'
import { safeNextPath } from '@/lib/session/shared/redirect'
import { INSTALL_BASE_URL } from './install-env'

// Regression: the fixture's sign-in action ends in `redirect(safeNextPath(next, HOME_PATH))`, the
// pattern the docs show. `safeNextPath` returned non-ASCII paths raw, and Next answered 500
// ("Invalid character in header content", Location or x-action-redirect) after setting the
// cookie, or delivered `/café` as `/cafÃ©`. Now it returns the percent-encoded form.
// [next, how the form is sent]: JavaScript on, the action answers with `x-action-redirect`;
// off, a plain form post answers 303 with `Location`. Both headers failed the same way; each
// input runs once, and a real page with a non-ASCII query runs both ways.
const CRAFTED_NEXT: ReadonlyArray<[string, 'with JavaScript' | 'without JavaScript']> = [
  ['/dashboard?tab=\u2713', 'with JavaScript'], // a real page, a non-ASCII query
  ['/dashboard?tab=\u2713', 'without JavaScript'],
  ['/\u2713', 'with JavaScript'],
  ['/caf\u00e9', 'without JavaScript'],
  ['/\u2028/evil.com', 'with JavaScript'], // a line separator
  ['/\uff0f/evil.com', 'without JavaScript'], // a fullwidth solidus
]

async function signInWithNext(page: Page, next: string): Promise<number> {
  await page.goto(`/auth?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Email').fill('dana@example.com')
  const action = page.waitForResponse((response) => response.request().method() === 'POST')
  await page.getByRole('button', { name: 'Sign in' }).click()
  return (await action).status()
}

for (const [next, mode] of CRAFTED_NEXT) {
  test.describe(mode, () => {
    test.use({ javaScriptEnabled: mode === 'with JavaScript' })

    test(`sign-in with next=${JSON.stringify(next)} lands on that path, same origin, no 500`, async ({
      page,
    }) => {
      const status = await signInWithNext(page, next)
      expect(status, 'the sign-in action answered').toBeLessThan(500)
      const landed = safeNextPath(next, '/')
      await expect(page).toHaveURL(`${INSTALL_BASE_URL}${landed}`)
      // The canonical form is the same page the raw path names, not a garbled one.
      expect(new URL(page.url()).pathname).toBe(new URL(next, INSTALL_BASE_URL).pathname)
      if (next.startsWith('/dashboard')) {
        await expect(page.getByText('Server: dana@example.com')).toBeVisible()
      }
    })
  })
}
