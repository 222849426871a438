import { createSessionProxy } from '@/lib/session/server'
import { HOME_PATH, LOGIN_PATH } from '@/lib/session/shared/constants'

// Optimistic, cookie-only checks before a page renders (no database here): a signed-out visitor
// never sees a protected page start to render, a signed-in one never sees the sign-in form.
// Pages still check for real with verifySession() and SessionGate; this only saves a round trip.
// Edit the two path lists; a path covers everything below it ('/dashboard' covers
// '/dashboard/usage'). createSessionProxy refuses configs that could loop (a protected login page).
const proxy = createSessionProxy({
  protectedPaths: ['/dashboard', '/settings'],
  guestOnlyPaths: [LOGIN_PATH],
  loginPath: LOGIN_PATH,
  homePath: HOME_PATH,
})

// Next.js reads `config` statically from this exact `export const` form, so it cannot go in the
// export list below. Skipped: the API (the route handler answers for itself), build assets,
// images, and Server Action POSTs (each action checks the session itself; redirecting a POST to
// the sign-in page would only confuse the action's caller).
export const config = {
  matcher: [
    {
      source:
        '/((?!api/|_next/static/|_next/image|favicon\\.ico$|.*\\.(?:png|jpe?g|gif|svg|webp|ico)$).*)',
      missing: [{ type: 'header', key: 'next-action' }],
    },
  ],
}

export { proxy }
