// The sign-in throttle's numbers and its message: plain data, no server code, so the e2e suite
// reads the same numbers the app enforces (app/lib/sign-in-throttle.ts does the counting).

type LimitPolicy = {
  /** Failed sign-ins allowed in one window; the next attempt is refused until the window ends. */
  points: number
  /** The window, in seconds, from the first failure (rate-limiter-flexible's fixed window). */
  duration: number
  /** Keeps these counters apart from the other limiter's in a shared backend. */
  keyPrefix: string
}

const FIFTEEN_MINUTES_S = 15 * 60

// Per account: 5 failures in 15 minutes. Enough for a person who mistypes or tries their two or
// three usual passwords; an online guesser gets 480 tries a day, far from any list worth running.
// It also means anyone can lock an account for 15 minutes with 5 wrong passwords: the README says
// what a real app adds (a CAPTCHA or a step-up after the limit instead of a hard refusal).
const ACCOUNT_LIMIT: LimitPolicy = {
  points: 5,
  duration: FIFTEEN_MINUTES_S,
  keyPrefix: 'sign-in-account',
}
// Per client address: 20 failures in 15 minutes, four accounts' worth. Catches one address
// spraying one password over many accounts (which the per-account limit never sees), while an
// office or a household behind one address still has room for several people's typos.
const ADDRESS_LIMIT: LimitPolicy = {
  points: 20,
  duration: FIFTEEN_MINUTES_S,
  keyPrefix: 'sign-in-address',
}

/** The refusal shown on the form: how long to wait, in whole minutes (at least 1). */
function throttledMessage(retryAfterMs: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000))
  return `Too many attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`
}

export { ACCOUNT_LIMIT, ADDRESS_LIMIT, throttledMessage }
export type { LimitPolicy }
