import 'server-only'
import { createSessionDal } from '@/lib/session/server'
import { sessionOptions } from './session-options'
import { loadUser } from './user-directory'

// The app's data access layer: one place that knows how to turn the cookie into a user.
// `getSession()` never redirects (the layout uses it for the provider's first state);
// `verifySession()` redirects to /auth with `next` and `reason` (protected pages and actions);
// `signOutEverywhere()` ends every session of the signed-in user (Settings). Each check asks the
// revocation store once, so a signed-out or ended session is refused on every instance.
const { getSession, verifySession, signOutEverywhere } = createSessionDal({
  loadUser,
  ...sessionOptions,
})

export { getSession, signOutEverywhere, verifySession }
