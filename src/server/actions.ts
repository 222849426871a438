'use server'
import 'server-only'
import { redirect } from 'next/navigation'
import { LOGIN_PATH } from '../shared/constants'
import { deleteSession } from './cookie'

/**
 * Server Action: clears the session cookie and sends the user to the login page. No `reason`
 * in the URL: signing out is not an expiry, so no toast. It revokes nothing: an app with a
 * revocation store calls its DAL's `signOut()` (or `signOutEverywhere()`) from its own action.
 */
async function signOut(): Promise<never> {
  await deleteSession()
  redirect(LOGIN_PATH)
}

export { signOut }
