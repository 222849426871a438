// The app every kit size entry bundles: SessionProvider around a gate around a button that uses
// both hooks. The entries differ only in where they import the kit's names from and what they
// add beside the gate, so their sizes compare the imports, not the app.
import { createElement as h } from 'react'

/** `kit`: the kit's names as the entry imported them; `besideGate`: components next to the gate. */
function accountApp({ SessionProvider, SessionGate, useSession, useUser }, besideGate = []) {
  function Account() {
    const { user } = useUser()
    const { signOut } = useSession()
    return h('button', { onClick: () => void signOut() }, user?.name)
  }
  return function App({ initialSession }) {
    return h(
      SessionProvider,
      { initialSession },
      ...besideGate.map((component) => h(component)),
      h(SessionGate, null, h(Account)),
    )
  }
}

export { accountApp }
