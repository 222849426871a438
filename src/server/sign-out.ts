import 'server-only'
import { cookies } from 'next/headers'
import { redirect } from 'next/navigation'
import type { SessionPayload } from '../shared/types'
import { SESSION_ENDPOINT } from '../shared/constants'
import { deleteSession } from './cookie'
import { pendingOf, pendingRevocationCookie } from './pending-revocation'
import { RevocationStoreError } from './revocation-store'
import { revokeSession, revokeUserSessions, type RevocationWithLifetime } from './revocation-check'
import type { DecryptResult } from './session'

/** What the sign-out helpers need from the DAL that makes them. */
type SignOutDeps = {
  /** Where revocations go; without one, signing out only clears the cookie. */
  revocation: RevocationWithLifetime | undefined
  /** Where both helpers send the user afterwards. */
  loginPath: string
  /** This request's session, fully checked (store and `loadUser`): the DAL's `getSession`. */
  getSession: () => Promise<SessionPayload>
  /** The first of this request's session cookie values that opens: its id, user and sign-in. */
  openCookie: () => Promise<DecryptResult>
}

/** The sign-out helpers of a DAL: call them from the app's own Server Actions. */
type SignOuts = {
  /** Revokes this session (if a store is set), clears the cookie, redirects to the login path. */
  signOut: () => Promise<never>
  /** Revokes every session of the signed-in user signed in until now, then signs out here too. */
  signOutEverywhere: () => Promise<never>
}

function createSignOuts({ revocation, loginPath, getSession, openCookie }: SignOutDeps): SignOuts {
  async function signOut(): Promise<never> {
    const now = Date.now()
    const opened = revocation && (await openCookie())
    try {
      if (revocation && opened?.ok) await revokeSession(revocation, opened.session, now)
    } catch (error) {
      // Store down: the session waits in the pending-revocation cookie of /api/session, which the
      // provider's next GET there (or a DELETE) revokes. The error still reaches the error boundary.
      if (error instanceof RevocationStoreError && opened?.ok) {
        const pending = await pendingRevocationCookie(
          pendingOf(opened.session),
          SESSION_ENDPOINT,
          now,
        )
        ;(await cookies()).set(pending.name, pending.value, pending.options)
      }
      throw error
    } finally {
      // The user asked to leave: the cookie goes even when the store is down.
      await deleteSession()
    }
    // No `reason` in the URL: signing out is not an expiry, so no toast.
    redirect(loginPath)
  }

  async function signOutEverywhere(): Promise<never> {
    if (!revocation) {
      throw new TypeError(
        'signOutEverywhere needs a revocation store: createSessionDal({ revocation })',
      )
    }
    // The full check first: a revoked or deleted user's old cookie must not end anyone's sessions.
    const session = await getSession()
    const opened = await openCookie()
    if (session.status === 'authenticated' && opened.ok) {
      await revokeUserSessions(revocation, opened.session.userId, Date.now())
    }
    await deleteSession()
    redirect(loginPath)
  }

  return { signOut, signOutEverywhere }
}

export { createSignOuts }
export type { SignOuts }
