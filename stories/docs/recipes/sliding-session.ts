import 'server-only'
import type { MaxLifetimeOption, RenewalOption } from '@/lib/session/server'

/**
 * lib/session/sliding-session.ts: the one place a sliding session is set up. The route handler,
 * the proxy and the DAL all spread `slidingSession` into their options, so they renew by the same
 * rule and cap at the same maximum lifetime (the one revocation entries last, too). Your sign-in
 * action uses the same token lifetime: createSession(user.id, { maxAgeSeconds:
 * SESSION_MAX_AGE_SECONDS }).
 */
const SESSION_MAX_AGE_SECONDS = 30 * 60 // 30 minutes of inactivity end the session

const slidingSession = {
  // Renew once less than half the token's life is left: an active user gets a new cookie about
  // every 15 minutes, not one per request.
  renewal: { whenLeftBelow: 0.5 },
  // However active the user, the session ends 12 hours after sign-in (in seconds).
  maxLifetimeSeconds: 12 * 3600,
} satisfies RenewalOption & MaxLifetimeOption

export { SESSION_MAX_AGE_SECONDS, slidingSession }
