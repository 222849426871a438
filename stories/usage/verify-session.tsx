// app/account/account-summary.tsx
import { getSession, verifySession } from '@/lib/session/get-session'

// On a protected page: the signed-in user, or no render at all. verifySession() redirects to
// the login page with `next` (this page) and `reason` (expired, invalid, revoked).
async function AccountSummary() {
  const { user, expiresAt } = await verifySession({ next: '/account' })
  return (
    <p>
      {user.name} ({user.email}), signed in until <time dateTime={expiresAt}>{expiresAt}</time>
    </p>
  )
}

// On a public page: getSession() never redirects, it says who is there (if anyone).
async function Greeting() {
  const session = await getSession()
  return <p>{session.status === 'authenticated' ? `Hello, ${session.user.name}` : 'Hello!'}</p>
}

export { AccountSummary, Greeting }
