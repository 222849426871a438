import type { SetupWorker } from 'msw/browser'
import { expect, waitFor } from 'storybook/test'
import { authenticatedPayload, unauthenticatedPayload } from '../../mocks/fixtures/sessions'
import { alice } from '../../mocks/fixtures/users'
import type { SessionScenario } from '../../mocks/handlers/session'
import { sessionAtom } from '@/lib/session/client/atoms'
import type { LostSessionReason } from '@/lib/session/shared/types'
import type { SessionRequestErrorKind } from '@/lib/session/shared/types'
import { signOutInAnotherTab } from './other-tab'
import { serveScenario, storyRequests } from './requests'
import { storyStore, type PlayContext, type SessionStoryParameters } from './story-context'

/** What these story makers read from a story's context (beforeEach and play share it). */
type ScenarioContext = PlayContext & { msw: SetupWorker }

/**
 * A story built here: the state is set up the same way in every client story file, and each
 * file adds what its component shows. `Context` is the file's own story context when a step
 * comes from one of its stories (`Authenticated.play`), else just what these makers read.
 */
type ScenarioStory<Context extends ScenarioContext> = {
  parameters: { session: SessionStoryParameters }
  beforeEach: (context: Context) => void
  play: (context: Context) => Promise<void>
}

type Step<Context> = ((context: Context) => unknown) | undefined

/** The layout says alice is signed in. */
const signedInAsAlice = { session: { initialSession: () => authenticatedPayload(alice) } }

/**
 * `SignedOutInAnotherTab`: signed in as alice (`signedIn` checks it), then another tab of the
 * app signs out; `expectAfter` checks what this file's component does about it.
 */
function signedOutInAnotherTabStory<Context extends ScenarioContext>(
  signedIn: Step<Context>,
  expectAfter: (context: Context) => Promise<void>,
): ScenarioStory<Context> {
  return {
    parameters: signedInAsAlice,
    beforeEach: (context) => serveScenario(context, 'authenticated'),
    play: async (context) => {
      await signedIn?.(context)
      signOutInAnotherTab(context)
      await waitFor(() =>
        expect(storyStore(context).get(sessionAtom)).toEqual({
          status: 'unauthenticated',
          reason: 'signed-out',
        }),
      )
      await expectAfter(context)
    },
  }
}

/**
 * `Expired` / `Invalid` / `Revoked`: the layout saw a stale cookie; one request lets the route
 * handler delete it and confirms the loss. `expectShown` checks this file's component first.
 */
function lostSessionStory<Context extends ScenarioContext>(
  reason: LostSessionReason,
  expectShown: (context: Context) => Promise<void>,
): ScenarioStory<Context> {
  return {
    parameters: { session: { initialSession: () => unauthenticatedPayload(reason) } },
    beforeEach: (context) => serveScenario(context, reason),
    play: async (context) => {
      await expectShown(context)
      await waitFor(() => expect(storyRequests(context).gets()).toBe(1))
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

/**
 * `ServerError` / `RateLimited` / `NetworkError` / `Malformed` while alice is signed in: `check`
 * makes a check (default: the browser comes back online), which fails; the store keeps alice
 * with the error (so the failing answer was processed), then `expectAfter` checks the component.
 */
function failedCheckStory<Context extends ScenarioContext>(
  scenario: keyof typeof FAILURE_KIND,
  expectAfter: (context: Context) => Promise<void>,
  check: (context: Context) => Promise<void> | void = () => {
    window.dispatchEvent(new Event('online'))
  },
): ScenarioStory<Context> {
  return {
    parameters: signedInAsAlice,
    beforeEach: (context) => serveScenario(context, scenario),
    play: async (context) => {
      await check(context)
      await waitFor(() =>
        expect(storyStore(context).get(sessionAtom)).toMatchObject({
          status: 'authenticated',
          user: alice,
          error: { kind: FAILURE_KIND[scenario] },
        }),
      )
      await expectAfter(context)
    },
  }
}

export { failedCheckStory, lostSessionStory, signedInAsAlice, signedOutInAnotherTabStory }
export type { ScenarioContext, ScenarioStory }
