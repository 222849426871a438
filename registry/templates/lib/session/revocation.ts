import 'server-only'
import type { RevocationOptions } from '@/lib/session/server'
import { sqliteRevocationStore } from '@/lib/session/server/sqlite-revocation-store'

// Where sign-outs are kept, so a signed-out cookie replayed later is refused (reason `revoked`).
// The route handler (app/api/session/route.ts) and the DAL (get-session.ts) both use this one.
//
// The default: a SQLite file on this machine (.data/revocations.sqlite, or SESSION_REVOCATION_DB),
// no configuration. Every process on this machine shares it; several hosts or serverless
// functions do not, so they need Redis: `npx shadcn add @next-session-kit/redis-revocation-store`,
// set REDIS_URL, and make `store` this one line (importing redisRevocationStore from
// '@/lib/session/server/redis-revocation-store'):
//   store: redisRevocationStore({ url: process.env.REDIS_URL! }),
//
// An entry lives from sign-in for `maxLifetimeSeconds`, an option beside `revocation` in
// createSessionRoute and createSessionDal (default 400 days, the longest a cookie can live: always
// safe). To keep the store small, give both the same number: your longest session (the largest
// `maxAgeSeconds` you pass to createSession); never lower, or revocations would lapse early.
const revocation: RevocationOptions = {
  store: sqliteRevocationStore(),
}

export { revocation }
