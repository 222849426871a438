// Same names as kit-toast.mjs, imported through the entries an app uses: the core from
// src/client.ts, ExpiryToast from its own entry, src/toast.ts (the only one that brings sonner).
import { Toaster } from 'sonner'
import { SessionGate, SessionProvider, useSession, useUser } from '@/lib/session/client'
import { ExpiryToast } from '@/lib/session/toast'
import { accountApp } from '../account-app.mjs'

export const App = accountApp({ SessionProvider, SessionGate, useSession, useUser }, [
  ExpiryToast,
  Toaster,
])
