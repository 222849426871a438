import { useAtomValue } from 'jotai'
import { sessionAtom } from '@/lib/session/client/atoms'
import { useSession } from '@/lib/session/client/use-session'
import { useUser } from '@/lib/session/client/use-user'
import { MINUTE_MS } from '../../mocks/fixtures/sessions'

/**
 * The time left, in whole minutes: a story's view and its docs block run seconds apart, so a
 * clock time (or seconds) would differ between them; rounding to the nearest minute keeps an
 * hour's session at "60 min" and two minutes at "2 min" for the first 30 s either way.
 */
function timeLeft(expiresAt: number): string {
  const minutes = Math.round((expiresAt - Date.now()) / MINUTE_MS)
  return minutes < 1 ? 'in under a minute' : `in ${minutes} min`
}

/** What the provider's store holds, as a reader of the docs would want to see it. */
function SessionInspector() {
  const session = useAtomValue(sessionAtom)
  return (
    <dl aria-label="Session state">
      <dt>Status</dt>
      <dd>{session.status}</dd>
      {session.status === 'authenticated' ? (
        <>
          <dt>User</dt>
          <dd>{session.user.name}</dd>
          <dt>Expires</dt>
          <dd>{timeLeft(session.expiresAt)}</dd>
        </>
      ) : null}
      {session.status === 'unauthenticated' ? (
        <>
          <dt>Reason</dt>
          <dd>{session.reason}</dd>
        </>
      ) : null}
      {session.status !== 'loading' && session.error ? (
        <>
          <dt>Error</dt>
          <dd>{session.error.kind}</dd>
        </>
      ) : null}
    </dl>
  )
}

/** A header badge: the typical `useUser()` consumer. */
function UserBadge() {
  const { user, status } = useUser()
  if (user) return <p>Signed in as {user.name}</p>
  return <p>{status === 'loading' ? 'Checking session…' : 'Not signed in'}</p>
}

/** Everything `useSession()` offers: state, error, refresh, update and sign-out. */
function SessionPanel() {
  const { session, status, error, refresh, update, signOut } = useSession()
  return (
    <section aria-label="Your session">
      <p>Status: {status}</p>
      {session.status === 'authenticated' ? <p>Signed in as {session.user.name}</p> : null}
      {session.status === 'unauthenticated' ? <p>Reason: {session.reason}</p> : null}
      {error ? (
        <p role="alert">
          Session request failed: {error.kind}
          {error.httpStatus === undefined ? '' : ` (${error.httpStatus})`}
        </p>
      ) : null}
      <button type="button" onClick={() => void refresh()}>
        Check again
      </button>
      <button type="button" onClick={() => void update()}>
        Update session
      </button>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
    </section>
  )
}

/** Stands for a page only signed-in users may see. */
function DashboardContent() {
  return (
    <article>
      <h1>Dashboard</h1>
      <p>Only signed-in users see this.</p>
    </article>
  )
}

export { DashboardContent, SessionInspector, SessionPanel, UserBadge }
