import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appSignInBackend, type SignInBackend } from '@/app/lib/sign-in-limiters'
import { ACCOUNT_LIMIT } from '@/app/lib/sign-in-limits'
import { createSignInThrottle, SignInThrottleUnavailableError } from '@/app/lib/sign-in-throttle'
import { startRedisServer, type RedisServer } from './support/redis-server'

const TIMEOUT_MS = 500
// Scheduling slack on a busy 2-core machine, in ms.
const SLACK_MS = 500

// Every backend opened here, closed after the file.
const backends: SignInBackend[] = []
afterAll(async () => {
  await Promise.all(backends.map((backend) => backend.close()))
})

/** One app instance's throttle on the backend the env selects, as app/auth/actions.ts makes it. */
function instance(env: Record<string, string>) {
  const backend = appSignInBackend(env)
  backends.push(backend)
  return createSignInThrottle(backend.limiters, { timeoutMs: TIMEOUT_MS })
}

/** Two instances count together: failures through one throttle the other; a success resets both. */
async function expectSharedCounts(env: Record<string, string>) {
  const [first, second] = [instance(env), instance(env)]
  const attempt = { account: `shared-${Date.now()}@example.com`, address: '203.0.113.5' }
  for (let failure = 0; failure < ACCOUNT_LIMIT.points; failure++) {
    const through = failure % 2 === 0 ? first : second
    expect(await through.begin(attempt)).toEqual({ status: 'allowed' })
  }
  const refused = await second.begin(attempt)
  expect(refused.status).toBe('throttled')

  await first.succeeded(attempt)
  expect(await second.begin(attempt)).toEqual({ status: 'allowed' })
}

describe('SQLite (the default, no REDIS_URL): one file shared by the instances on a machine', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sign-in-throttle-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('two instances on one file share their counts; a success through one resets both', async () => {
    await expectSharedCounts({ SIGN_IN_THROTTLE_DB: path.join(dir, 'throttle.sqlite') })
  })

  it('a file that cannot be opened: unavailable (the form says so), not a crash', async () => {
    // Its directory is a file. (Not a path under /proc: Node 20's recursive mkdir never returns there.)
    const notADirectory = path.join(dir, 'not-a-directory')
    writeFileSync(notADirectory, '')
    const throttle = instance({ SIGN_IN_THROTTLE_DB: path.join(notADirectory, 'throttle.sqlite') })
    await expect(throttle.begin({ account: 'ada@example.com', address: null })).rejects.toThrow(
      SignInThrottleUnavailableError,
    )
  })
})

describe('Redis (REDIS_URL): shared by every instance', () => {
  let server: RedisServer & { dispose(): Promise<void> }
  beforeAll(async () => {
    server = await startRedisServer()
  })
  afterAll(async () => {
    await server.dispose()
  })

  it('two instances share their counts; a success through one resets both', async () => {
    await expectSharedCounts({ REDIS_URL: server.url })
  })

  it('Redis stopped: unavailable within the timeout, never allowed; back when Redis is', async () => {
    const throttle = instance({ REDIS_URL: server.url })
    const attempt = { account: 'outage@example.com', address: null }
    expect(await throttle.begin(attempt)).toEqual({ status: 'allowed' })

    await server.stop()
    const started = performance.now()
    await expect(throttle.begin(attempt)).rejects.toThrow(SignInThrottleUnavailableError)
    expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + SLACK_MS)

    await server.start()
    await expect
      .poll(() => throttle.begin(attempt).then(({ status }) => status), { timeout: 5_000 })
      .toBe('allowed')
  })

  it('Redis down at the first sign-in: unavailable, then works once Redis is up', async () => {
    await server.stop()
    const throttle = instance({ REDIS_URL: server.url })
    const attempt = { account: 'first-use@example.com', address: null }
    await expect(throttle.begin(attempt)).rejects.toThrow(SignInThrottleUnavailableError)

    await server.start()
    await expect
      .poll(
        () =>
          throttle.begin(attempt).then(
            ({ status }) => status,
            (error: unknown) => String(error),
          ),
        { timeout: 5_000 },
      )
      .toBe('allowed')
  })
})
