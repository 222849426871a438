import { loadUser } from '@/lib/session/load-user'
import { revocation } from '@/lib/session/revocation'
import { createSessionRoute } from '@/lib/session/server'

// GET: the session as JSON (and a cleared cookie when it is stale; 503 + Retry-After while the
// revocation store is down); DELETE: sign out, revoking the session in the store.
// SessionProvider and ExpiryToast talk to this endpoint (SESSION_ENDPOINT in shared/constants).
const { GET, DELETE } = createSessionRoute({ loadUser, revocation })

// The answer depends on the request's cookie: never prerender or cache it. Next.js reads route
// segment config statically, so it must be this exact `export const` form.
export const dynamic = 'force-dynamic'

export { DELETE, GET }
