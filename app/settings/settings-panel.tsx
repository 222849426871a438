'use client'
import { useActionState } from 'react'
import { SessionGate } from '@/lib/session/client'
import type { SessionUser } from '@/lib/session/shared/user'
import { ColumnTable } from '../components/column-table'
import { endUserSessions, type SessionsFormState } from './actions'
import { FormOutcome } from './form-outcome'

const IDLE: SessionsFormState = { status: 'idle' }

type SettingsPanelProps = {
  /** Every user; empty unless the server saw an admin. */
  users: ReadonlyArray<SessionUser>
}

function isAdmin(user: SessionUser): boolean {
  return user.role === 'admin'
}

/** Admin-only, gated in the browser with `allow`; the data and the action are checked on the server. */
function SettingsPanel({ users }: SettingsPanelProps) {
  const [state, formAction, pending] = useActionState(endUserSessions, IDLE)
  return (
    <SessionGate
      allow={isAdmin}
      fallback={<p aria-busy="true">Checking session…</p>}
      unauthorized={
        <p role="alert">Managing users is for admins. You are signed in as a member.</p>
      }
    >
      <h2>Users</h2>
      <p className="muted">
        Ending a user&apos;s sessions puts them in the revocation store: their next session check,
        on any instance, says <code>revoked</code>, and they are signed out with a toast. They can
        sign in again.
      </p>
      <ColumnTable columns={['Name', 'Role', 'Sessions']}>
        {users.map((user) => (
          <tr key={user.id}>
            <td>{user.name}</td>
            <td>{user.role}</td>
            <td>
              {user.role === 'admin' ? (
                <span className="muted">admin</span>
              ) : (
                <form action={formAction}>
                  <input type="hidden" name="userId" value={user.id} />
                  <button type="submit" disabled={pending}>
                    End all sessions of {user.name}
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </ColumnTable>
      <FormOutcome state={state} />
    </SessionGate>
  )
}

export { SettingsPanel }
export type { SettingsPanelProps }
