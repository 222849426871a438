import { SECOND_MS, SLOW_RESPONSE_MS } from '../../mocks/fixtures/sessions'
import { EXPIRY_GRACE_MS } from '@/lib/session/shared/expiry-timing'

/** The expiry stories' sessions end this long after the story starts. */
const SHORT_SESSION_MS = SECOND_MS
/** How long to wait for the expiry check: session end, the check's grace after it, and slack. */
const EXPIRY_WAIT_MS = SHORT_SESSION_MS + EXPIRY_GRACE_MS + 2 * SECOND_MS
/** How long to wait for the `slow` scenario's answer, with slack. */
const SLOW_WAIT_MS = SLOW_RESPONSE_MS + 2 * SECOND_MS

export { EXPIRY_WAIT_MS, SHORT_SESSION_MS, SLOW_WAIT_MS }
