// The kit's core as a user copies it: provider + gate + both hooks (jotai bundled in).
import { createElement as h } from 'react'
import { SessionGate } from '@/lib/session/client/session-gate'
import { SessionProvider } from '@/lib/session/client/session-provider'
import { useSession } from '@/lib/session/client/use-session'
import { useUser } from '@/lib/session/client/use-user'

function Account() {
  const { user } = useUser()
  const { signOut } = useSession()
  return h('button', { onClick: () => void signOut() }, user?.name)
}

export function App({ initialSession }) {
  return h(SessionProvider, { initialSession }, h(SessionGate, null, h(Account)))
}
