// Clerk's Next.js client: provider, user hook and the signed-in/out switches.
import { createElement as h } from 'react'
import { ClerkProvider, SignedIn, SignedOut, useUser } from '@clerk/nextjs'

function Account() {
  const { user } = useUser()
  return h('span', null, user?.fullName)
}

export function App() {
  return h(
    ClerkProvider,
    { publishableKey: 'pk_test_bench' },
    h(SignedIn, null, h(Account)),
    h(SignedOut, null, 'signed out'),
  )
}
