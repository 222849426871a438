// The kit's core plus ExpiryToast, with sonner's Toaster that the toast needs on the page.
import { createElement as h } from 'react'
import { Toaster } from 'sonner'
import { ExpiryToast } from '@/lib/session/client/expiry-toast'
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
  return h(
    SessionProvider,
    { initialSession },
    h(ExpiryToast),
    h(Toaster),
    h(SessionGate, null, h(Account)),
  )
}
