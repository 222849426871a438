import { SECOND_MS, SLOW_RESPONSE_MS } from '../../mocks/fixtures/sessions'
import { EXPIRY_MARGIN_MS } from '@/lib/session/client/expiry-timing'

/**
 * How long a play function waits for something that will happen (a request, an answer, a
 * toast): 5 s, for a loaded machine (the crawler runs docs pages of a dozen iframes side by side
 * on two cores); testing-library's 1 s default failed there. Checks that something does NOT
 * happen keep their short settle window (settle.ts).
 */
const EVENTUAL_WAIT_MS = 5 * SECOND_MS

/** The expiry stories' sessions end this long after the story starts. */
const SHORT_SESSION_MS = SECOND_MS
/** How long to wait for the expiry check: session end, the check's margin after it, and slack. */
const EXPIRY_WAIT_MS = SHORT_SESSION_MS + EXPIRY_MARGIN_MS + EVENTUAL_WAIT_MS
/** How long to wait for the `slow` scenario's answer, with slack (2 s was short under load). */
const SLOW_WAIT_MS = SLOW_RESPONSE_MS + EVENTUAL_WAIT_MS

export { EVENTUAL_WAIT_MS, EXPIRY_WAIT_MS, SHORT_SESSION_MS, SLOW_WAIT_MS }
