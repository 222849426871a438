// Same names as kit-core.mjs, imported through the src/client.ts entry: shows whether the
// entry's re-exports (ExpiryToast -> sonner) tree-shake away when unused.
import { SessionGate, SessionProvider, useSession, useUser } from '@/lib/session/client'
import { accountApp } from '../account-app.mjs'

export const App = accountApp({ SessionProvider, SessionGate, useSession, useUser })
