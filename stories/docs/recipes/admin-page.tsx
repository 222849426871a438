import 'server-only'
import { notFound } from 'next/navigation'
import { verifySession } from '@/lib/session/get-session'
import { AdminOnly } from './admin-only'

/**
 * app/admin/page.tsx. The server decides what is sent: a member gets a 404 and never receives the
 * admin data. AdminOnly only hides the page in the browser when the session changes while it is
 * open (a hidden button is no guard, so every admin Server Action checks the role again).
 */
async function AdminPage() {
  const { user } = await verifySession({ next: '/admin' })
  if (user.role !== 'admin') notFound()
  return (
    <AdminOnly>
      <h1>Administration</h1>
      <p>Signed in as {user.email}.</p>
    </AdminOnly>
  )
}

// Next.js requires pages as default exports.
export default AdminPage
