'use client'
import type { SessionPayload } from '../shared/types'

/**
 * The expiry check runs this many ms after the session's end on the server's clock. The deadline
 * already cannot fall before `expiresAt` (below); 100 ms more covers the next request reaching
 * another instance whose NTP-synced clock is a few ms behind, and browsers that coarsen Date.now
 * and timers for privacy (by up to tens of ms).
 */
const EXPIRY_MARGIN_MS = 100
/**
 * `Max-Age` is whole seconds, rounded down: the cookie may end up to 1 s before `expiresAt`, and a
 * `missing` cookie that late in a session is its expiry.
 */
const COOKIE_EARLY_MS = 1_000
/**
 * A server that still says "authenticated" at or past `expiresAt` by its own clock (a clock
 * tolerance; the kit's server has none) is asked again after at least 2 s, then after as long as
 * it has been past: a geometric backoff, never a polling storm.
 */
const PAST_EXPIRY_RECHECK_MS = 2_000

/**
 * When to check that a session has ended, in client epoch ms: `receivedAt` (client clock, when
 * the answer arrived) plus the time the server gave it, `expiresAt - serverTime`, a span on the
 * server's clock alone. The answer left the server after `serverTime`, so the deadline is never
 * before `expiresAt`, however far the client's clock is from the server's.
 */
function expiryDeadline(
  { expiresAt, serverTime }: Extract<SessionPayload, { status: 'authenticated' }>,
  receivedAt: number,
): number {
  const left = Date.parse(expiresAt) - Date.parse(serverTime) // both checked by the schema
  return receivedAt + (left > 0 ? left + EXPIRY_MARGIN_MS : Math.max(-left, PAST_EXPIRY_RECHECK_MS))
}

/**
 * When the page's HTML, and with it the layout's `initialSession`, arrived (client epoch ms), from
 * Navigation Timing. Without it (older browsers, the server render) now, which is later than the
 * real arrival: the deadline can then only come late, never before `expiresAt`. Only for a
 * provider hydrating the server's HTML: one mounted later got its answer later.
 */
function documentReceivedAt(): number {
  const [navigation] = performance.getEntriesByType?.('navigation') ?? []
  const responseStart = (navigation as PerformanceNavigationTiming | undefined)?.responseStart
  return responseStart ? performance.timeOrigin + responseStart : Date.now()
}

export {
  COOKIE_EARLY_MS,
  documentReceivedAt,
  EXPIRY_MARGIN_MS,
  expiryDeadline,
  PAST_EXPIRY_RECHECK_MS,
}
