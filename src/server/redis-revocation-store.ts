import 'server-only'
// node-redis (`redis`) rather than ioredis: it is Redis's own recommended Node client (ioredis says
// its maintenance is "best-effort"; connect-redis 9 dropped it), releases often, ships its types,
// supports Node 20 and has what this store needs: no offline queue and a per-command timeout.
import { createClient } from 'redis'
import { RAISE_SCRIPT, readEntry } from './redis-revocation-entry'
import { checkRevocation, RevocationStoreError, type RevocationStore } from './revocation-store'

const DEFAULT_KEY_PREFIX = 'session-revocation:'
// The name the store's own client gives its connection (a `client` you pass keeps yours).
const CLIENT_NAME = 'session-revocation'
// A verify waits at most this long for Redis (ms): then GET answers 503 instead of hanging.
const DEFAULT_TIMEOUT_MS = 500
// Between reconnection attempts while Redis is down (ms): 50, 100, ... then every 500 ms, forever,
// so the store works again as soon as Redis is back.
const reconnectDelayMs = (retries: number) => Math.min((retries + 1) * 50, 500)

/** The commands this store sends; a node-redis client (`createClient()`) has them. */
type RevocationRedisClient = {
  mGet(keys: string[]): Promise<unknown>
  eval(script: string, options: { keys: string[]; arguments: string[] }): Promise<unknown>
}

type RedisRevocationStoreOptions = (
  | {
      /** Your own connected client. Configure it to fail fast: `disableOfflineQueue: true`, `commandOptions: { timeout }`. */
      client: RevocationRedisClient
    }
  | {
      /** `redis://host:port`: the store makes, connects and owns a client configured to fail fast. */
      url: string
    }
) & {
  /** Put before every key, to share a Redis database with other data; default `session-revocation:`. */
  keyPrefix?: string
  /** How long one call may take before it is a RevocationStoreError, in ms; default 500. */
  timeoutMs?: number
}

type RedisRevocationStore = RevocationStore & {
  /** Closes the client the store made from `url` (a `client` you passed stays yours). */
  close(): Promise<void>
}

function ownClient(url: string, timeoutMs: number) {
  const client = createClient({
    url,
    // CLIENT SETNAME: `CLIENT LIST` on a shared Redis shows which connections are the sessions'.
    name: CLIENT_NAME,
    // Commands are rejected at once while disconnected instead of queued until Redis returns:
    // a verify must answer 503 now, not hang or run minutes later.
    disableOfflineQueue: true,
    // A slow (not down) Redis: each command fails after timeoutMs.
    commandOptions: { timeout: timeoutMs },
    socket: { connectTimeout: timeoutMs, reconnectStrategy: reconnectDelayMs },
  })
  // Without a listener, an 'error' event (Redis went away) would crash the process; the commands
  // that fail meanwhile report it as RevocationStoreError.
  client.on('error', () => {})
  return client
}

// node-redis reads a missing or empty url as "localhost:6379": an unset REDIS_URL would quietly
// become some other Redis, or none, so anything but a redis(s):// URL is refused here.
function checkedUrl(url: unknown): string {
  if (typeof url === 'string' && /^rediss?:\/\/./.test(url)) return url
  throw new TypeError(
    `redisRevocationStore: url must be a redis:// or rediss:// URL, got ${JSON.stringify(url) ?? String(url)}.`,
  )
}

function clientFor(options: RedisRevocationStoreOptions, timeoutMs: number) {
  if ('client' in options) return { client: options.client, owned: null }
  const owned = ownClient(checkedUrl(options.url), timeoutMs)
  return { client: owned satisfies RevocationRedisClient, owned }
}

/** Revocations in Redis, shared by every instance of the app: keys expire with the tokens they cover. */
function redisRevocationStore(options: RedisRevocationStoreOptions): RedisRevocationStore {
  const keyPrefix = options.keyPrefix ?? DEFAULT_KEY_PREFIX
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const { client, owned } = clientFor(options, timeoutMs)
  // The owned client connects on first use (not at import, so `next build` never needs Redis) and
  // then keeps reconnecting by itself. connect() settles once the first connection is up.
  let connected: Promise<unknown> | null = null

  async function call<T>(command: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
    })
    try {
      if (owned) {
        connected ??= owned.connect().catch((error: unknown) => {
          connected = null // then the next call tries again
          throw error
        })
      }
      // The race bounds the wait for any client, even one that queues commands while offline.
      return await Promise.race([Promise.resolve(connected).then(command), timeout])
    } catch (cause) {
      throw new RevocationStoreError('Redis revocation store failed', { cause })
    } finally {
      clearTimeout(timer)
    }
  }

  async function raise(key: string, value: number, until: number, now: number) {
    const ttlMs = Math.ceil(until - now)
    await call(() =>
      client.eval(RAISE_SCRIPT, {
        keys: [key],
        arguments: [String(value), String(until), String(now), String(ttlMs)],
      }),
    )
  }

  return {
    async isRevoked({ userId, sessionId, issuedAt }, now) {
      checkRevocation({ method: 'isRevoked', query: { userId, sessionId, issuedAt }, now })
      // One MGET, one round trip: the session's key (if the token has a session id) and the user's.
      const keys = [`${keyPrefix}u:${userId}`]
      if (sessionId !== null) keys.push(`${keyPrefix}s:${sessionId}`)
      const reply = await call(() => client.mGet(keys))
      if (!Array.isArray(reply))
        throw new RevocationStoreError(`Redis answered MGET with ${typeof reply}`)
      // The key's TTL runs on Redis's clock; `until` in the value is compared with the caller's.
      const [user, session] = (reply as unknown[]).map(readEntry)
      if (session && session.until > now) return true
      return user !== null && user !== undefined && user.until > now && issuedAt < user.before
    },
    async revokeSession(sessionId, until, now) {
      checkRevocation({ method: 'revokeSession', sessionId, until, now })
      await raise(`${keyPrefix}s:${sessionId}`, 0, until, now)
    },
    async revokeUser(userId, before, until, now) {
      checkRevocation({ method: 'revokeUser', userId, before, until, now })
      await raise(`${keyPrefix}u:${userId}`, before, until, now)
    },
    async close() {
      // destroy, not close: pending commands fail now instead of waiting for a Redis that is down.
      if (owned?.isOpen) owned.destroy()
      connected = null
    },
  }
}

export { redisRevocationStore }
export type { RedisRevocationStore, RedisRevocationStoreOptions, RevocationRedisClient }
