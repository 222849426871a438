'use client'
import { SessionGate } from '@/lib/session/client'
import type { SessionUser } from '@/lib/session/shared/user'
import { ColumnTable } from '../components/column-table'
import { setUserRevoked } from './actions'

type ListedUser = SessionUser & { revoked: boolean }

type SettingsPanelProps = {
  /** Every user with their revocation state; empty unless the server saw an admin. */
  users: ReadonlyArray<ListedUser>
}

function isAdmin(user: SessionUser): boolean {
  return user.role === 'admin'
}

/** Admin-only, gated in the browser with `allow`; the data and the action are checked on the server. */
function SettingsPanel({ users }: SettingsPanelProps) {
  return (
    <SessionGate
      allow={isAdmin}
      fallback={<p aria-busy="true">Checking session…</p>}
      unauthorized={<p role="alert">Settings are for admins. You are signed in as a member.</p>}
    >
      <h2>Users</h2>
      <p className="muted">
        Revoking a user makes the app&apos;s <code>loadUser</code> return null: their next session
        check says <code>revoked</code>, and they are signed out with a toast.
      </p>
      <ColumnTable columns={['Name', 'Role', 'Access']}>
        {users.map((user) => (
          <tr key={user.id}>
            <td>{user.name}</td>
            <td>{user.role}</td>
            <td>
              {user.role === 'admin' ? (
                <span className="muted">admin</span>
              ) : (
                <form action={setUserRevoked}>
                  <input type="hidden" name="userId" value={user.id} />
                  <input type="hidden" name="revoke" value={String(!user.revoked)} />
                  <button
                    type="submit"
                    aria-label={`${user.revoked ? 'Restore' : 'Revoke'} ${user.name}`}
                  >
                    {user.revoked ? 'Restore' : 'Revoke'}
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </ColumnTable>
    </SessionGate>
  )
}

export { SettingsPanel }
export type { ListedUser, SettingsPanelProps }
