// The kit's core as a user copies it: provider + gate + both hooks (jotai bundled in).
import { SessionGate } from '@/lib/session/client/session-gate'
import { SessionProvider } from '@/lib/session/client/session-provider'
import { useSession } from '@/lib/session/client/use-session'
import { useUser } from '@/lib/session/client/use-user'
import { accountApp } from '../account-app.mjs'

export const App = accountApp({ SessionProvider, SessionGate, useSession, useUser })
