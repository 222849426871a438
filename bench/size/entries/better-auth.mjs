// better-auth's React client: createAuthClient gives the session hook and signOut.
import { createElement as h } from 'react'
import { createAuthClient } from 'better-auth/react'

const client = createAuthClient()

export function App() {
  const { data } = client.useSession()
  return h('button', { onClick: () => void client.signOut() }, data?.user?.name)
}
