// The kit's provider, ExpiryToast and sonner's Toaster as a Next root layout renders them, with
// the route's answer as initialSession: rendered to HTML on the server, hydrated in the page.
import { createElement as h } from 'react'
import { Toaster } from 'sonner'
import { SessionProvider } from '@/lib/session/client/session-provider'
import { ExpiryToast } from '@/lib/session/toast'

function ExpiryTree({ initialSession }) {
  return h(
    SessionProvider,
    { initialSession },
    h('p', { id: 'path' }, 'signed in'),
    h(ExpiryToast),
    h(Toaster),
  )
}

export { ExpiryTree }
