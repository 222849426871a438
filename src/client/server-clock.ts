'use client'

/**
 * A sign-out is dated this many ms after the server's estimated clock. The estimate is off by
 * the network time of the last answer and the instances' clock skew (ms to tens of ms): the
 * margin puts the sign-out after any check the server answered before the DELETE (whose stale
 * "authenticated" must not undo it), and a sign-in after it takes a person longer than 1 s.
 */
const SIGN_OUT_MARGIN_MS = 1_000

/** Where a tab's session stands in the server's time: orders what the tabs tell each other. */
type ServerClock = {
  /** The state held now came from the server at `serverTime` and arrived at `receivedAt` (client clock; both epoch ms). */
  saw: (serverTime: number, receivedAt: number) => void
  /** Whether a state from `serverTime` (epoch ms) is older than the one held: another tab's stale news. */
  isOlder: (serverTime: number) => boolean
  /** The server's clock now, estimated (epoch ms), from the last answer and the client's clock since. */
  now: () => number
}

/** One per controller (never module state): nothing known yet, so nothing is older. */
function createServerClock(): ServerClock {
  let serverAt = Number.NEGATIVE_INFINITY
  let clientAt = 0
  return {
    saw(serverTime, receivedAt) {
      serverAt = serverTime
      clientAt = receivedAt
    },
    isOlder: (serverTime) => serverTime < serverAt,
    now: () =>
      serverAt === Number.NEGATIVE_INFINITY ? Date.now() : serverAt + Date.now() - clientAt,
  }
}

export { createServerClock, SIGN_OUT_MARGIN_MS }
export type { ServerClock }
