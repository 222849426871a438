// next-auth's provider in the same bare page, with the same consumers and driver hooks.
import { createElement as h, useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { SessionProvider, signOut, useSession } from 'next-auth/react'
import { navigate, usePathname } from 'next/navigation'
import { config, expiresAtIso, USER } from './config.mjs'

function Consumer({ index }) {
  const { data, status } = useSession()
  return h('li', { 'data-status': status }, `${index}: ${status} ${data?.user?.name ?? ''}`)
}

function Driver() {
  // redirect: false keeps the tab on its page so its requests can be counted (with the default
  // redirect the tab would reload to the callback URL: more traffic, not less).
  useEffect(() => {
    window.__bench = { navigate, signOut: () => signOut({ redirect: false }) }
  }, [])
  return h('p', { id: 'path' }, usePathname())
}

const session = config.initial
  ? { user: { name: USER.name, email: USER.email }, expires: expiresAtIso() }
  : undefined
const consumers = Array.from({ length: config.consumers }, (_, index) =>
  h(Consumer, { key: index, index }),
)

createRoot(document.getElementById('root')).render(
  h(SessionProvider, { session }, h(Driver), h('ul', null, consumers)),
)
