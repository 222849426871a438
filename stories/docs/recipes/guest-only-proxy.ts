import { createSessionProxy } from '@/lib/session/server'
import { HOME_PATH, LOGIN_PATH } from '@/lib/session/shared/constants'

// In proxy.ts, only guestOnlyPaths changes (its `config` stays as installed): the sign-in page and
// every other page for signed-out visitors. A visitor with a valid cookie who opens one is
// redirected to the safe `?next=` or HOME_PATH. createSessionProxy throws at startup if a path is
// both protected and guest-only, if the login path is protected, or if the home path is
// guest-only: each of those would loop.
const proxy = createSessionProxy({
  protectedPaths: ['/dashboard', '/settings'],
  guestOnlyPaths: [LOGIN_PATH, '/signup', '/forgot-password'],
  loginPath: LOGIN_PATH,
  homePath: HOME_PATH,
})

export { proxy }
