// The kit's provider in a bare page: the consumers, a navigation probe and sign-out for the driver.
import { createElement as h, useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { Toaster } from 'sonner'
import { ExpiryToast } from '@/lib/session/client/expiry-toast'
import { SessionProvider } from '@/lib/session/client/session-provider'
import { useSession } from '@/lib/session/client/use-session'
import { useUser } from '@/lib/session/client/use-user'
import { navigate, usePathname } from 'next/navigation'
import { config, expiresAtIso, nowIso, USER } from './config.mjs'

function Consumer({ index }) {
  const { user, status } = useUser()
  return h('li', { 'data-status': status }, `${index}: ${status} ${user?.name ?? ''}`)
}

function Driver() {
  const { signOut } = useSession()
  useEffect(() => {
    window.__bench = { navigate, signOut: () => signOut() }
  }, [signOut])
  return h('p', { id: 'path' }, usePathname())
}

const initialSession = config.initial
  ? { status: 'authenticated', user: USER, expiresAt: expiresAtIso(), serverTime: nowIso() }
  : undefined
const consumers = Array.from({ length: config.consumers }, (_, index) =>
  h(Consumer, { key: index, index }),
)

createRoot(document.getElementById('root')).render(
  h(
    SessionProvider,
    { initialSession },
    h(Driver),
    h('ul', null, consumers),
    config.toast ? [h(ExpiryToast, { key: 'e' }), h(Toaster, { key: 't' })] : null,
  ),
)
