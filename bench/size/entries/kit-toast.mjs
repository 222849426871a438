// The kit's core plus ExpiryToast, with sonner's Toaster that the toast needs on the page.
import { createElement as h } from 'react'
import { Toaster } from 'sonner'
import { ExpiryToast } from '../../../src/client/expiry-toast'
import { SessionGate } from '../../../src/client/session-gate'
import { SessionProvider } from '../../../src/client/session-provider'
import { useSession } from '../../../src/client/use-session'
import { useUser } from '../../../src/client/use-user'

function Account() {
  const { user } = useUser()
  const { signOut } = useSession()
  return h('button', { onClick: () => void signOut() }, user?.name)
}

export function App({ initialSession }) {
  return h(
    SessionProvider,
    { initialSession },
    h(ExpiryToast),
    h(Toaster),
    h(SessionGate, null, h(Account)),
  )
}
