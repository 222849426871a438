// Same names as kit-core.mjs, imported through the src/client.ts entry: shows that the entry's
// re-exports add nothing when unused (ExpiryToast, and with it sonner, has its own entry, toast.ts).
import { SessionGate, SessionProvider, useSession, useUser } from '@/lib/session/client'
import { accountApp } from '../account-app.mjs'

export const App = accountApp({ SessionProvider, SessionGate, useSession, useUser })
