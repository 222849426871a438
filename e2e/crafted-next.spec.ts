import { safeNextPath } from '@/lib/session/shared/redirect'
import { expect, test } from './support/fixtures'
import { submitSignIn } from './support/session'
import { E2E_BASE_URL } from './support/server-env'

// Regression: `safeNextPath` returned non-ASCII paths raw, which a redirect header cannot carry
// (a 500 after the cookie was set, in the redirecting sign-in pattern; see
// test/install/next-redirect.spec.ts). In the reference app the guest-only SessionGate moves the
// signed-in user on: it must land on the canonical path, on this origin, with no error page.
// Two cases here; the install test runs the whole list through a redirecting action.
const CRAFTED_NEXT = [
  '/settings?tab=\u2713', // a real page, a non-ASCII query
  '/\u2028/evil.com', // a line separator
]

for (const next of CRAFTED_NEXT) {
  test(`sign-in with ?next=${JSON.stringify(next)}: lands on that path, percent-encoded, same origin`, async ({
    page,
  }) => {
    const serverErrors: string[] = []
    page.on('response', (response) => {
      if (response.status() >= 500) serverErrors.push(`${response.status()} ${response.url()}`)
    })
    await submitSignIn(page, 'ada@example.com', { next })
    await expect(page).toHaveURL(`${E2E_BASE_URL}${safeNextPath(next, '/')}`)
    // The canonical form names the same page the raw path does, not a garbled one.
    expect(new URL(page.url()).pathname).toBe(new URL(next, E2E_BASE_URL).pathname)
    if (next.startsWith('/settings')) {
      await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible()
    }
    expect(serverErrors).toEqual([])
  })
}
