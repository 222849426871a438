// app/api/session/route.ts
import { loadUser } from '@/lib/session/load-user'
import { createSessionRoute } from '@/lib/session/server'

// GET answers SessionProvider's checks (and clears a stale cookie); DELETE signs out.
const { GET, DELETE } = createSessionRoute({
  loadUser,
  // Your admin app on another host may sign users out too: exact origins, no patterns.
  allowedOrigins: ['https://admin.example.com'],
})

// The answer depends on the request's cookie: never prerender or cache it.
export const dynamic = 'force-dynamic'

export { DELETE, GET }
