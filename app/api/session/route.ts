import { createSessionRoute } from '@/lib/session/server'
import { loadUser } from '../../lib/user-directory'

// GET: the session as JSON (and a cleared cookie when it is stale); DELETE: sign out.
const { GET, DELETE } = createSessionRoute({ loadUser })

// The answer depends on the request's cookie: never prerender or cache it. Next.js reads route
// segment config statically, so it must be this exact `export const` form.
export const dynamic = 'force-dynamic'

export { DELETE, GET }
