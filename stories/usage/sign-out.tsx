// components/sign-out-form.tsx
import { signOut } from '@/lib/session/server'

// Works without JavaScript: the form posts to the kit's Server Action, which clears the cookie
// and redirects to the login page. Other open tabs notice at their next check; for an instant
// sign-out in every tab, use useSession().signOut() in a client component.
function SignOutForm() {
  return (
    <form action={signOut}>
      <button type="submit">Sign out</button>
    </form>
  )
}

export { SignOutForm }
