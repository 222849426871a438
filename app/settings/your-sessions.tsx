'use client'
import { useActionState } from 'react'
import { signOutOfAllDevices, type SessionsFormState } from './actions'
import { FormOutcome } from './form-outcome'

const IDLE: SessionsFormState = { status: 'idle' }

/** "Sign out of all devices", for every signed-in user: ends this session and all the others. */
function YourSessions() {
  const [state, formAction, pending] = useActionState(signOutOfAllDevices, IDLE)
  return (
    <section aria-labelledby="your-sessions">
      <h2 id="your-sessions">Your sessions</h2>
      <p className="muted">
        Signed in on a computer you no longer use? This ends every session of your account, here and
        on every other device; each of them is signed out at its next session check.
      </p>
      <form action={formAction}>
        <button type="submit" disabled={pending}>
          Sign out of all devices
        </button>
      </form>
      <FormOutcome state={state} />
    </section>
  )
}

export { YourSessions }
