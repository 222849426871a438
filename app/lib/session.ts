import 'server-only'
import { createSessionDal } from '@/lib/session/server'
import { loadUser } from './user-directory'

// The app's data access layer: one place that knows how to turn the cookie into a user.
// `getSession()` never redirects (the layout uses it for the provider's first state);
// `verifySession()` redirects to /auth with `next` and `reason` (protected pages and actions).
const { getSession, verifySession } = createSessionDal({ loadUser })

export { getSession, verifySession }
