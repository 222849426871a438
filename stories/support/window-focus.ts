import { expect, waitFor } from 'storybook/test'
import { storyRequests } from './requests'
import { storySession, type LoadedContext } from './story-context'
import { EVENTUAL_WAIT_MS } from './timing'

/**
 * For a play function, before its first interaction while the provider has made no check yet:
 * the window gains focus, deliberately, and the check that brings is waited for.
 *
 * Why: a click first focuses its window. A docs page's story block is an iframe without focus,
 * so there the click fires a window `focus` event and the provider re-checks the session (at
 * most once per 30 s); a story view already has focus and gets none. A check racing the click
 * ended stories differently (a successful check cleared a failed sign-out's error; counts were
 * one off). Dispatched here, both go through the same one check, finished before the click, and
 * the click's own focus (docs block only) falls inside the 30 s throttle.
 */
async function focusWindowFirst(context: LoadedContext): Promise<void> {
  const requests = storyRequests(context)
  const checks = requests.gets()
  const before = storySession(context)
  window.dispatchEvent(new Event('focus'))
  await waitFor(() => expect(requests.gets()).toBe(checks + 1), { timeout: EVENTUAL_WAIT_MS })
  // Its answer is committed, always as a new value: a fresh expiresAt, an error or a loss.
  await waitFor(() => expect(storySession(context)).not.toBe(before), {
    timeout: EVENTUAL_WAIT_MS,
  })
}

export { focusWindowFirst }
