'use server'
import 'server-only'
import { revalidatePath } from 'next/cache'
import { restoreUser, revokeUser } from '../lib/revocations'
import { verifySession } from '../lib/session'

/** Revoke (or restore) a user. Admins only: checked here, because a hidden button is no guard. */
async function setUserRevoked(form: FormData): Promise<void> {
  const { user } = await verifySession({ next: '/settings' })
  if (user.role !== 'admin') throw new Error('Only admins can revoke users.')
  const userId = form.get('userId')
  const revoke = form.get('revoke')
  if (typeof userId !== 'string' || userId === '')
    throw new Error('setUserRevoked: missing userId.')
  if (revoke !== 'true' && revoke !== 'false')
    throw new Error('setUserRevoked: revoke must be "true" or "false".')
  if (userId === user.id) throw new Error('You cannot revoke yourself.')
  if (revoke === 'true') revokeUser(userId)
  else restoreUser(userId)
  revalidatePath('/settings')
}

export { setUserRevoked }
