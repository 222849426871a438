import 'server-only'
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { createClient } from 'redis'
import { RateLimiterRedis, RateLimiterSQLite } from 'rate-limiter-flexible'
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, type LimitPolicy } from './sign-in-limits'
import type { SignInLimiters } from './sign-in-throttle'

// The same kind of backend as the app's revocation store: Redis when REDIS_URL is set (counts
// shared by every instance), else a SQLite file per machine (shared by the instances on it).
const DEFAULT_SQLITE_PATH = '.data/sign-in-throttle.sqlite'
// A sign-in waits at most this long for the backend (ms), then is refused as unavailable:
// the form must answer, not hang on a slow Redis or a long-held SQLite write lock.
const BACKEND_TIMEOUT_MS = 1_000
// Between reconnection attempts while Redis is down (ms): 50, 100, ... then every 500 ms.
const reconnectDelayMs = (retries: number) => Math.min((retries + 1) * 50, 500)

type Env = Readonly<Record<string, string | undefined>>

type SignInBackend = {
  /** The two limiters, once the backend is open (first call opens it). */
  limiters: () => Promise<SignInLimiters>
  /** Closes the Redis connection or the SQLite file (tests, shutdown). */
  close(): Promise<void>
}

function redisBackend(url: string): SignInBackend {
  const client = createClient({
    url,
    // CLIENT SETNAME: tells its connection apart from the revocation store's in `CLIENT LIST`.
    name: 'sign-in-throttle',
    // Refused at once while disconnected, not queued: a sign-in answers "unavailable" now.
    disableOfflineQueue: true,
    commandOptions: { timeout: BACKEND_TIMEOUT_MS },
    socket: { connectTimeout: BACKEND_TIMEOUT_MS, reconnectStrategy: reconnectDelayMs },
  })
  // Without a listener an 'error' event (Redis went away) would crash the process; the commands
  // that fail meanwhile reject, and the sign-in says the service is unavailable.
  client.on('error', () => {})
  // node-redis 4+ (`redis`), not ioredis: rate-limiter-flexible must be told (camelCase commands).
  const limiter = (policy: LimitPolicy) =>
    new RateLimiterRedis({
      ...policy,
      storeClient: client,
      useRedisPackage: true,
      rejectIfRedisNotReady: true,
    })
  const limiters = { account: limiter(ACCOUNT_LIMIT), address: limiter(ADDRESS_LIMIT) }
  // Connects once, on first use; afterwards the client reconnects by itself and the limiters
  // reject while it is down (rejectIfRedisNotReady). The throttle's timeout bounds the wait.
  let connected: Promise<SignInLimiters> | null = null
  return {
    limiters: () => (connected ??= client.connect().then(() => limiters)),
    close: async () => {
      // close() waits for the connection; while Redis is down there is none to wait for.
      if (client.isReady) await client.close()
      else if (client.isOpen) client.destroy()
    },
  }
}

function sqliteLimiter(db: Database.Database, policy: LimitPolicy): Promise<RateLimiterSQLite> {
  // The constructor creates its table asynchronously and rejects every call until then: wait for
  // its callback, so the first sign-in after a start is not refused.
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterSQLite = new RateLimiterSQLite(
      {
        ...policy,
        storeClient: db,
        storeType: 'better-sqlite3',
        // A table name allows only letters, digits and _, unlike the key prefix.
        tableName: policy.keyPrefix.replaceAll('-', '_'),
        // Rows an hour past their window go every 5 minutes (the library's sweep).
        clearExpiredByTimeout: true,
      },
      (error?: Error) => (error ? reject(error) : resolve(limiter)),
    )
  })
}

async function sqliteLimiters(db: Database.Database): Promise<SignInLimiters> {
  const [account, address] = await Promise.all([
    sqliteLimiter(db, ACCOUNT_LIMIT),
    sqliteLimiter(db, ADDRESS_LIMIT),
  ])
  return { account, address }
}

function sqliteBackend(file: string): SignInBackend {
  let opened: { db: Database.Database; limiters: Promise<SignInLimiters> } | null = null
  function open() {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
    const db = new Database(file, { timeout: BACKEND_TIMEOUT_MS })
    // WAL: the instances on this machine share the file, readers never wait for the writer.
    db.pragma('journal_mode = WAL')
    return { db, limiters: sqliteLimiters(db) }
  }
  return {
    limiters: () => (opened ??= open()).limiters,
    close: async () => {
      opened?.db.close()
      opened = null
    },
  }
}

/**
 * The app's sign-in backend, opened on first use (never at import: `next build` needs no backend)
 * and kept for the process.
 */
function appSignInBackend(env: Env): SignInBackend {
  if (env.REDIS_URL) return redisBackend(env.REDIS_URL)
  return sqliteBackend(env.SIGN_IN_THROTTLE_DB ?? DEFAULT_SQLITE_PATH)
}

export { appSignInBackend, BACKEND_TIMEOUT_MS }
export type { SignInBackend }
