// The kit's core plus ExpiryToast, with sonner's Toaster that the toast needs on the page.
import { Toaster } from 'sonner'
import { ExpiryToast } from '@/lib/session/client/expiry-toast'
import { SessionGate } from '@/lib/session/client/session-gate'
import { SessionProvider } from '@/lib/session/client/session-provider'
import { useSession } from '@/lib/session/client/use-session'
import { useUser } from '@/lib/session/client/use-user'
import { accountApp } from '../account-app.mjs'

export const App = accountApp({ SessionProvider, SessionGate, useSession, useUser }, [
  ExpiryToast,
  Toaster,
])
