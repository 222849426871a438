import { isRecord } from './parse'

const ROLES = ['member', 'admin'] as const // every role a SessionUser may have

/**
 * The app's user, as the session endpoint returns it and `useUser()` exposes it.
 * This is the one place to change it: edit the type and its check together, and the
 * server, the client, the mocks and the stories follow (they all import from here).
 */
type SessionUser = {
  id: string
  name: string
  email: string
  role: (typeof ROLES)[number]
}

/** Runtime check for a user that came over the network: the user or null, never a half-user. */
function parseSessionUser(value: unknown): SessionUser | null {
  if (!isRecord(value)) return null
  const { id, name, email, role } = value
  if (typeof id !== 'string' || id.length === 0) return null
  if (typeof name !== 'string' || typeof email !== 'string') return null
  if (typeof role !== 'string' || !(ROLES as ReadonlyArray<string>).includes(role)) return null
  return { id, name, email, role: role as SessionUser['role'] }
}

export { parseSessionUser }
export type { SessionUser }
