import { SessionGate } from '@/lib/session/client'
import { verifySession } from '../lib/session'
import { SessionCountdown } from './session-countdown'

async function DashboardPage() {
  // Authoritative check on the server: no valid session, no render (redirects to /auth).
  const { user } = await verifySession({ next: '/dashboard' })
  return (
    // And in the browser: when the session ends while the page is open, the gate sends the
    // user to /auth?next=%2Fdashboard&reason=expired without a reload.
    <SessionGate fallback={<p aria-busy="true">Checking session…</p>}>
      <h1>Dashboard</h1>
      <p>
        Welcome, <strong>{user.name}</strong> ({user.email}).
      </p>
      <SessionCountdown />
    </SessionGate>
  )
}

// Next.js requires pages as default exports.
export default DashboardPage
