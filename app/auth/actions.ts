'use server'
import 'server-only'
import { headers } from 'next/headers'
import { createSession, SessionConfigError, SessionCookieTooLargeError } from '@/lib/session/server'
import { clientAddress, trustedAddressHeader } from '../lib/client-address'
import { normalizeEmail } from '../lib/normalize-email'
import { appSignInBackend, BACKEND_TIMEOUT_MS } from '../lib/sign-in-limiters'
import { throttledMessage } from '../lib/sign-in-limits'
import {
  createSignInThrottle,
  SignInThrottleUnavailableError,
  type SignInAttempt,
} from '../lib/sign-in-throttle'
import { findUserByCredentials } from '../lib/user-directory'
import { isSessionLengthId, SESSION_LENGTHS } from './session-lengths'

type SignInState =
  | { status: 'idle' }
  | { status: 'failed'; message: string }
  | { status: 'signed-in'; expiresAt: string }

// One per server process; the limiters open their backend on the first sign-in, not at import.
const throttle = createSignInThrottle(appSignInBackend(process.env).limiters, {
  timeoutMs: BACKEND_TIMEOUT_MS,
})

// Fail closed: while the throttle's backend is down nobody's password is checked. The throttle is
// the form's only defence against guessing, an outage is when an attacker would use it, and
// signed-in users are not affected (their sessions don't need it). Tells no one anything about
// any account.
const THROTTLE_UNAVAILABLE = 'Sign-in is unavailable right now. Please try again in a minute.'

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
  // A trusted-header misconfiguration throws here: a deployment bug, not a user mistake.
  const attempt: SignInAttempt = {
    account: normalizeEmail(email),
    address: clientAddress(await headers(), trustedAddressHeader(process.env)),
  }
  try {
    // Counted before the password is checked, for every email, known or not: the refusal is the
    // same for both, so it says nothing about which accounts exist.
    const decision = await throttle.begin(attempt)
    if (decision.status === 'throttled') {
      return { status: 'failed', message: throttledMessage(decision.retryAfterMs) }
    }
  } catch (error) {
    if (!(error instanceof SignInThrottleUnavailableError)) throw error
    console.error('Sign-in refused: the throttle backend is unavailable:', error)
    return { status: 'failed', message: THROTTLE_UNAVAILABLE }
  }
  const user = await findUserByCredentials(email, password)
  // One message for both cases: saying which part was wrong tells an attacker who has an account.
  if (!user) return { status: 'failed', message: 'Wrong email or password.' }
  await throttle.succeeded(attempt).catch((error: unknown) => {
    // The password was right: an outage now only leaves this one attempt counted.
    console.error('Sign-in throttle: could not reset the account counter:', error)
  })
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
