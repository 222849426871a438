import { expect, test, type Page } from '@playwright/test'
import { safeNextPath } from '@/lib/session/shared/redirect'
import { INSTALL_BASE_URL } from './install-env'

// Regression: the fixture's sign-in action ends in `redirect(safeNextPath(next, HOME_PATH))`, the
// pattern the docs show. `safeNextPath` returned non-ASCII paths raw, and Next answered 500
// ("Invalid character in header content", Location or x-action-redirect) after setting the
// cookie, or delivered `/café` as `/cafÃ©`. Now it returns the percent-encoded form.
const CRAFTED_NEXT = [
  '/dashboard?tab=\u2713', // a real page, a non-ASCII query
  '/\u2713',
  '/caf\u00e9',
  '/\u2028/evil.com', // a line separator
  '/\uff0f/evil.com', // a fullwidth solidus
]

async function signInWithNext(page: Page, next: string): Promise<number> {
  await page.goto(`/auth?next=${encodeURIComponent(next)}`)
  await page.getByLabel('Email').fill('dana@example.com')
  const action = page.waitForResponse((response) => response.request().method() === 'POST')
  await page.getByRole('button', { name: 'Sign in' }).click()
  return (await action).status()
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(
    javaScriptEnabled ? 'with JavaScript' : 'without JavaScript (a plain form post)',
    () => {
      test.use({ javaScriptEnabled })

      for (const next of CRAFTED_NEXT) {
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
      }
    },
  )
}
