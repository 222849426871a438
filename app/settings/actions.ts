'use server'
import 'server-only'
import { unstable_rethrow } from 'next/navigation'
import { RevocationStoreError } from '@/lib/session/server'
import { sessionOptions } from '../lib/session-options'
import { signOutEverywhere, verifySession } from '../lib/session'
import { listUsers } from '../lib/user-directory'

/** What the Settings forms show after a submit (both are `useActionState` forms). */
type SessionsFormState =
  { status: 'idle' } | { status: 'done'; message: string } | { status: 'failed'; message: string }

const STORE_DOWN_MESSAGE = 'The session store is not answering. Nothing was ended; try again.'

/** The store being down is the user's to hear about (and retry); anything else is a bug. */
function failedOnStore(error: unknown): SessionsFormState {
  unstable_rethrow(error) // Next's redirect travels as a thrown error
  if (error instanceof RevocationStoreError)
    return { status: 'failed', message: STORE_DOWN_MESSAGE }
  throw error
}

/** "Sign out of all devices": ends every session of the signed-in user, this one included. */
async function signOutOfAllDevices(): Promise<SessionsFormState> {
  try {
    return await signOutEverywhere() // redirects to /auth
  } catch (error) {
    return failedOnStore(error)
  }
}

/**
 * "End all sessions of <user>": every session the user signed in before now is refused from the
 * next check on, on every instance. Not a ban: they can sign in again. Admins only, checked here,
 * because a hidden button is no guard.
 */
async function endUserSessions(
  _previous: SessionsFormState,
  form: FormData,
): Promise<SessionsFormState> {
  const { user } = await verifySession({ next: '/settings' })
  if (user.role !== 'admin') throw new Error('Only admins can end the sessions of other users.')
  const userId = form.get('userId')
  const target = listUsers().find((listed) => listed.id === userId)
  if (!target) throw new Error(`endUserSessions: no user ${JSON.stringify(userId)}.`)
  if (target.id === user.id) {
    throw new Error('endUserSessions: use "Sign out of all devices" for your own sessions.')
  }
  try {
    const now = Date.now()
    // The entry lives as long as the app's longest session, the same as signOutEverywhere's.
    const until = now + sessionOptions.maxLifetimeSeconds * 1000
    await sessionOptions.revocation.store.revokeUser(target.id, now, until, now)
  } catch (error) {
    return failedOnStore(error)
  }
  return { status: 'done', message: `Ended every session of ${target.name}.` }
}

export { endUserSessions, signOutOfAllDevices }
export type { SessionsFormState }
