import { SessionGate } from '@/lib/session/client'
import { ColumnTable } from '../components/column-table'
import { DEMO_ACCOUNTS } from '../lib/demo-accounts'
import { SignInForm } from './sign-in-form'

function AuthPage() {
  return (
    // Guest-only: a signed-in user is sent on to the safe `next` or the dashboard (the proxy
    // does the same before the page renders; this covers signing in on this very page).
    <SessionGate require="guest" fallback={<p>Checking session…</p>}>
      <h1>Sign in</h1>
      <SignInForm />
      <h2>Demo accounts</h2>
      <p className="muted">
        This is a demo running on your machine, so the passwords are right here.
      </p>
      <ColumnTable columns={['Email', 'Password', 'What it shows']}>
        {DEMO_ACCOUNTS.map((account) => (
          <tr key={account.email}>
            <td>{account.email}</td>
            <td>
              <code>{account.password}</code>
            </td>
            <td>{account.purpose}</td>
          </tr>
        ))}
      </ColumnTable>
    </SessionGate>
  )
}

// Next.js requires pages as default exports.
export default AuthPage
