import 'server-only'
import type { MaxLifetimeOption, RevocationOptions } from '@/lib/session/server'
import { SESSION_LENGTHS } from '../auth/session-lengths'
import { revocationStore } from './revocation-store'

// The longest session this app hands out, in seconds (7 days). It never renews sessions, so this
// is also the absolute maximum lifetime: a revocation entry lives exactly that long, and none of
// the tokens it covers can open after it. An app that renews would put its own maximum here.
const LONGEST_SESSION_SECONDS = Math.max(
  ...Object.values(SESSION_LENGTHS).map((length) => length.maxAgeSeconds),
)

// What the route handler, the data access layer and the admin's "End all sessions" share: one
// object, spread into each, so a revocation entry written by any of them outlives the same tokens.
const sessionOptions = {
  revocation: { store: revocationStore },
  maxLifetimeSeconds: LONGEST_SESSION_SECONDS,
} satisfies { revocation: RevocationOptions } & Required<MaxLifetimeOption>

export { sessionOptions }
