import 'server-only'
import type { RevocationStore } from '@/lib/session/server'
import { redisRevocationStore } from '@/lib/session/server/redis-revocation-store'
import { sqliteRevocationStore } from '@/lib/session/server/sqlite-revocation-store'

// Where the app's sign-outs and ended sessions live. Choosing a store is the one line in
// `openStore`: SQLite in `.data/revocations.sqlite` by default (no configuration; every instance
// on this machine shares the file), Redis when REDIS_URL is set (instances on several machines,
// or serverless). Both connect on first use, so `next build` needs neither.
function openStore(): RevocationStore {
  const redisUrl = process.env.REDIS_URL
  if (redisUrl === undefined) return sqliteRevocationStore()
  if (redisUrl.trim() === '') {
    throw new Error(
      'REDIS_URL is set but empty: set it to redis://host:port, or unset it for SQLite.',
    )
  }
  return redisRevocationStore({ url: redisUrl })
}

// One store per process, kept on globalThis rather than in this module: Next bundles route
// handlers, Server Components and Server Actions separately, so one `next start` can evaluate
// this module more than once, and each copy would open its own SQLite handle or Redis connection
// (measured: without this, a Server Action opened a second one; e2e/store-restart.spec.ts checks).
// Symbol.for gives every copy the same key.
const STORE_KEY = Symbol.for('next-session-kit.reference-app.revocation-store')
const processGlobals = globalThis as typeof globalThis & { [STORE_KEY]?: RevocationStore }
const revocationStore = (processGlobals[STORE_KEY] ??= openStore())

export { revocationStore }
