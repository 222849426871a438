import 'server-only'
import { createSessionProxy } from '@/lib/session/server'
import { HOME_PATH, LOGIN_PATH } from '@/lib/session/shared/constants'
import { slidingSession } from './sliding-session'

// proxy.ts for sliding sessions: the kit's proxy decides first (its redirects go out as made),
// then a page it lets through with a session that is due gets the renewed cookie on the same
// response. Never on a guest-only page. The file's `config` stays as installed: it skips /api/,
// where the route handler renews (sliding-route.ts).
const proxy = createSessionProxy({
  protectedPaths: ['/dashboard', '/settings'],
  guestOnlyPaths: [LOGIN_PATH],
  loginPath: LOGIN_PATH,
  homePath: HOME_PATH,
  ...slidingSession,
})

export { proxy }
