import { RateLimiterMemory } from 'rate-limiter-flexible'
import { describe, expect, it, vi } from 'vitest'
import { ACCOUNT_LIMIT, ADDRESS_LIMIT, throttledMessage } from '@/app/lib/sign-in-limits'
import {
  createSignInThrottle,
  SignInThrottleUnavailableError,
  type SignInLimiters,
} from '@/app/lib/sign-in-throttle'

const TIMEOUT_MS = 200
const FIFTEEN_MINUTES_MS = 15 * 60_000

/** A throttle on memory limiters with the app's policy (memory: tests only). */
function memoryThrottle() {
  const limiters: SignInLimiters = {
    account: new RateLimiterMemory(ACCOUNT_LIMIT),
    address: new RateLimiterMemory(ADDRESS_LIMIT),
  }
  return {
    limiters,
    throttle: createSignInThrottle(async () => limiters, { timeoutMs: TIMEOUT_MS }),
  }
}

/** Failed attempts (begin, no succeeded), each expected to be allowed. */
async function fail(
  throttle: ReturnType<typeof memoryThrottle>['throttle'],
  attempts: Array<{ account: string; address: string | null }>,
) {
  for (const attempt of attempts) {
    expect(await throttle.begin(attempt)).toEqual({ status: 'allowed' })
  }
}

const times = <T>(count: number, make: (index: number) => T) =>
  Array.from({ length: count }, (_, index) => make(index))

describe('per account', () => {
  it(`allows ${ACCOUNT_LIMIT.points} failures, then refuses for the rest of the 15-minute window`, async () => {
    const { throttle } = memoryThrottle()
    await fail(
      throttle,
      times(ACCOUNT_LIMIT.points, (index) => ({
        account: 'ada@example.com',
        address: `10.0.0.${index}`,
      })),
    )

    const refused = await throttle.begin({ account: 'ada@example.com', address: '10.0.1.1' })
    expect(refused.status).toBe('throttled')
    if (refused.status !== 'throttled') return
    expect(refused.retryAfterMs).toBeGreaterThan(FIFTEEN_MINUTES_MS - 5_000)
    expect(refused.retryAfterMs).toBeLessThanOrEqual(FIFTEEN_MINUTES_MS)
    expect(throttledMessage(refused.retryAfterMs)).toBe(
      'Too many attempts. Try again in 15 minutes.',
    )
  })

  it('counts an unknown email exactly like a known one: the refusal is no oracle', async () => {
    const { throttle } = memoryThrottle()
    const accounts = ['ada@example.com', 'nobody-here@example.com']
    for (const account of accounts) {
      await fail(
        throttle,
        times(ACCOUNT_LIMIT.points, () => ({ account, address: null })),
      )
    }
    const refusals = await Promise.all(
      accounts.map((account) => throttle.begin({ account, address: null })),
    )
    expect(refusals.map((refusal) => refusal.status)).toEqual(['throttled', 'throttled'])
  })

  it('parallel guesses cannot all pass: of 12 at once, exactly 5 are allowed', async () => {
    const { throttle } = memoryThrottle()
    const decisions = await Promise.all(
      times(12, () => throttle.begin({ account: 'max@example.com', address: null })),
    )
    expect(decisions.filter((decision) => decision.status === 'allowed')).toHaveLength(
      ACCOUNT_LIMIT.points,
    )
  })

  it('a successful sign-in resets the account: 5 more failures are allowed after it', async () => {
    const { throttle } = memoryThrottle()
    const attempt = { account: 'max@example.com', address: '10.0.0.1' }
    await fail(
      throttle,
      times(ACCOUNT_LIMIT.points - 1, () => attempt),
    )
    expect(await throttle.begin(attempt)).toEqual({ status: 'allowed' })
    await throttle.succeeded(attempt)

    await fail(
      throttle,
      times(ACCOUNT_LIMIT.points, () => attempt),
    )
    expect((await throttle.begin(attempt)).status).toBe('throttled')
  })
})

