import 'server-only'
import type { SessionUser } from '@/lib/session/shared/user'

/**
 * YOUR user lookup: the session cookie holds only a user id, and every check (the layout, the
 * route handler, verifySession) turns it into a user here. Return the user, or null for a user
 * who no longer may sign in (deleted, banned): the session then ends with reason `revoked`.
 * Return only what the browser may see: the result is sent to it as `SessionUser`.
 *
 * Replace the body with your database call, e.g.
 *   const row = await db.user.findUnique({ where: { id: userId } })
 *   return row && { id: row.id, name: row.name, email: row.email, role: row.role }
 */
async function loadUser(userId: string): Promise<SessionUser | null> {
  // Deliberately not a default: an app that forgot this step must fail loudly (a 500 from
  // /api/session naming this file), never sign everybody in or out.
  throw new Error(
    `loadUser is not written yet (asked for user ${JSON.stringify(userId)}): ` +
      'edit lib/session/load-user.ts to look the user up in your database.',
  )
}

export { loadUser }
