import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedisServer, type RedisServer } from '../../test/support/redis-server'
import { describeRevocationStore } from '@/test/support/revocation-store-contract'
import { redisRevocationStore, type RevocationRedisClient } from './redis-revocation-store'
import { RevocationStoreError } from './revocation-store'

const TIMEOUT_MS = 200
// Scheduling slack on a busy 2-core machine (npm test runs builds beside the unit tests), in ms.
const SLACK_MS = 300
let server: RedisServer & { dispose(): Promise<void> }
let prefixes = 0

beforeAll(async () => {
  server = await startRedisServer()
})
afterAll(async () => {
  await server.dispose()
})

/** A store on the test server, in a key space of its own. */
const newStore = () =>
  redisRevocationStore({ url: server.url, keyPrefix: `test-${++prefixes}:`, timeoutMs: TIMEOUT_MS })

const HOUR_MS = 3_600_000
// The contract's stores, closed after the file (each owns a client).
const opened: Array<ReturnType<typeof newStore>> = []
afterAll(async () => {
  await Promise.all(opened.map((store) => store.close()))
})
describeRevocationStore('redis', () => {
  const store = newStore()
  opened.push(store)
  return store
})

/** The call fails with a RevocationStoreError within the timeout (and the scheduling slack). */
async function expectStoreErrorInTime(call: Promise<unknown>) {
  const started = performance.now()
  await expect(call).rejects.toThrow(RevocationStoreError)
  expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + SLACK_MS)
}

async function eventually(check: () => Promise<boolean>, withinMs: number) {
  const deadline = performance.now() + withinMs
  for (;;) {
    if (await check().catch(() => false)) return
    if (performance.now() > deadline) throw new Error(`not within ${withinMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

const rawClient = () => createClient({ url: server.url })

/** A plain client beside a store in key space `prefix`, both closed after `body`. */
async function withRaw(
  prefix: string,
  body: (raw: ReturnType<typeof rawClient>, store: ReturnType<typeof newStore>) => Promise<void>,
) {
  const raw = rawClient()
  await raw.connect()
  const store = redisRevocationStore({ url: server.url, keyPrefix: prefix })
  try {
    await body(raw, store)
  } finally {
    await Promise.all([store.close(), raw.close()])
  }
}

describe('redisRevocationStore', () => {
  it('keys: `<prefix>s:<id>` and `<prefix>u:<id>` holding "<before> <until>" (the cut-off, the end), each with a TTL of until - now', async () => {
    await withRaw('keys:', async (raw, store) => {
      const now = Date.now()
      await store.revokeSession('s1', now + 60_000, now)
      await store.revokeUser('u1', now, now + HOUR_MS, now)
      expect(await raw.get('keys:s:s1')).toBe(`0 ${now + 60_000}`)
      expect(await raw.get('keys:u:u1')).toBe(`${now} ${now + HOUR_MS}`)
      expect(await raw.pTTL('keys:s:s1')).toBeGreaterThan(59_000)
      expect(await raw.pTTL('keys:s:s1')).toBeLessThanOrEqual(60_000)
      expect(await raw.pTTL('keys:u:u1')).toBeGreaterThan(HOUR_MS - 1_000)
    })
  })

  it("keys vanish on Redis's own clock at until: nothing is left to sweep", async () => {
    await withRaw('ttl:', async (raw, store) => {
      const start = Date.now()
      await store.revokeSession('s1', start + 150, start)
      await store.revokeUser('u1', start, start + 150, start)
      await new Promise((resolve) => setTimeout(resolve, 250))
      expect(await raw.exists(['ttl:s:s1', 'ttl:u:u1'])).toBe(0)
    })
  })

  it('answers isRevoked with one MGET (one round trip), through a client you pass', async () => {
    const real = createClient({ url: server.url })
    await real.connect()
    const sent: string[] = []
    const client: RevocationRedisClient = {
      mGet: (keys) => (sent.push(`MGET ${keys.join(' ')}`), real.mGet(keys)),
      eval: (script, options) => (sent.push('EVAL'), real.eval(script, options)),
    }
    const store = redisRevocationStore({ client, keyPrefix: 'rt:' })
    const now = Date.now()
    await store.revokeUser('u1', now, now + HOUR_MS, now)
    sent.length = 0
    expect(await store.isRevoked({ userId: 'u1', sessionId: 's1', issuedAt: now - 1 }, now)).toBe(
      true,
    )
    expect(await store.isRevoked({ userId: 'u1', sessionId: null, issuedAt: now }, now)).toBe(false)
    expect(sent).toEqual(['MGET rt:u:u1 rt:s:s1', 'MGET rt:u:u1'])
    await store.close() // leaves a passed client open: it is the app's
    expect(real.isOpen).toBe(true)
    await real.close()
  })

  it.each([undefined, '', '   ', 'localhost:6379', 'http://127.0.0.1:6379', 42])(
    'refuses url %j at once, naming it (node-redis would quietly use localhost)',
    (url) => {
      const options = { url } as unknown as Parameters<typeof redisRevocationStore>[0]
      expect(() => redisRevocationStore(options)).toThrow(
        /url must be a redis:\/\/ or rediss:\/\/ URL/,
      )
    },
  )

  it('a Redis that is not there at first use is a RevocationStoreError within the timeout', async () => {
    const nowhere = redisRevocationStore({ url: 'redis://127.0.0.1:1', timeoutMs: TIMEOUT_MS })
    await expectStoreErrorInTime(
      nowhere.isRevoked({ userId: 'u1', sessionId: null, issuedAt: 0 }, 1),
    )
    await nowhere.close()
  })

  it('a slow Redis (frozen process) is a RevocationStoreError within the timeout, and works once it answers', async () => {
    const store = newStore()
    const query = { userId: 'u1', sessionId: 's1', issuedAt: 0 }
    expect(await store.isRevoked(query, 1)).toBe(false)
    server.pause()
    try {
      await expectStoreErrorInTime(store.isRevoked(query, 1))
    } finally {
      server.resume()
    }
    await eventually(async () => (await store.isRevoked(query, 1)) === false, 2_000)
    await store.close()
  })

  it('Redis down: RevocationStoreError at once or within the timeout; Redis back: works again', async () => {
    const store = newStore()
    const now = Date.now()
    await store.revokeSession('s1', now + HOUR_MS, now)
    await server.stop()
    await expectStoreErrorInTime(
      store.isRevoked({ userId: 'u1', sessionId: 's1', issuedAt: now }, now),
    )
    await expectStoreErrorInTime(store.revokeUser('u1', now, now + HOUR_MS, now))
    await server.start()
    // The new server is empty (nothing saved): a revocation made now is seen.
    await eventually(async () => (await store.revokeSession('s2', now + HOUR_MS, now), true), 2_000)
    expect(await store.isRevoked({ userId: 'u1', sessionId: 's2', issuedAt: now }, now)).toBe(true)
    await store.close()
  })
})