describe('per client address', () => {
  it(`refuses an address after ${ADDRESS_LIMIT.points} failures over many accounts; other addresses go on`, async () => {
    const { throttle } = memoryThrottle()
    // One password sprayed over many accounts: each account stays under its own limit.
    await fail(
      throttle,
      times(ADDRESS_LIMIT.points, (index) => ({
        account: `user-${index}@example.com`,
        address: '203.0.113.7',
      })),
    )

    const fresh = 'fresh@example.com'
    expect((await throttle.begin({ account: fresh, address: '203.0.113.7' })).status).toBe(
      'throttled',
    )
    expect(await throttle.begin({ account: fresh, address: '203.0.113.8' })).toEqual({
      status: 'allowed',
    })
  })

  it('a success gives the address its attempt back but never resets the failures before it', async () => {
    const { throttle, limiters } = memoryThrottle()
    const address = '198.51.100.1'
    await fail(
      throttle,
      times(3, (index) => ({ account: `guess-${index}@example.com`, address })),
    )
    const good = { account: 'ada@example.com', address }
    await throttle.begin(good)
    await throttle.succeeded(good)
    expect((await limiters.address.get(address))?.consumedPoints).toBe(3)
  })

  it('without a trusted address (null), only the account is counted', async () => {
    const { throttle, limiters } = memoryThrottle()
    const byAddress = vi.spyOn(limiters.address, 'consume')
    await fail(
      throttle,
      times(3, () => ({ account: 'sam@example.com', address: null })),
    )
    expect((await limiters.account.get('sam@example.com'))?.consumedPoints).toBe(3)
    expect(byAddress).not.toHaveBeenCalled()
  })
})

describe('a backend that is down or slow: unavailable, never allowed', () => {
  it('a store error is SignInThrottleUnavailableError, with the cause', async () => {
    const broken = new RateLimiterMemory(ACCOUNT_LIMIT)
    const down = new Error('connection refused')
    broken.consume = () => Promise.reject(down)
    const throttle = createSignInThrottle(async () => ({ account: broken, address: broken }), {
      timeoutMs: TIMEOUT_MS,
    })
    const result = throttle.begin({ account: 'ada@example.com', address: null })
    await expect(result).rejects.toThrow(SignInThrottleUnavailableError)
    await expect(result).rejects.toMatchObject({ cause: down })
  })

  it('a backend that never answers is unavailable after timeoutMs', async () => {
    const throttle = createSignInThrottle(() => new Promise<never>(() => {}), {
      timeoutMs: TIMEOUT_MS,
    })
    const started = performance.now()
    await expect(throttle.begin({ account: 'ada@example.com', address: null })).rejects.toThrow(
      SignInThrottleUnavailableError,
    )
    expect(performance.now() - started).toBeGreaterThanOrEqual(TIMEOUT_MS - 5)
  })

  it('a backend that cannot open (throws at once) is unavailable, not a crash', async () => {
    const throttle = createSignInThrottle(
      () => {
        throw new Error('EACCES: .data')
      },
      { timeoutMs: TIMEOUT_MS },
    )
    await expect(throttle.begin({ account: 'ada@example.com', address: null })).rejects.toThrow(
      SignInThrottleUnavailableError,
    )
  })

  it('rejects a timeout that is not a positive number of ms', () => {
    expect(() =>
      createSignInThrottle(async () => memoryThrottle().limiters, { timeoutMs: 0 }),
    ).toThrow('timeoutMs must be a positive number of ms')
  })
})

describe('throttledMessage', () => {
  it.each([
    [1, 'Too many attempts. Try again in 1 minute.'],
    [60_000, 'Too many attempts. Try again in 1 minute.'],
    [60_001, 'Too many attempts. Try again in 2 minutes.'],
    [FIFTEEN_MINUTES_MS, 'Too many attempts. Try again in 15 minutes.'],
  ])('%i ms left: %s', (retryAfterMs, message) => {
    expect(throttledMessage(retryAfterMs)).toBe(message)
  })
})
