import 'server-only'
import { findUserById } from '@/lib/users'
import type { SessionUser } from './shared/user'

// The install test's version of the step the docs ask for after `shadcn add`: this app's
// user lookup in place of the template that throws.
async function loadUser(userId: string): Promise<SessionUser | null> {
  const user = findUserById(userId)
  return user && { id: user.id, name: user.name, email: user.email, role: 'member' }
}

export { loadUser }
