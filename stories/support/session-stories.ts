import { expect, waitFor } from 'storybook/test'
import { alice } from '../../mocks/fixtures/users'
import type { SessionScenario } from '../../mocks/handlers/session'
import { sessionAtom } from '@/lib/session/client/atoms'
import type { LostSessionReason, SessionRequestErrorKind } from '@/lib/session/shared/types'
import { signOutInAnotherTab } from './other-tab'
import { storyRequests } from './requests'
import { sessionState, signedIn } from './session-state'
import { storyStore, type PlayContext } from './story-context'
import { EVENTUAL_WAIT_MS } from './timing'

/**
 * A story built here: the state is set up the same way in every client story file, and each
 * file adds what its component shows. `Context` is the file's own story context when a step
 * comes from one of its stories (`Authenticated.play`), else just what these makers read.
 */
type ScenarioStory<Context extends PlayContext> = ReturnType<typeof sessionState> & {
  play: (context: Context) => Promise<void>
}

type Step<Context> = ((context: Context) => unknown) | undefined

/**
 * `SignedOutInAnotherTab`: signed in as alice (`signedIn` checks it), then another tab of the
 * app signs out; `expectAfter` checks what this file's component does about it.
 */
function signedOutInAnotherTabStory<Context extends PlayContext>(
  signedIn: Step<Context>,
  expectAfter: (context: Context) => Promise<void>,
): ScenarioStory<Context> {
  return {
    ...sessionState('authenticated'),
    play: async (context) => {
      await signedIn?.(context)
      signOutInAnotherTab(context)
      await waitFor(
        () =>
          expect(storyStore(context).get(sessionAtom)).toEqual({
            status: 'unauthenticated',
            reason: 'signed-out',
          }),
        { timeout: EVENTUAL_WAIT_MS },
      )
      await expectAfter(context)
    },
  }
}

/**
 * `Expired` / `Invalid` / `Revoked`: the layout saw a stale cookie; one request lets the route
 * handler delete it and confirms the loss. `expectShown` checks this file's component first.
 */
function lostSessionStory<Context extends PlayContext>(
  reason: LostSessionReason,
  expectShown: (context: Context) => Promise<void>,
): ScenarioStory<Context> {
  return {
    ...sessionState(reason),
    play: async (context) => {
      await expectShown(context)
      await waitFor(() => expect(storyRequests(context).gets()).toBe(1), {
        timeout: EVENTUAL_WAIT_MS,
      })
      await expect(storyStore(context).get(sessionAtom)).toEqual({
        status: 'unauthenticated',
        reason,
      })
    },
  }
}

/** The error each failing scenario ends in. */
const FAILURE_KIND = {
  serverError: 'http',
  rateLimited: 'http',
  networkError: 'network',
  malformed: 'malformed',
} as const satisfies Partial<Record<SessionScenario, SessionRequestErrorKind>>

/** The browser comes back online: the provider checks the session. */
const comeBackOnline = () => {
  window.dispatchEvent(new Event('online'))
}

/**
 * `ServerError` / `RateLimited` / `NetworkError` / `Malformed` while alice is signed in: `check`
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
          expect(storyStore(context).get(sessionAtom)).toMatchObject({
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

export { failedCheckStory, FAILURE_KIND, lostSessionStory, signedOutInAnotherTabStory }
export type { ScenarioStory }
