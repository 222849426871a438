'use client'
import { useActionState, useEffect } from 'react'
import { useSession } from '@/lib/session/client'
import { signIn, type SignInState } from './actions'
import { DEFAULT_SESSION_LENGTH, SESSION_LENGTHS, type SessionLengthId } from './session-lengths'

const IDLE: SignInState = { status: 'idle' }
const LENGTH_IDS = Object.keys(SESSION_LENGTHS) as SessionLengthId[]

/** Email, password and session length, sent to the `signIn` Server Action. */
function SignInForm() {
  const [state, formAction, pending] = useActionState(signIn, IDLE)
  const { refresh } = useSession()

  useEffect(() => {
    // The cookie is set; tell the client session. The guest-only SessionGate around this page
    // then replaces the URL with the safe `next` (or the dashboard): one redirect rule, the kit's.
    if (state.status === 'signed-in') void refresh()
  }, [state, refresh])

  return (
    <form
      action={formAction}
      aria-describedby={state.status === 'failed' ? 'sign-in-error' : undefined}
    >
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <fieldset>
        <legend>Session length</legend>
        {LENGTH_IDS.map((id) => (
          <label key={id}>
            <input
              type="radio"
              name="length"
              value={id}
              defaultChecked={id === DEFAULT_SESSION_LENGTH}
            />
            {SESSION_LENGTHS[id].label}
          </label>
        ))}
      </fieldset>
      {state.status === 'failed' ? (
        <p id="sign-in-error" className="error" role="alert">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={pending || state.status === 'signed-in'}>
        {pending || state.status === 'signed-in' ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  )
}

export { SignInForm }
