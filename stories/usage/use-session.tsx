'use client'
// components/sign-out-button.tsx
import { useSession } from '@/lib/session/client'

// signOut() ends the session on the server, signs out every open tab and goes to the login page.
// If the server cannot be reached, the user stays signed in and `error` says why.
function SignOutButton() {
  const { status, error, signOut } = useSession()
  if (status !== 'authenticated') return null
  return (
    <>
      <button type="button" onClick={() => void signOut()}>
        Sign out
      </button>
      {error ? <p role="status">Could not sign out: {error.message}</p> : null}
    </>
  )
}

export { SignOutButton }
