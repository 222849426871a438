import { createSessionProxy } from '@/lib/session/server'
import { HOME_PATH, LOGIN_PATH } from '@/lib/session/shared/constants'

// Optimistic, cookie-only checks before a page renders (no database here): a signed-out visitor
// never sees a protected page start to render, a signed-in one never sees the sign-in form.
// Pages still check for real with verifySession() and SessionGate.
// Edit the two path lists; a path covers everything below it ('/dashboard' covers
// '/dashboard/usage'). createSessionProxy refuses configs that could loop (a protected login page).
const proxy = createSessionProxy({
  protectedPaths: ['/dashboard'],
  guestOnlyPaths: [LOGIN_PATH],
  loginPath: LOGIN_PATH,
  homePath: HOME_PATH,
})

// Next.js reads `config` statically from this exact `export const` form. Skipped: the API (the
// route handler answers for itself), build assets, images, and Server Action POSTs (each action
// checks the session itself).
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
