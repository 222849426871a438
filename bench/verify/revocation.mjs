// What the revocation check adds to a verify (issue 14 item 8): the kit's decryptSession alone
// (stateless) beside decryptSession + the store check the route and the DAL make (isSessionRevoked:
// one store call under the timeout), on the SQLite store (a file in a temp dir) and on the Redis
// store (a redis-server this process starts on a free loopback port). Function level, like the
// throughput rows: sequential awaited calls, short slices alternating within each round, so a
// load spike on this shared machine falls on every candidate alike and per-round differences stay
// fair. Each store holds SEEDED revoked sessions and users first: the lookup is not on an empty
// table. The measured token is not revoked (the common case: a signed-in user's request).
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importRootModule } from '../lib/import-root-module.mjs'
import { summarize } from '../lib/stats.mjs'
import { opsPerSecond, ROUND_MS } from './throughput.mjs'

const USER_ID = 'user-1'
const HOUR_S = 3600
const SEEDED_SESSIONS = 10_000 // revoked sign-outs already in the store
const SEEDED_USERS = 1_000 // users with a "signed out everywhere" cut-off
const WARMUP_ROUNDS = 1 // JIT, statement cache, Redis connection: not reported
// Per store call (ms): far above any answer, so a busy machine slows the seeding instead of
// failing it. The limit is a timer either way: its length costs a check nothing.
const STORE_TIMEOUT_MS = 10_000
const SEED_BATCH = 20 // revocations in flight at once while seeding

function fail(name, value) {
  throw new Error(`${name}: the token did not verify (${JSON.stringify(value)})`)
}

/** Revoked entries for other sessions and users, as a store that has run a while holds them. */
async function seed(store, now) {
  const until = now + HOUR_S * 1000
  for (let i = 0; i < SEEDED_SESSIONS; i += SEED_BATCH) {
    const batch = Array.from({ length: SEED_BATCH }, () =>
      store.revokeSession(randomUUID(), until, now),
    )
    await Promise.all(batch)
  }
  for (let i = 0; i < SEEDED_USERS; i += 1) await store.revokeUser(`other-${i}`, now, until, now)
}

/** Starts the stores and returns the candidates and a `close()` that stops them. */
async function makeRevocationCandidates() {
  if (!process.env.SESSION_SECRET) throw new Error('SESSION_SECRET must be set (run.mjs sets one)')
  const kit = await importRootModule('src/server/session.ts')
  const { isSessionRevoked } = await importRootModule('src/server/revocation-check.ts')
  const { sqliteRevocationStore } = await importRootModule('src/server/sqlite-revocation-store.ts')
  const { redisRevocationStore } = await importRootModule('src/server/redis-revocation-store.ts')
  const { startRedisServer } = await importRootModule('test/support/redis-server.ts')

  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-revocation-'))
  const sqlite = sqliteRevocationStore({ path: path.join(dir, 'revocations.sqlite') })
  const redisServer = await startRedisServer()
  const redis = redisRevocationStore({ url: redisServer.url, timeoutMs: STORE_TIMEOUT_MS })
  async function close() {
    await sqlite.close()
    await redis.close()
    await redisServer.dispose() // else the redis-server outlives this process
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const now = Date.now()
    await seed(sqlite, now)
    await seed(redis, now)
  } catch (error) {
    await close()
    throw error
  }

  const token = await kit.encryptSession({ userId: USER_ID }, { maxAgeSeconds: HOUR_S })
  const open = async (name) => {
    const result = await kit.decryptSession(token)
    if (!result.ok) fail(name, result)
    return result.session
  }
  /** decryptSession, then the check the route and the DAL make, as they make it. */
  const checked = (name, store) => {
    const revocation = { store, timeoutMs: STORE_TIMEOUT_MS }
    return async () => {
      const session = await open(name)
      if (await isSessionRevoked(revocation, session, Date.now())) fail(name, 'revoked')
    }
  }

  return {
    candidates: [
      {
        id: 'stateless',
        label: 'kit decryptSession alone (stateless)',
        verify: () => open('stateless'),
      },
      {
        id: 'sqlite',
        label: `+ SQLite check (better-sqlite3, WAL file; ${SEEDED_SESSIONS.toLocaleString('en-US')} revoked sessions in it)`,
        verify: checked('sqlite', sqlite),
      },
      {
        id: 'redis',
        label: `+ Redis check (node-redis, loopback redis-server; ${SEEDED_SESSIONS.toLocaleString('en-US')} revoked sessions in it)`,
        verify: checked('redis', redis),
      },
    ],
    close,
  }
}

/**
 * Per candidate: ms per verify in each round (1 / ops/s), and for the stores the ms each round's
 * check added to the stateless verify of the same round.
 */
async function measureRevocation({ rounds }) {
  const { candidates, close } = await makeRevocationCandidates()
  try {
    for (const { verify } of candidates) await verify() // each must verify before timing
    const samples = new Map(candidates.map(({ id }) => [id, []]))
    for (let round = 0; round < WARMUP_ROUNDS + rounds; round += 1) {
      for (let k = 0; k < candidates.length; k += 1) {
        const { id, verify } = candidates[(round + k) % candidates.length]
        const msPerVerify = 1000 / (await opsPerSecond(verify, ROUND_MS))
        if (round >= WARMUP_ROUNDS) samples.get(id).push(msPerVerify)
      }
    }
    const stateless = samples.get('stateless')
    return candidates.map(({ id, label }) => ({
      id,
      label,
      msPerVerify: summarize(samples.get(id)),
      addedMs:
        id === 'stateless' ? null : summarize(samples.get(id).map((ms, i) => ms - stateless[i])),
      runs: rounds,
    }))
  } finally {
    await close()
  }
}

export { measureRevocation, SEEDED_SESSIONS, SEEDED_USERS }
