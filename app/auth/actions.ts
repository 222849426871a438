'use server'
import 'server-only'
import { createSession, SessionConfigError, SessionCookieTooLargeError } from '@/lib/session/server'
import { findUserByCredentials } from '../lib/user-directory'
import { isSessionLengthId, SESSION_LENGTHS } from './session-lengths'

type SignInState =
  | { status: 'idle' }
  | { status: 'failed'; message: string }
  | { status: 'signed-in'; expiresAt: string }

async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = form.get('email')
  const password = form.get('password')
  const length = form.get('length')
  if (
    typeof email !== 'string' ||
    typeof password !== 'string' ||
    email === '' ||
    password === ''
  ) {
    return { status: 'failed', message: 'Enter your email and password.' }
  }
  if (!isSessionLengthId(length)) {
    return { status: 'failed', message: 'Choose a session length.' }
  }
  const user = await findUserByCredentials(email, password)
  // One message for both cases: saying which part was wrong tells an attacker who has an account.
  if (!user) return { status: 'failed', message: 'Wrong email or password.' }
  try {
    const { expiresAt } = await createSession(user.id, {
      maxAgeSeconds: SESSION_LENGTHS[length].maxAgeSeconds,
    })
    // No redirect here: the form refreshes the client session, and the page's guest-only
    // SessionGate then sends the user on to the (safe) `next` path or the dashboard.
    return { status: 'signed-in', expiresAt: new Date(expiresAt).toISOString() }
  } catch (error) {
    if (error instanceof SessionConfigError) throw error // a deployment bug, not a user mistake
    // A session too large for a cookie (over 4096 bytes): the message says what to fix, and a
    // sign-in that "worked" with a cookie the browser silently drops would be worse.
    if (error instanceof SessionCookieTooLargeError) {
      return { status: 'failed', message: `Could not start your session: ${error.message}` }
    }
    // Anything else (a bug, a failing dependency) is for the server log, not the browser:
    // raw messages can name files, settings or internals.
    console.error('Sign-in failed while creating the session:', error)
    return { status: 'failed', message: 'Could not start your session. Please try again later.' }
  }
}

export { signIn }
export type { SignInState }
