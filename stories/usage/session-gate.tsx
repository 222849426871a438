// app/dashboard/page.tsx
import { SessionGate } from '@/lib/session/client'

// Signed-in users see the dashboard. Anyone else, and anyone whose session ends while the page
// is open, is sent to the login page with `next=/dashboard`, and comes back after signing in.
function DashboardPage() {
  return (
    <SessionGate fallback={<p aria-busy="true">Checking your session…</p>}>
      <h1>Dashboard</h1>
      <p>Only signed-in users get here.</p>
    </SessionGate>
  )
}

// Next.js requires pages as default exports.
export default DashboardPage
