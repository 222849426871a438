import 'server-only'
import { loadUser } from '@/lib/session/load-user'
import { revocation } from '@/lib/session/revocation'
import { createSessionDal } from '@/lib/session/server'

// The app's data access layer: the one place that turns the cookie into a user. Both functions
// are cached per request, so a layout and a page that both ask cost one decrypt and one lookup.
// `getSession()` never redirects (the root layout passes it to SessionProvider);
// `verifySession()` redirects to the login path with `next` and `reason` (protected pages,
// Server Actions, route handlers). Both check the revocation store (lib/session/revocation.ts).
// `signOut()` revokes this session and clears the cookie; `signOutEverywhere()` ends every session
// of the signed-in user: call them from your own Server Actions.
const { getSession, verifySession, signOut, signOutEverywhere } = createSessionDal({
  loadUser,
  revocation,
})

export { getSession, signOut, signOutEverywhere, verifySession }
