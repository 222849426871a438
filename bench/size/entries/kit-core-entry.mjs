// Same names as kit-core.mjs, imported through the src/client.ts entry: shows whether the
// entry's re-exports (ExpiryToast -> sonner) tree-shake away when unused.
import { createElement as h } from 'react'
import { SessionGate, SessionProvider, useSession, useUser } from '@/lib/session/client'

function Account() {
  const { user } = useUser()
  const { signOut } = useSession()
  return h('button', { onClick: () => void signOut() }, user?.name)
}

export function App({ initialSession }) {
  return h(SessionProvider, { initialSession }, h(SessionGate, null, h(Account)))
}
