import 'server-only'
import type { RevocationOptions } from '@/lib/session/server'
import { redisRevocationStore } from '@/lib/session/server/redis-revocation-store'

// lib/session/revocation.ts with Redis: only the `store` line (and its import) changed. Set
// REDIS_URL (redis://user:password@host:6379) in every environment that runs the app.
const revocation: RevocationOptions = {
  store: redisRevocationStore({ url: process.env.REDIS_URL! }),
}

export { revocation }
