import { expect, waitFor } from 'storybook/test'
import { alice } from '../../mocks/fixtures/users'
import type { SessionScenario } from '../../mocks/handlers/session-resolvers'
import type { SessionRequestErrorKind } from '@/lib/session/shared/types'
import type { ScenarioStory } from './session-stories'
import { sessionState, signedIn } from './session-state'
import { storySession, type PlayContext } from './story-context'
import { EVENTUAL_WAIT_MS } from './timing'

/** The error each failing scenario ends in. */
const FAILURE_KIND = {
  serverError: 'http',
  storeUnavailable: 'http',
  rateLimited: 'http',
  networkError: 'network',
  malformed: 'malformed',
} as const satisfies Partial<Record<SessionScenario, SessionRequestErrorKind>>

/** The browser comes back online: the provider checks the session. */
const comeBackOnline = () => {
  window.dispatchEvent(new Event('online'))
}

/**
 * `ServerError` / `StoreUnavailable` / `RateLimited` / `NetworkError` / `Malformed` while alice is
 * signed in: `check`
 * makes a check (default: the browser comes back online), which fails; the store keeps alice
 * with the error (so the failing answer was processed), then `expectAfter` checks the component.
 */
function failedCheckStory<Context extends PlayContext>(
  scenario: keyof typeof FAILURE_KIND,
  expectAfter: (context: Context) => Promise<void>,
  check: (context: Context) => Promise<void> | void = comeBackOnline,
): ScenarioStory<Context> {
  return {
    ...sessionState(scenario, { initialSession: signedIn(alice) }),
    play: async (context) => {
      await check(context)
      await waitFor(
        () =>
          expect(storySession(context)).toMatchObject({
            status: 'authenticated',
            user: alice,
            error: { kind: FAILURE_KIND[scenario] },
          }),
        { timeout: EVENTUAL_WAIT_MS },
      )
      await expectAfter(context)
    },
  }
}

/**
 * The failing scenarios of `failedCheckStory`, where this file's component shows the same for
 * each (`expectAfter`): `{ serverError, storeUnavailable, rateLimited, networkError, malformed }`.
 */
function failedCheckStories<Context extends PlayContext>(
  expectAfter: (context: Context) => Promise<void>,
  check?: (context: Context) => Promise<void> | void,
) {
  return {
    serverError: failedCheckStory('serverError', expectAfter, check),
    storeUnavailable: failedCheckStory('storeUnavailable', expectAfter, check),
    rateLimited: failedCheckStory('rateLimited', expectAfter, check),
    networkError: failedCheckStory('networkError', expectAfter, check),
    malformed: failedCheckStory('malformed', expectAfter, check),
  } satisfies Record<keyof typeof FAILURE_KIND, ScenarioStory<Context>>
}

export { failedCheckStories, failedCheckStory, FAILURE_KIND }
