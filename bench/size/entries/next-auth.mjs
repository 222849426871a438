// next-auth v4's client: provider, hook and signOut, the counterpart of the kit's core.
import { createElement as h } from 'react'
import { SessionProvider, signOut, useSession } from 'next-auth/react'

function Account() {
  const { data } = useSession({ required: true })
  return h('button', { onClick: () => void signOut() }, data?.user?.name)
}

export function App({ session }) {
  return h(SessionProvider, { session }, h(Account))
}
