import 'server-only'
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'

type SignInLimiters = {
  /** Counts by normalised email (known or not: the same for both, so no oracle). */
  account: RateLimiterAbstract
  /** Counts by client address key (client-address.ts). */
  address: RateLimiterAbstract
}

type SignInAttempt = {
  /** The normalised email the attempt is for. */
  account: string
  /** The client's address key, or null when the app has no trusted address (per-account only). */
  address: string | null
}

type ThrottleDecision = { status: 'allowed' } | { status: 'throttled'; retryAfterMs: number }

/** The backend failed or timed out: the app cannot count, so it refuses to check passwords. */
class SignInThrottleUnavailableError extends Error {
  override name = 'SignInThrottleUnavailableError'
}

type SignInThrottle = {
  /**
   * Takes one attempt from the account's and the address's allowance before the password is
   * checked (atomic in the backend, so parallel guesses cannot all pass a read-then-count check).
   * A failed attempt keeps it; `succeeded` gives it back.
   */
  begin(attempt: SignInAttempt): Promise<ThrottleDecision>
  /** The credentials were right: the account's counter starts over, the address's attempt is returned. */
  succeeded(attempt: SignInAttempt): Promise<void>
}

type SignInThrottleOptions = {
  /** How long one check may wait for the backend, in ms, before it is unavailable. */
  timeoutMs: number
}

async function backend<T>(operation: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    return await Promise.race([operation, timeout])
  } catch (error) {
    // consume() rejects with a RateLimiterRes when over the limit; anything else is the backend.
    if (error instanceof RateLimiterRes) throw error
    throw new SignInThrottleUnavailableError('The sign-in throttle backend failed.', {
      cause: error,
    })
  } finally {
    clearTimeout(timer)
  }
}

/** Sign-in throttling per account and per client address, on the given limiters. */
function createSignInThrottle(
  limiters: () => Promise<SignInLimiters>,
  { timeoutMs }: SignInThrottleOptions,
): SignInThrottle {
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new TypeError(`timeoutMs must be a positive number of ms, got ${timeoutMs}`)
  }
  const call = <T>(operation: Promise<T>) => backend(operation, timeoutMs)
  // A backend that cannot even open (throws at once) is unavailable too, not a crash.
  const opened = () => call(Promise.resolve().then(limiters))

  async function begin({ account, address }: SignInAttempt): Promise<ThrottleDecision> {
    const { account: byAccount, address: byAddress } = await opened()
    const results = await Promise.allSettled([
      call(byAccount.consume(account)),
      ...(address === null ? [] : [call(byAddress.consume(address))]),
    ])
    const failed = results.find(
      (result) => result.status === 'rejected' && !(result.reason instanceof RateLimiterRes),
    )
    if (failed?.status === 'rejected') throw failed.reason
    const refused = results.flatMap((result) =>
      result.status === 'rejected' && result.reason instanceof RateLimiterRes
        ? [result.reason]
        : [],
    )
    if (refused.length === 0) return { status: 'allowed' }
    return {
      status: 'throttled',
      retryAfterMs: Math.max(...refused.map((result) => result.msBeforeNext)),
    }
  }

  async function succeeded({ account, address }: SignInAttempt): Promise<void> {
    const { account: byAccount, address: byAddress } = await opened()
    // Only the account starts over: a success from a shared address says nothing about the
    // other sign-ins from it, and resetting it would let one valid account launder guesses.
    await Promise.all([
      call(byAccount.delete(account)),
      address === null ? null : call(byAddress.reward(address)),
    ])
  }

  return { begin, succeeded }
}

export { createSignInThrottle, SignInThrottleUnavailableError }
export type {
  SignInAttempt,
  SignInLimiters,
  SignInThrottle,
  SignInThrottleOptions,
  ThrottleDecision,
}
