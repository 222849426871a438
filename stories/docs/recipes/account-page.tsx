import 'server-only'
import { verifySession } from '@/lib/session/get-session'

/**
 * app/account/page.tsx: a Server Component that needs the user. verifySession() is the
 * authoritative check (it opens the cookie and calls your loadUser); with no valid session it
 * redirects to /auth?next=/account&reason=…, so nothing below runs for a signed-out visitor.
 * It is cached per request: the layout's getSession() and this call cost one lookup together.
 */
async function AccountPage() {
  const { user, expiresAt } = await verifySession({ next: '/account' })
  return (
    <>
      <h1>Your account</h1>
      <dl>
        <dt>Name</dt>
        <dd>{user.name}</dd>
        <dt>Email</dt>
        <dd>{user.email}</dd>
        <dt>Session ends</dt>
        <dd>
          <time dateTime={expiresAt}>{new Date(expiresAt).toUTCString()}</time>
        </dd>
      </dl>
    </>
  )
}

// Next.js requires pages as default exports.
export default AccountPage
