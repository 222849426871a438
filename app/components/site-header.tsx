'use client'
import Link from 'next/link'
import { useSession, useUser } from '@/lib/session/client'

/** Navigation and who is signed in; the sign-out button tells every open tab (BroadcastChannel). */
function SiteHeader() {
  const { user, status } = useUser()
  const { signOut, error } = useSession()
  return (
    <header className="site-header">
      <nav aria-label="Main">
        <ul>
          <li>
            <Link href="/">Home</Link>
          </li>
          <li>
            <Link href="/dashboard">Dashboard</Link>
          </li>
          <li>
            <Link href="/settings">Settings</Link>
          </li>
        </ul>
      </nav>
      <div className="session-status" aria-live="polite">
        {user ? (
          <>
            <p>
              Signed in as <strong>{user.name}</strong> ({user.role})
            </p>
            <button type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </>
        ) : status === 'loading' ? (
          <p>Checking session…</p>
        ) : (
          <>
            <p>Signed out</p>
            <Link href="/auth">Sign in</Link>
          </>
        )}
        {error ? (
          <p className="error" role="status">
            Could not reach the session service; retrying.
          </p>
        ) : null}
      </div>
    </header>
  )
}

export { SiteHeader }
