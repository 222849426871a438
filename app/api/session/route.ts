import { createSessionRoute } from '@/lib/session/server'
import { sessionOptions } from '../../lib/session-options'
import { loadUser } from '../../lib/user-directory'

// GET: the session as JSON (and a cleared cookie when it is stale), 503 while the revocation
// store is down; DELETE: sign out, which revokes the session in the store (the header's "Sign
// out" button calls it), so a copy of the cookie is refused afterwards.
const { GET, DELETE } = createSessionRoute({ loadUser, ...sessionOptions })

// The answer depends on the request's cookie: never prerender or cache it. Next.js reads route
// segment config statically, so it must be this exact `export const` form.
export const dynamic = 'force-dynamic'

export { DELETE, GET }
