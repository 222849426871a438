import 'server-only'
import { loadUser } from '@/lib/session/load-user'
import { createSessionRoute } from '@/lib/session/server'
import { slidingSession } from './sliding-session'

// app/api/session/route.ts for sliding sessions. SessionProvider asks this endpoint on
// navigation, focus, `online` and at `expiresAt`, and these requests do not pass the proxy (its
// matcher skips /api/), so the route handler renews too: after its own checks (the store,
// loadUser), a session that is due gets a new cookie and the answer carries the new `expiresAt`.
const { GET, DELETE } = createSessionRoute({ loadUser, ...slidingSession })

// The answer depends on the request's cookie: never prerender or cache it.
export const dynamic = 'force-dynamic'

export { DELETE, GET }
