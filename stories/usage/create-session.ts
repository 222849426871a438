'use server'
// app/auth/actions.ts
import { redirect } from 'next/navigation'
import { createSession, deleteSession } from '@/lib/session/server'
import { HOME_PATH, LOGIN_PATH } from '@/lib/session/shared/constants'
import { safeNextPath } from '@/lib/session/shared/redirect'
import { findUserByCredentials } from '@/app/lib/user-directory' // your own user lookup

const EIGHT_HOURS_SECONDS = 8 * 60 * 60

async function signIn(form: FormData): Promise<void> {
  const user = await findUserByCredentials(
    String(form.get('email') ?? ''),
    String(form.get('password') ?? ''),
  )
  if (user === null) redirect(`${LOGIN_PATH}?error=credentials`)
  // The cookie holds only the user id: loadUser turns it back into a user on every check.
  await createSession(user.id, { maxAgeSeconds: EIGHT_HOURS_SECONDS })
  redirect(safeNextPath(form.get('next'), HOME_PATH))
}

// Your own sign-out, for when it must do more than the kit's signOut (which goes to LOGIN_PATH).
async function signOutToHome(): Promise<void> {
  await deleteSession()
  redirect(HOME_PATH)
}

export { signIn, signOutToHome }
