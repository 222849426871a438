import { isRevoked } from '../lib/revocations'
import { verifySession } from '../lib/session'
import { listUsers } from '../lib/user-directory'
import { type ListedUser, SettingsPanel } from './settings-panel'

async function SettingsPage() {
  const { user } = await verifySession({ next: '/settings' })
  // The browser gate only hides the panel: the user list itself is sent to admins only.
  const users: ListedUser[] =
    user.role === 'admin'
      ? listUsers().map((listed) => ({ ...listed, revoked: isRevoked(listed.id) }))
      : []
  return (
    <>
      <h1>Settings</h1>
      <SettingsPanel users={users} />
    </>
  )
}

// Next.js requires pages as default exports.
export default SettingsPage
