import 'server-only'
import { loadUser } from '@/lib/session/load-user'
import { createSessionRoute, memoryRevocationStore } from '@/lib/session/server'

// In a test: the route handler with a store of its own, in this process's memory. Each test makes
// a fresh one, so a sign-out in one test never revokes a session another test signs in with.
function sessionRouteForTest() {
  return createSessionRoute({ loadUser, revocation: { store: memoryRevocationStore() } })
}

export { sessionRouteForTest }
