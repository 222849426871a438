import type { SessionUser } from '@/lib/session/shared/user'
import { verifySession } from '../lib/session'
import { listUsers } from '../lib/user-directory'
import { SettingsPanel } from './settings-panel'
import { YourSessions } from './your-sessions'

async function SettingsPage() {
  const { user } = await verifySession({ next: '/settings' })
  // The browser gate only hides the panel: the user list itself is sent to admins only.
  const users: ReadonlyArray<SessionUser> = user.role === 'admin' ? listUsers() : []
  return (
    <>
      <h1>Settings</h1>
      <YourSessions />
      <SettingsPanel users={users} />
    </>
  )
}

// Next.js requires pages as default exports.
export default SettingsPage
